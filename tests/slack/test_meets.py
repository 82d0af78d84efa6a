"""One-to-ones on Slack: the other member answers with buttons; a time is asked in a modal."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from tests.slack.harness import FakeClock, SlackHarness, shown
from tests.slack.payloads import buttons


def _latest(slack: SlackHarness, user: str, words: str) -> list[dict[str, Any]]:
    slack.deliver()
    found = [m for m in slack.fake.dms_to(user) if words in shown(m)]
    assert found, [shown(m) for m in slack.fake.dms_to(user)]
    blocks: list[dict[str, Any]] = found[-1]["blocks"]
    return blocks


def _day(clock: FakeClock, days: int) -> str:
    return f"{clock.now() + timedelta(days=days):%Y-%m-%d}"


def test_accept_move_and_done_with_buttons(slack: SlackHarness, clock: FakeClock) -> None:
    proposed = slack.command("UALICE", f"/apport meet <@UBOB|bob> {_day(clock, 2)} 10:00 | Café")
    assert "One-to-one #1 proposed to bob" in shown(proposed)
    card = _latest(slack, "UBOB", "alice proposes a one-to-one")
    assert buttons(card) == ["Accept", "Another time", "Decline"]

    accepted = slack.press(card, "Accept", "UBOB")
    assert accepted is not None and accepted["replace_original"] is True
    assert "One-to-one #1 accepted" in shown(accepted)
    assert "bob accepted one-to-one #1" in shown({"blocks": _latest(slack, "UALICE", "accepted")})

    url = slack.fake.response_url("move-message")
    assert slack.press(accepted["blocks"], "Another time", "UBOB", response_url=url) is None
    view = slack.opened_view()
    assert [b["block_id"] for b in view["blocks"]] == ["when"]
    bad = slack.submit(view, {"when": "someday"}, "UBOB")
    assert json.loads(bad.body)["errors"]["when"].startswith("I cannot read “someday”")
    good = slack.submit(view, {"when": f"{_day(clock, 3)} 08:30"}, "UBOB")
    assert good.status == 200 and good.body == ""
    [moved] = slack.fake.responses_to(url)
    assert "You proposed" in shown(moved) and "08:30" in shown(moved)

    again = _latest(slack, "UALICE", "bob proposes another time")
    assert "Accept" in buttons(again)
    assert slack.press(again, "Accept", "UALICE") is not None

    clock.advance(timedelta(days=4))
    asked = _latest(slack, "UALICE", "Did your one-to-one #1 with bob take place?")
    url = slack.fake.response_url("done-message")
    assert slack.press(asked, "It happened", "UALICE", response_url=url) is None
    view = slack.opened_view()
    assert slack.submit(view, {"learned": "Serves hotels in Lyon"}, "UALICE").status == 200
    [done] = slack.fake.responses_to(url)
    assert "*My note (private)*\nServes hotels in Lyon" in shown(done)
    assert "Serves hotels" not in shown(slack.command("UBOB", "/apport meet 1"))


def test_someone_elses_one_to_one_button_is_refused(slack: SlackHarness, clock: FakeClock) -> None:
    slack.command("UALICE", f"/apport meet <@UBOB|bob> {_day(clock, 2)} 10:00")
    card = _latest(slack, "UBOB", "alice proposes")
    refused = slack.press(card, "Accept", "UCAROL")
    assert refused is not None and refused["replace_original"] is False
    assert "is not one of yours" in shown(refused)
