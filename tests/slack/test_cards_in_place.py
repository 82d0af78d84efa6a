"""A referral's card through Bolt and the fake Web API: posted once in each party's DM, then
changed with chat.update on the stored channel and ts as the referral moves on, with a line
saying what changed; a card that is gone is posted again."""

from __future__ import annotations

from typing import Any

from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackHarness, shown
from tests.slack.payloads import buttons


def _cards(fake: FakeSlack, user: str) -> list[dict[str, Any]]:
    """The messages of the user's DM that show a referral's card, as they look now."""
    return [m for m in fake.conversation(user) if "Referral #1: Acme Corp" in shown(m)]


def _lines(fake: FakeSlack, user: str) -> list[str]:
    return [m["text"] for m in fake.conversation(user) if "Referral #1: Acme Corp" not in shown(m)]


def _referred(slack: SlackHarness) -> None:
    slack.command("UALICE", "/charter commission 10%")
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer <@UBOB|bob> Acme Corp | bookkeeping | 5000 | 3")
    assert slack.deliver().sent == 2  # each party's copy of the card


def test_a_referrals_lifecycle_shows_one_card_per_party_updated_in_place(
    slack: SlackHarness, fake: FakeSlack
) -> None:
    _referred(slack)
    [bob_card], [alice_card] = _cards(fake, "UBOB"), _cards(fake, "UALICE")
    assert "alice passes you a new referral, #1: Acme Corp." in shown(bob_card)
    assert "You passed Acme Corp to bob: referral #1." in shown(alice_card)

    slack.press(bob_card["blocks"], "Accept", "UBOB")  # on the card itself
    slack.deliver()
    for user, line in (
        ("UBOB", "/apport referral 1 contacted"),
        ("UBOB", "/apport referral 1 won 12000"),
        ("UALICE", "/apport referral 1 paid"),
    ):
        assert "cannot" not in shown(slack.command(user, line))
        slack.deliver()

    updates = fake.calls_to("chat.update")
    assert {(u["channel"], u["ts"]) for u in updates} == {
        ("DBOB", bob_card["ts"]),
        ("DALICE", alice_card["ts"]),
    }
    assert len(updates) == 8  # both copies, at each of the four moves
    for user in ("UBOB", "UALICE"):
        [card] = _cards(fake, user)
        assert card.get("edited") and "paid" in shown(card)
        assert buttons(card["blocks"]) == []  # nothing left to do
    accepted, contacted, won = _lines(fake, "UALICE")
    assert accepted == "bob accepted your referral #1."
    assert contacted == "bob contacted the client of referral #1."
    assert won.startswith("bob won referral #1 for €12,000.")
    [paid] = _lines(fake, "UBOB")
    assert paid.startswith("alice confirmed the commission of") and "#1 was received" in paid


def test_a_card_that_is_gone_is_posted_again_and_updated_from_there(
    slack: SlackHarness, fake: FakeSlack
) -> None:
    _referred(slack)
    [gone] = _cards(fake, "UBOB")
    fake.delete("DBOB", gone["ts"])

    slack.command("UBOB", "/apport referral 1 accept")
    slack.deliver()
    [fresh] = _cards(fake, "UBOB")
    assert fresh["ts"] != gone["ts"] and not fresh.get("edited")
    assert buttons(fresh["blocks"]) == ["Contacted", "Won", "Lost"]

    slack.command("UBOB", "/apport referral 1 contacted")
    slack.deliver()
    [same] = _cards(fake, "UBOB")
    assert same["ts"] == fresh["ts"] and same.get("edited")
    assert [u["ts"] for u in fake.calls_to("chat.update") if u["channel"] == "DBOB"] == [
        gone["ts"],  # refused: the message was gone
        fresh["ts"],
    ]
