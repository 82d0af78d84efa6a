"""The pieces every adapter shares: capping, actions and forms as text, incident replies."""

from __future__ import annotations

import logging
import re

import pytest

from adapters.common.as_text import action_text, command_line, form_action, form_lines
from adapters.common.incident import incident_reply
from adapters.common.invocations import invocation
from adapters.common.text import cap
from core.shared.i18n import Translator
from core.shared.ui import Action, Form, Input, InputKind, Style


def test_cap_keeps_what_fits_and_marks_the_cut() -> None:
    assert cap("short", 10) == "short"
    assert cap("abcdefghij", 5) == "abcd…"
    assert len(cap("x" * 5000, 3000)) == 3000


@pytest.mark.parametrize(
    ("text", "limit", "capped"),
    [
        ("hello <@U123|bob> there", 12, "hello …"),  # inside a Slack mention
        ("hello <@123456> there", 10, "hello …"),  # inside a Discord mention
        ("fish &amp; chips", 8, "fish …"),  # inside an escaped entity
        ("<#C1> and more text", 8, "<#C1> a…"),  # after a whole entity
        ("x < " + "y" * 600 + " > z", 10, "x < yyyyy…"),  # a `<` far from any `>` is text
    ],
)
def test_cap_never_cuts_inside_an_entity(text: str, limit: int, capped: str) -> None:
    assert cap(text, limit) == capped
    assert len(capped) <= limit


def test_an_action_as_the_command_that_does_the_same() -> None:
    accept = Action("Accept", "referral", "1 accept")
    assert action_text(accept) == "[Accept] /referral 1 accept"
    won = Action("Won", "referral", "3 won", ask=Input("amount", "Amount", InputKind.AMOUNT))
    assert command_line(won) == "/referral 3 won AMOUNT"
    assert command_line(Action("Help", "help", "")) == "/help"


def test_a_form_as_text_and_as_the_action_that_opens_it() -> None:
    form = Form(
        "refer",
        "Refer a client",
        (
            Input("client", "Client", InputKind.TEXT, hint="their company"),
            Input("need", "Need", InputKind.TEXT, initial="a\nb"),
        ),
    )
    lines = form_lines(form, Translator("en"))
    assert lines[0] == "Refer a client"
    assert "  - Client: their company" in lines
    assert lines[-2:] == ["      a", "      b"]
    opener = form_action(form, Style.PRIMARY)
    assert (opener.label, opener.command, opener.args, opener.style) == (
        "Refer a client",
        "refer",
        "",
        Style.PRIMARY,
    )


def test_an_incident_reply_names_the_reference_the_log_holds(
    caplog: pytest.LogCaptureFixture,
) -> None:
    log = logging.getLogger("tests.incident")
    try:
        raise RuntimeError("database gone")
    except RuntimeError:
        with caplog.at_level(logging.ERROR, logger="tests.incident"):
            reply = incident_reply(Translator("en"), log, "refer in T1 by U1")
    assert reply.error
    found = re.search(r"\(ref\. ([0-9a-f]{8})\)$", reply.text)
    assert found is not None
    assert reply.text.startswith(Translator("en")("error.unexpected"))
    assert "database gone" not in reply.text
    [record] = caplog.records
    assert found.group(1) in record.getMessage()
    assert record.exc_info is not None and "database gone" in str(record.exc_info[1])


def test_an_incident_reply_logs_a_failure_handed_over(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="tests.incident"):
        reply = incident_reply(
            Translator("fr"), logging.getLogger("tests.incident"), "x", ValueError("late")
        )
    assert reply.text.startswith(Translator("fr")("error.unexpected"))
    assert caplog.records[0].exc_info is not None


def test_an_invocation_from_a_payloads_fields() -> None:
    invoked = invocation("G1", "", "42", "alice", "refer", text="@bob Acme", platform_admin=True)
    assert (invoked.network_name, invoked.platform_admin, invoked.text) == ("G1", True, "@bob Acme")
