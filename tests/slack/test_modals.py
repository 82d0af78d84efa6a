"""Commands given no text open a modal; its submission runs the command; core's validation
errors come back next to the field concerned (`response_action: errors`)."""

from __future__ import annotations

import json
import threading
from typing import Any

from slack_bolt import BoltResponse

from core.app import Invocation
from core.shared.ui import Reply
from tests.slack.harness import SlackHarness, shown

WAIT = 10.0  # seconds; only ever reached when the test fails


def _ack(response: BoltResponse) -> dict[str, Any]:
    assert response.status == 200, response.body
    return json.loads(response.body) if response.body else {}


def _blocks(view: dict[str, Any]) -> dict[str, str]:
    return {b["block_id"]: b["element"]["type"] for b in view["blocks"]}


def _answers(slack: SlackHarness, view: dict[str, Any]) -> list[dict[str, Any]]:
    """What was said on the response_url of the command that opened `view`."""
    return slack.fake.responses_to(json.loads(view["private_metadata"])["response_url"])


REFER_VALUES = {
    "receiver": "UBOB",
    "client": "Acme Corp",
    "need": "bookkeeping",
    "value": "5 000",
    "temperature": "3",
}


def test_refer_alone_opens_a_modal_whose_submission_refers(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    assert slack.command("UALICE", "/refer", expect_reply=False) == {}
    [opened] = slack.fake.calls_to("views.open")
    assert opened["trigger_id"].startswith("trigger.")
    view = opened["view"]
    assert view["title"]["text"] == "Refer a client"
    assert (
        _blocks(view).items()
        >= {
            "receiver": "users_select",
            "client": "plain_text_input",
            "need": "plain_text_input",
            "value": "plain_text_input",
            "temperature": "static_select",
        }.items()
    )
    optional = {b["block_id"]: b["optional"] for b in view["blocks"]}
    assert optional.items() >= {"receiver": True, "need": False, "value": True}.items()

    assert _ack(slack.submit(view, REFER_VALUES, "UALICE")) == {}  # the modal closes
    [answer] = _answers(slack, view)
    assert answer["response_type"] == "ephemeral"
    assert "Referral #1 for Acme Corp sent to bob." in shown(answer)
    slack.deliver()
    assert "€5,000" in shown(slack.fake.dms_to("UBOB")[0])


def test_the_refer_modal_sent_without_receiver_suggests_who_fits(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UBOB", "/apport profile accountant | bookkeeping, payroll")
    slack.command("UALICE", "/refer", expect_reply=False)
    view = slack.opened_view()
    assert _ack(slack.submit(view, {**REFER_VALUES, "receiver": ""}, "UALICE")) == {}
    [answer] = _answers(slack, view)
    assert "Who fits “bookkeeping”" in shown(answer)
    assert "bob: accountant" in shown(answer)
    assert "No referrals yet" in shown(slack.command("UALICE", "/apport referrals"))
    empty = _ack(slack.submit(view, {**REFER_VALUES, "receiver": "", "need": ""}, "UALICE"))
    assert list(empty["errors"]) == ["need"], "nothing to refer and nothing to match"


def test_a_bad_amount_is_shown_next_to_the_amount_and_changes_nothing(
    slack: SlackHarness,
) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/apport refer", expect_reply=False)
    view = slack.opened_view()
    ack = _ack(slack.submit(view, {**REFER_VALUES, "value": "12abc"}, "UALICE"))
    assert ack["response_action"] == "errors"
    assert list(ack["errors"]) == ["value"]
    assert ack["errors"]["value"].startswith("12abc is not a valid amount")
    assert _answers(slack, view) == []
    assert "No referrals yet" in shown(slack.command("UALICE", "/apport referrals"))


def test_other_refusals_land_on_their_field_or_the_first(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer", expect_reply=False)
    view = slack.opened_view()
    to_self = _ack(slack.submit(view, {**REFER_VALUES, "receiver": "UALICE"}, "UALICE"))
    assert to_self["errors"] == {"receiver": "You cannot refer a client to yourself."}
    long_need = _ack(slack.submit(view, {**REFER_VALUES, "need": "x" * 2001}, "UALICE"))
    assert list(long_need["errors"]) == ["need"]
    no_charter = _ack(slack.submit(view, REFER_VALUES, "UCAROL"))
    assert list(no_charter["errors"]) == ["receiver"]
    assert "accept the charter" in no_charter["errors"]["receiver"]


def test_charter_edit_opens_with_the_current_text(slack: SlackHarness) -> None:
    slack.command("UALICE", "/charter edit", expect_reply=False)
    view = slack.opened_view()
    assert list(_blocks(view)) == ["members", "clients", "remuneration"]
    initial = {b["block_id"]: b["element"]["initial_value"] for b in view["blocks"]}
    assert all(initial.values())
    empty = _ack(slack.submit(view, {**initial, "clients": ""}, "UALICE"))
    assert list(empty["errors"]) == ["clients"]
    edited = {**initial, "members": initial["members"] + "\nNo poaching, ever."}
    assert _ack(slack.submit(view, edited, "UALICE")) == {}
    assert "Version 2 of the charter is published" in shown(_answers(slack, view)[-1])
    assert "No poaching, ever." in shown(slack.command("UBOB", "/charter"))


def test_feedback_alone_opens_its_form(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer <@UBOB> Acme | audit")
    slack.command("UBOB", "/apport referral 1 accept")
    slack.command("UALICE", "/apport feedback", expect_reply=False)
    view = slack.opened_view()
    assert _blocks(view) == {
        "number": "plain_text_input",
        "score": "static_select",
        "comment": "plain_text_input",
    }
    values = {"number": "1", "score": "4", "comment": "good"}
    assert _ack(slack.submit(view, values, "UALICE")) == {}
    assert "4/5 recorded for referral #1" in shown(_answers(slack, view)[-1])


def test_a_slow_submission_closes_the_modal_and_answers_afterwards(
    slack: SlackHarness,
) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer", expect_reply=False)
    view = slack.opened_view()
    runner = slack.runtime.runner
    handle = runner.apport.handle

    release, finished = threading.Event(), threading.Event()

    def slow(invocation: Invocation) -> Reply:
        release.wait(WAIT)  # the command runs past the deadline, until the modal has closed
        finished.set()
        return handle(invocation)

    runner.apport.handle = slow  # type: ignore[method-assign]
    runner.deadline = 0.05
    assert _ack(slack.submit(view, REFER_VALUES, "UALICE")) == {}
    assert not finished.is_set(), "the modal closes without waiting for the command"
    release.set()
    slack.fake.wait_for("response", 3)  # the two charter acceptances, then this answer
    [answer] = _answers(slack, view)
    assert "Referral #1 for Acme Corp sent to bob." in shown(answer)
