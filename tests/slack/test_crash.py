"""`apport slack` killed (SIGKILL) in the middle of a send, then started again: its claims are
taken over once its lease expired, every row goes out, and the message in flight is found by
its metadata rather than posted twice."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text

from storage.database import make_engine
from tests.slack import payloads
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackHarness, shown

BIN = Path(sys.executable).parent / "apport"
WAIT = 60.0  # bounds every wait; a claim once waited 5 minutes, the lease here is 2 s


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(fake: FakeSlack, database_url: str, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "APPORT_"))}
    env.update(
        DATABASE_URL=database_url,
        SLACK_BOT_TOKEN=payloads.BOT_TOKEN,
        SLACK_SIGNING_SECRET=payloads.SECRET,
        SLACK_API_URL=fake.api_url,
        PORT=str(_free_port()),
        APPORT_LEASE_SECONDS="2",
        APPORT_DISPATCH_SECONDS="0.2",
    )
    log = (tmp_path / "apport.log").open("ab")
    return subprocess.Popen([str(BIN), "slack"], env=env, cwd=tmp_path, stdout=log, stderr=log)


def _until(found: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not found():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


def _offered(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT key, state FROM outbox WHERE kind = 'referral.card'")
        ).all()
    return {key: state for key, state in rows}


def test_a_bot_killed_during_dispatch_loses_nothing_and_posts_nothing_twice(
    slack: SlackHarness, fake: FakeSlack, database_url: str, tmp_path: Path
) -> None:
    slack.accept_charter("UALICE", "UBOB", "UCAROL")
    for n in range(4):
        slack.command("UALICE", f"/refer <@{'UBOB' if n == 0 else 'UCAROL'}> Client {n} | tax")
    slack.close()
    engine = make_engine(database_url)
    fake.slow["UBOB"] = WAIT  # bob's DM is posted at once, answered too late for anyone

    first = _start(fake, database_url, tmp_path)
    try:
        _until(lambda: bool(fake.dms_to("UBOB")), "the first process sends to bob")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(WAIT)
    assert "claimed" in _offered(engine).values(), "the dead process holds bob's row"
    fake.slow.clear()

    second = _start(fake, database_url, tmp_path)
    try:
        _until(lambda: set(_offered(engine).values()) == {"sent"}, "the second process sends all")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(WAIT)
        engine.dispose()
    to_bob = [shown(m) for m in fake.dms_to("UBOB") if "Client 0" in shown(m)]
    assert len(to_bob) == 1, "found by its metadata, not posted again"
    to_carol = [shown(m) for m in fake.dms_to("UCAROL")]
    for n in (1, 2, 3):
        assert sum(f"Client {n}" in m for m in to_carol) == 1, (n, to_carol)
    assert fake.calls_to("conversations.history"), "the row in flight was looked for"
