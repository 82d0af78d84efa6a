"""Every kind of button: it runs its action as the presser and replaces its message, so it
cannot act twice; `won` asks the amount in a modal first."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from tests.slack.harness import FakeClock, SlackHarness, shown
from tests.slack.payloads import buttons


@pytest.fixture
def offer(slack: SlackHarness) -> list[dict[str, Any]]:
    """alice set a 10% commission and referred Acme Corp to bob: bob's direct message."""
    slack.command("UALICE", "/charter commission 10%")
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer <@UBOB|bob> Acme Corp | bookkeeping | 5000 | 3")
    slack.deliver()
    blocks: list[dict[str, Any]] = slack.fake.dms_to("UBOB")[0]["blocks"]
    return blocks


def _told(slack: SlackHarness, user: str) -> str:
    slack.deliver()
    return "\n".join(shown(m) for m in slack.fake.dms_to(user))


def test_accept_replaces_the_message_with_the_next_steps(
    slack: SlackHarness, offer: list[dict[str, Any]]
) -> None:
    replaced = slack.press(offer, "Accept", "UBOB")
    assert replaced is not None and replaced["replace_original"] is True
    assert "You accepted referral #1." in shown(replaced)
    assert buttons(replaced["blocks"]) == ["Contacted", "Won", "Lost"]
    assert "bob accepted your referral #1." in _told(slack, "UALICE")


def test_a_second_press_of_a_stale_button_does_nothing(
    slack: SlackHarness, offer: list[dict[str, Any]]
) -> None:
    slack.press(offer, "Accept", "UBOB")
    again = slack.press(offer, "Decline", "UBOB")
    assert again is not None
    assert again["replace_original"] is False and again["response_type"] == "ephemeral"
    assert "is accepted: it cannot be marked declined now" in shown(again)
    assert "declined" not in _told(slack, "UALICE")


def test_decline(slack: SlackHarness, offer: list[dict[str, Any]]) -> None:
    replaced = slack.press(offer, "Decline", "UBOB")
    assert replaced is not None and "You declined referral #1." in shown(replaced)
    assert buttons(replaced["blocks"]) == []
    assert "bob declined your referral #1" in _told(slack, "UALICE")


def test_someone_elses_button_is_refused(slack: SlackHarness, offer: list[dict[str, Any]]) -> None:
    refused = slack.press(offer, "Accept", "UCAROL")
    assert refused is not None and refused["replace_original"] is False
    assert "not one of yours" in shown(refused)


def test_won_asks_the_amount_in_a_modal(slack: SlackHarness, offer: list[dict[str, Any]]) -> None:
    accepted = slack.press(offer, "Accept", "UBOB")
    assert accepted is not None
    url = slack.fake.response_url("won-message")
    assert slack.press(accepted["blocks"], "Won", "UBOB", response_url=url) is None
    view = slack.opened_view()
    assert view["callback_id"] == "apport.ask"
    assert view["title"]["text"] == "Won"
    assert [b["block_id"] for b in view["blocks"]] == ["amount"]
    assert "accepted" in shown(slack.command("UBOB", "/apport referral 1"))  # nothing yet

    bad = slack.submit(view, {"amount": "lots"}, "UBOB")
    assert json.loads(bad.body)["errors"]["amount"].startswith("lots is not a valid amount")
    good = slack.submit(view, {"amount": "12 000"}, "UBOB")
    assert good.status == 200 and good.body == ""
    [replaced] = slack.fake.responses_to(url)
    assert replaced["replace_original"] is True
    assert "Referral #1 won. Commission due to the referrer: €1,200." in shown(replaced)
    assert "bob won referral #1 for €12,000" in _told(slack, "UALICE")


def test_feedback_score_buttons(
    slack: SlackHarness, clock: FakeClock, offer: list[dict[str, Any]]
) -> None:
    slack.press(offer, "Accept", "UBOB")
    clock.advance(timedelta(days=15))  # the follow-up asks the referrer after 14 days
    slack.deliver()
    ask = [m for m in slack.fake.dms_to("UALICE") if "served well" in shown(m)]
    assert ask, [shown(m) for m in slack.fake.dms_to("UALICE")]
    assert buttons(ask[0]["blocks"]) == ["1", "2", "3", "4", "5", "Too early to say"]
    replaced = slack.press(ask[0]["blocks"], "4", "UALICE")
    assert replaced is not None and "4/5 recorded for referral #1" in shown(replaced)
    assert buttons(replaced["blocks"]) == []
    assert "alice gave you 4/5 for referral #1" in _told(slack, "UBOB")


def test_charter_buttons_in_an_ephemeral_reply(slack: SlackHarness) -> None:
    charter = slack.command("UBOB", "/charter")
    replaced = slack.press(charter["blocks"], "Accept the charter", "UBOB")
    assert replaced is not None and "you accepted version 1" in shown(replaced)


def test_a_button_that_is_not_ours_is_ignored(slack: SlackHarness) -> None:
    blocks = [
        {
            "type": "actions",
            "block_id": "x",
            "elements": [
                {
                    "type": "button",
                    "action_id": "apport.action:0",
                    "text": {"type": "plain_text", "text": "Odd"},
                    "value": "not json",
                }
            ],
        }
    ]
    slack.fake.clear()
    assert slack.press(blocks, "Odd", "UBOB") is None
    assert slack.fake.calls == []
