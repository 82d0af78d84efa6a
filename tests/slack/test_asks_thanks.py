"""`/apport ask`, `/apport asks` and `/apport thanks` as members type them on Slack: signed
commands, the weekly post and the thanks in the announcements channel."""

from __future__ import annotations

from datetime import timedelta

from tests.slack.harness import FakeClock, SlackHarness, shown

ASK = "An introduction to the facility manager of a hotel in Lyon"


def _club(slack: SlackHarness) -> None:
    slack.command("UALICE", "/charter commission 10%")
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/apport network set announcements-channel <#C0ANN|news>")


def _posts(slack: SlackHarness) -> list[str]:
    return [shown(m) for m in slack.fake.calls_to("chat.postMessage") if m["channel"] == "C0ANN"]


def test_an_ask_is_set_shown_and_posted_on_asks_day(slack: SlackHarness, clock: FakeClock) -> None:
    _club(slack)
    slack.command("UBOB", "/apport profile Cleaning company | hotels, offices | In Lyon")
    saved = shown(slack.command("UALICE", f"/apport ask {ASK}"))
    assert f"Your ask of the week is saved: “{ASK}”" in saved
    assert f"“{ASK}”" in shown(slack.command("UALICE", "/apport ask"))
    listed = shown(slack.command("UBOB", "/apport asks"))
    assert f"alice: “{ASK}”" in listed and "Might help: bob (hotels, lyon)." in listed
    assert "ask of the week" in shown(slack.command("UBOB", "/apport members"))

    clock.advance(timedelta(days=7))  # past the next Monday 08:00
    slack.deliver()
    weekly = [p for p in _posts(slack) if "This week's asks" in p]
    assert len(weekly) == 1 and "Might help: bob" in weekly[0]
    slack.deliver()
    assert len([p for p in _posts(slack) if "This week's asks" in p]) == 1


def test_a_won_referral_is_thanked_privately_then_in_the_channel(slack: SlackHarness) -> None:
    _club(slack)
    slack.command("UALICE", "/refer <@UBOB|bob> Acme Corp | bookkeeping | 5000")
    slack.command("UBOB", "/apport referral 1 accept")
    won = shown(slack.command("UBOB", "/apport referral 1 won 12000"))
    assert "Thank alice in front of the network: /apport thanks 1 | MESSAGE" in won
    slack.deliver()
    told = [shown(m) for m in slack.fake.dms_to("UALICE")]
    assert any(
        "Thank you, alice: your referral brought bob €12,000 of business." in m for m in told
    )

    refused = shown(slack.command("UALICE", "/apport thanks 1 | Thanks"))
    assert refused.startswith("Only the member who received referral #1")
    posted = shown(slack.command("UBOB", "/apport thanks 1 | A loyal client, thank you"))
    assert "Your thanks to alice is posted" in posted
    slack.deliver()
    [post] = [p for p in _posts(slack) if "thanks alice" in p]
    assert "bob thanks alice for referral #1." in post
    assert "A loyal client, thank you" in post and "12,000" not in post
