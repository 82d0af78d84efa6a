"""A referral's round trip and a refused command's, over real HTTP into the `apport slack`
server (uvicorn on loopback), with the dispatch loop running as in production."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from bot.slack_main import build_runtime, http_server, slack_config
from tests.slack import payloads
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import settings_for, shown
from tests.slack.payloads import buttons


class Server:
    def __init__(self, fake: FakeSlack, database_url: str) -> None:
        settings = settings_for(fake, database_url, APPORT_DISPATCH_SECONDS=30)
        self.runtime = build_runtime(settings, slack_config(settings))
        self.fake = fake
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/slack/events"
        self.server = http_server(self.runtime.bolt, "127.0.0.1", 0)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]})

    def start(self) -> None:
        self.runtime.loop.start()
        # Connections wait in the socket's backlog until the server accepts them.
        self.sock.listen()
        self.thread.start()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()
        self.runtime.close()

    def post(self, body: str, headers: dict[str, str]) -> int:
        """The status Slack would have had in answer."""
        request = urllib.request.Request(self.url, data=body.encode(), headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code

    def command(self, user: str, line: str, name: str) -> tuple[int, str]:
        slash, _, text = line.partition(" ")
        url = self.fake.response_url(name)
        body = payloads.command(slash, text, user, url)
        return self.post(body, {**payloads.FORM, **payloads.signed(body)}), url


@pytest.fixture
def server(fake: FakeSlack, database_url: str) -> Iterator[Server]:
    running = Server(fake, database_url)
    running.start()
    yield running
    running.stop()


def _reply(fake: FakeSlack, url: str) -> dict[str, Any]:
    return fake.wait_for_response(url)


def test_refer_accept_over_http_and_an_unsigned_copy_changes_nothing(
    server: Server, fake: FakeSlack
) -> None:
    for user in ("UALICE", "UBOB"):
        status, url = server.command(user, "/charter accept", f"charter-{user}")
        assert status == 200
        assert "accepted version 1" in shown(_reply(fake, url))

    line = "/refer <@UBOB|bob> Acme Corp | bookkeeping | 5000 | 3"
    status, url = server.command("UALICE", line, "refer")
    assert status == 200
    assert "Referral #1 for Acme Corp sent to bob." in shown(_reply(fake, url))

    # The dispatch loop was kicked by the command: each party's copy of the card.
    [dm] = [m for m in fake.wait_for("chat.postMessage", 2) if m["channel"] == "UBOB"]
    assert "Acme Corp" in shown(dm)
    assert "Accept" in buttons(dm["blocks"])

    message_url = fake.response_url("bob-dm")
    payload = payloads.press(dm["blocks"], "Accept", "UBOB", message_url)
    body = payloads.interaction(payload)
    status = server.post(body, {**payloads.FORM, **payloads.signed(body)})
    assert status == 200
    told = fake.wait_for("chat.postMessage", 3)[2]  # alice's card is updated, and a line
    assert told["channel"] == "UALICE"
    assert "bob accepted your referral #1." in shown(told)
    replaced = _reply(fake, message_url)
    assert replaced["replace_original"] is True
    assert "Accept" not in buttons(replaced["blocks"])
    assert "Won" in buttons(replaced["blocks"])

    calls_before = len(fake.calls)
    unsigned = payloads.command("/refer", line.split(" ", 1)[1], "UALICE", url)
    status = server.post(unsigned, payloads.FORM)
    assert status == 401
    assert len(fake.calls) == calls_before

    status, url = server.command("UALICE", "/apport referrals", "ledger")
    ledger = shown(_reply(fake, url))
    assert "#1 to bob: Acme Corp" in ledger
    assert "#2" not in ledger


def test_bad_signature_and_stale_timestamp_get_401_over_http(
    server: Server, fake: FakeSlack
) -> None:
    body = payloads.command("/apport", "charter accept", "UALICE", fake.response_url("x"))
    forged = {**payloads.FORM, **payloads.signed(body, secret="not-the-secret")}
    assert server.post(body, forged) == 401
    stale = {**payloads.FORM, **payloads.signed(body, timestamp=int(time.time()) - 301)}
    assert server.post(body, stale) == 401
    assert server.post(body, {**payloads.FORM, **payloads.signed(body)}) == 200
    assert "accepted version 1" in shown(_reply(fake, fake.response_url("x")))
    assert len(fake.responses_to(fake.response_url("x"))) == 1


def _members(engine: Any) -> list[str]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT external_id FROM members ORDER BY id"))
        return [row[0] for row in rows]


def test_a_refused_refer_enrols_no_one_and_an_accepted_one_enrols_the_mentioned(
    server: Server, fake: FakeSlack
) -> None:
    status, url = server.command("UALICE", "/charter accept", "charter-alice")
    assert status == 200 and "accepted version 1" in shown(_reply(fake, url))
    engine = server.runtime.engine
    assert _members(engine) == ["UALICE"]

    status, url = server.command("UALICE", "/refer <@UBOB|bob> Acme | audit | 12abc", "bad")
    assert status == 200
    assert "12abc is not a valid amount" in shown(_reply(fake, url))
    assert _members(engine) == ["UALICE"]

    status, url = server.command("UALICE", "/refer <@UBOB|bob> Acme | audit | 5000", "good")
    assert status == 200
    assert "Referral #1 for Acme sent to bob." in shown(_reply(fake, url))
    assert _members(engine) == ["UALICE", "UBOB"]
