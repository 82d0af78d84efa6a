"""What an attacker or a careless member can send: bodies too large to read, a response_url
on someone else's host, mentions in a client's name; and what the logs keep at DEBUG."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from adapters.slack import redact
from adapters.slack.asgi import MAX_BODY
from tests.slack import payloads
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackHarness, shown
from tests.slack.test_http_flow import Server


@pytest.fixture
def server(fake: FakeSlack, database_url: str) -> Iterator[Server]:
    running = Server(fake, database_url)
    running.start()
    yield running
    running.stop()


def _raw_post(server: Server, head: bytes, body: bytes) -> bytes:
    """Send a request's head and part of its body, never the rest: what the server answered.
    An answer at all shows the server did not wait to read the body whole."""
    port = int(server.url.split(":")[2].split("/")[0])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        # The server may answer and close while the body is still coming.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.sendall(head + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            more = connection.recv(65536)
            if not more:
                break
            answer += more
        return answer


def _head(extra: str) -> bytes:
    return (
        "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\n{extra}\r\n"
    ).encode()


def test_a_declared_300_mb_body_is_refused_before_any_byte_is_read(server: Server) -> None:
    answer = _raw_post(server, _head("Content-Length: 300000000\r\n"), b"token=x")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]


def test_a_chunked_body_is_refused_once_it_passes_1_mb(server: Server) -> None:
    chunk = b"a" * 65536
    framed = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    # A quarter more than the limit and no closing chunk: the body never ends.
    body = framed * (MAX_BODY * 5 // 4 // len(chunk))
    answer = _raw_post(server, _head("Transfer-Encoding: chunked\r\n"), body)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]


def test_a_body_under_the_limit_still_goes_through(server: Server, fake: FakeSlack) -> None:
    url = fake.response_url("small")
    body = payloads.command("/apport", "help", "UALICE", url)
    assert server.post(body, {**payloads.FORM, **payloads.signed(body)}) == 200
    assert "refer" in shown(fake.wait_for_response(url))


@pytest.fixture
def elsewhere() -> Iterator[FakeSlack]:
    """A host that is not Slack's, listening on loopback to show it is never called."""
    server = FakeSlack().start()
    yield server
    server.stop()


def test_a_response_url_on_another_host_is_never_called(
    slack: SlackHarness, elsewhere: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    forged = elsewhere.response_url("steal")
    body = payloads.command("/apport", "help", "UALICE", forged)
    with caplog.at_level(logging.WARNING, logger="adapters.slack.outcomes"):
        assert slack.dispatch(body, payloads.FORM).status == 200
    assert elsewhere.calls == []
    assert "refused to answer through a response_url" in caplog.text


def test_a_response_url_in_a_modals_private_metadata_is_checked_too(
    slack: SlackHarness, elsewhere: FakeSlack
) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer", expect_reply=False)
    view: dict[str, Any] = slack.opened_view()
    origin = json.loads(view["private_metadata"])
    view = {**view, "private_metadata": json.dumps({**origin, "response_url": elsewhere.base})}
    values = {"receiver": "UBOB", "client": "Acme", "need": "audit"}
    assert slack.submit(view, values, "UALICE").status == 200
    assert elsewhere.calls == []


def test_the_notification_text_keeps_a_members_mentions_literal(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    # Typed `@channel @here @sales <!here> <@UCAROL> R&D <b>`, as Slack sends it.
    client = (
        "<!channel> <!here> <!subteam^S123|@sales> &lt;!here&gt; <@UCAROL|carol> R&amp;D &lt;b&gt;"
    )
    slack.command("UALICE", f"/refer <@UBOB|bob> {client} | audit")
    slack.deliver()
    [dm] = slack.fake.dms_to("UBOB")
    text = dm["text"]
    assert "@channel @here @sales &lt;!here&gt; &lt;@UCAROL&gt;" in text
    assert "R&amp;D &lt;b&gt;" in text
    assert "<!" not in text and "<@" not in text


def test_logs_at_debug_keep_no_contact_no_token_no_sql_parameter(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    slack.accept_charter("UALICE", "UBOB")
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="slack_bolt.RequestVerification")  # set at start
    redactor = redact.install([payloads.BOT_TOKEN, payloads.SECRET])
    sql = logging.getLogger("sqlalchemy.engine")
    sql.setLevel(logging.INFO)  # statements, and their parameters unless hidden
    try:
        contact = "jane@acme.fr, +33 6 12 34 56 78"
        slack.command("UALICE", f"/refer <@UBOB|bob> Acme | audit | 1000 | 3 | {contact}")
        slack.deliver()
        # An unsigned request, whose whole body Bolt logs at INFO.
        text = f"<@UBOB> Hooli | x | 1 | 1 | {contact}"
        unsigned = payloads.command("/refer", text, "UALICE", "")
        forged = {"x-slack-signature": "v0=0"}
        assert slack.dispatch(unsigned, payloads.FORM, **forged).status == 401
    finally:
        sql.setLevel(logging.WARNING)
        redact.uninstall(redactor)
    assert "jane@acme.fr" in shown(slack.fake.dms_to("UBOB")[0])  # the card carries the contact
    logged = caplog.text
    assert "Sending a request" in logged  # slack_sdk's DEBUG lines are there
    assert "Invalid request signature" in logged
    assert "INSERT INTO referrals" in logged
    assert "parameters hidden" in logged
    for secret in ("acme.fr", "12 34 56 78", "Hooli", payloads.BOT_TOKEN):
        assert secret not in logged, secret
