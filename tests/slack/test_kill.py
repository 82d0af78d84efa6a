"""`apport slack` killed with SIGKILL in the middle of a command it has acknowledged, then
started again: the command is carried out and answered, once. A real process over real HTTP,
against the fake Slack, on 127.0.0.1 only."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.slack import payloads
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import shown

# `apport slack` as bot/cli.py runs it, bound to loopback rather than every interface.
LAUNCH = """
import logging, sys
from bot.runtime import run
from bot.settings import load_settings
from bot.slack_main import bundle
settings = load_settings()
logging.basicConfig(level="INFO", stream=sys.stderr)
sys.exit(run(settings, bundle(settings, host="127.0.0.1")))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Bot:
    def __init__(self, fake: FakeSlack, database: Path, log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/slack/events"
        self.log = log
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "APPORT_"))},
            "DATABASE_URL": f"sqlite:///{database}",
            "SLACK_BOT_TOKEN": payloads.BOT_TOKEN,
            "SLACK_SIGNING_SECRET": payloads.SECRET,
            "SLACK_API_URL": fake.api_url,
            "PORT": str(self.port),
            "APPORT_DISPATCH_SECONDS": "60",
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", LAUNCH], env=self.env, stdout=log, stderr=log
            )
        for _ in range(300):  # up to 30 s for the server to listen
            assert self.process.poll() is None, self.log.read_text()
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise AssertionError("apport slack did not start listening")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)  # reaped: its process id is no longer running

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def command(self, user: str, line: str, url: str) -> int:
        slash, _, rest = line.partition(" ")
        body = payloads.command(slash, rest, user, url)
        headers = {**payloads.FORM, **payloads.signed(body)}
        request = urllib.request.Request(self.url, data=body.encode(), headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code


@pytest.fixture
def bot(fake: FakeSlack, migrated_sqlite: Path, tmp_path: Path) -> Iterator[Bot]:
    database = tmp_path / "apport.db"
    shutil.copyfile(migrated_sqlite, database)
    running = Bot(fake, database, tmp_path / "apport.log")
    yield running
    running.stop()


def _referrals(bot: Bot) -> list[str]:
    engine = create_engine(bot.env["DATABASE_URL"])
    try:
        with engine.connect() as connection:
            return [
                r[0]
                for r in connection.execute(
                    text("SELECT c.name FROM referrals r JOIN clients c ON c.id = r.client_id")
                )
            ]
    finally:
        engine.dispose()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_command_acknowledged_when_the_bot_was_killed_is_carried_out_after_restart(
    bot: Bot, fake: FakeSlack
) -> None:
    bot.start()
    for user in ("UALICE", "UBOB"):
        url = fake.response_url(f"charter-{user}")
        assert bot.command(user, "/charter accept", url) == 200
        assert "accepted version 1" in shown(fake.wait_for_response(url))

    # Carol is looked up while the command runs: that call hangs, and the bot dies there.
    fake.hold("users.info")
    url = fake.response_url("refer-killed")
    assert bot.command("UALICE", "/refer <@UCAROL|carol> Acme Corp | audit", url) == 200
    fake.wait_for("users.info")
    bot.kill()
    fake.release("users.info")
    assert fake.responses_to(url) == [] and _referrals(bot) == []  # acknowledged, then lost

    bot.start()
    answer = shown(fake.wait_for_response(url, timeout=20))
    assert "Referral #1 for Acme Corp sent to carol." in answer
    assert _referrals(bot) == ["Acme Corp"]

    # The restarted bot serves as before; the recovered command is not run twice.
    later = fake.response_url("after-restart")
    assert bot.command("UALICE", "/apport referrals", later) == 200
    assert "#2" not in shown(fake.wait_for_response(later))
    assert len(fake.responses_to(url)) == 1
