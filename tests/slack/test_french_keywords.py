"""On Slack the command names stay; the French words work after them."""

from __future__ import annotations

from tests.slack.harness import SlackHarness, shown


def test_french_words_after_a_slack_command(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer <@UBOB|bob> Acme Corp | bookkeeping | 5000")
    slack.deliver()

    assert "You accepted referral #1" in shown(slack.command("UBOB", "/apport referral 1 accepter"))
    moved = shown(slack.command("UBOB", "/apport referral 1 contacté"))
    assert "#1" in moved and "contacted" in moved
    said = shown(slack.command("UALICE", "/apport network régler fuseau-horaire Europe/Paris"))
    assert "The time zone is now Europe/Paris." in said
