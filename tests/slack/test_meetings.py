"""Meetings on Slack: the "I'm here" button sent at the meeting's start is pressed, and the
host's "Propose as candidate" button opens the candidate form filled in from the visit."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any

from core.shared.schedule import DAYS
from tests.slack.harness import SlackHarness, shown


def _initial(view: dict[str, Any]) -> dict[str, str]:
    return {
        b["block_id"]: str(b["element"].get("initial_value", ""))
        for b in view["blocks"]
        if b.get("type") == "input"
    }


def _last_dm(slack: SlackHarness, user: str, words: str) -> list[dict[str, Any]]:
    slack.deliver()
    found = [m for m in slack.fake.dms_to(user) if words in shown(m)]
    assert found, f"no message to {user} with {words!r}"
    blocks: list[dict[str, Any]] = found[-1]["blocks"]
    return blocks


def test_check_in_and_propose_a_visitor_as_candidate(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/apport network set timezone UTC")
    # The meeting starts in two minutes, today (the clock is the real time, in UTC).
    starts = (slack.clock.now().astimezone(UTC) + timedelta(minutes=2)).replace(second=0)
    slack.command("UALICE", f"/apport meeting schedule {DAYS[starts.weekday()]} {starts:%H:%M}")
    invited = slack.command("UBOB", "/apport visitor Jean Dupont | Architect | | jean@x.example")
    assert "Visitor #1 Jean Dupont is expected" in shown(invited)
    slack.deliver()
    slack.clock.advance(timedelta(minutes=3))
    blocks = _last_dm(slack, "UBOB", "Are you here?")
    replaced = slack.press(blocks, "I'm here", "UBOB")
    assert replaced is not None
    assert "You are marked present" in shown(replaced)

    slack.clock.advance(timedelta(minutes=60))
    asked = _last_dm(slack, "UBOB", "How did the visit of Jean Dupont")
    assert slack.press(asked, "Propose as candidate", "UBOB") is None  # a modal instead
    view = slack.opened_view()
    assert view["title"]["text"] == "Propose a candidate"
    initial = _initial(view)
    assert (initial["name"], initial["profession"]) == ("Jean Dupont", "Architect")
    done = slack.submit(view, {**initial, "previous": "None"}, "UBOB")
    assert done.status == 200
    card = slack.command("UALICE", "/apport candidate 1")
    assert "Jean Dupont" in shown(card)
    listed = shown(slack.command("UALICE", "/apport visitors"))
    assert "candidate #1" in listed
