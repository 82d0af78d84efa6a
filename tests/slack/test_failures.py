"""Unexpected failures: the user gets a short message with a request id, the log gets the
trace under that id; tokens and secrets never reach the log."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest

from adapters.slack import redact
from core.app import Invocation
from core.shared.ui import Reply
from tests.slack.harness import SlackHarness, shown
from tests.slack.payloads import BOT_TOKEN, SECRET, VERIFICATION_TOKEN


def test_an_unexpected_failure_shows_a_request_id_not_the_trace(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(invocation: Invocation) -> Reply:
        raise RuntimeError("database exploded at row 42")

    monkeypatch.setattr(slack.runtime.apport, "handle", broken)
    with caplog.at_level(logging.ERROR):
        reply = shown(slack.command("UALICE", "/apport referrals"))
    assert reply.startswith("Something went wrong on our side")
    assert "exploded" not in reply and "Traceback" not in reply
    found = re.search(r"\(ref\. ([0-9a-f]{8})\)", reply)
    assert found is not None
    assert f"request {found.group(1)} failed" in caplog.text
    assert "RuntimeError: database exploded at row 42" in caplog.text


@pytest.fixture
def redacted() -> Iterator[redact.RedactSecrets]:
    redactor = redact.install([BOT_TOKEN, SECRET])
    yield redactor
    redact.uninstall(redactor)


def test_secrets_never_reach_the_log(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture, redacted: redact.RedactSecrets
) -> None:
    caplog.handler.addFilter(redacted)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("probe").warning("token %s and secret %s", BOT_TOKEN, SECRET)
        slack.accept_charter("UALICE", "UBOB")
        slack.command("UALICE", "/refer <@UBOB> Acme | audit")
        slack.deliver()
    logged = caplog.text
    assert "[redacted]" in logged and "Sending a request" in logged  # slack_sdk's debug log
    for secret in (BOT_TOKEN, SECRET, VERIFICATION_TOKEN):
        assert secret not in logged
    caplog.handler.removeFilter(redacted)


def test_the_redactor_hides_any_slack_token() -> None:
    scrub = redact.RedactSecrets(["s3cret-value"]).scrub
    text = "xoxb-123-456-abc and xapp-1-A-2-def and xoxp-9 and s3cret-value"
    assert scrub(text) == "[redacted] and [redacted] and [redacted] and [redacted]"
