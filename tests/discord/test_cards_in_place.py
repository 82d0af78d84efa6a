"""A referral's card through the real discord.py: posted once in each party's DMs, then edited
in place (a raw PATCH of the message) as the referral moves on, with a line saying what
changed; a card that is gone is posted again."""

from __future__ import annotations

from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World, buttons, embed_text
from tests.discord.payloads import User, slash
from tests.discord.steps import accept_charter, press, refer


def _cards(world: World, user: User) -> list[dict[str, object]]:
    """The user's DMs that show a referral's card (an embed), as they look now."""
    return [m for m in world.fake.dms_to(user.id) if m.get("embeds")]


def _lines(world: World, user: User) -> list[str]:
    """The user's DMs that are a line and nothing else."""
    return [str(m["content"]) for m in world.fake.dms_to(user.id) if not m.get("embeds")]


def _edits(world: World) -> list[str]:
    return [c.path for c in world.fake.calls if c.method == "PATCH" and "/messages/" in c.path]


async def _move(world: World, user: User, action: str, note: str = "") -> None:
    options: dict[str, object] = {"number": 1, "action": action}
    if note:
        options["note"] = note
    answer = await world.send(slash(user, CLUB, "referral", **options))
    assert "cannot" not in answer.content, answer.content


async def test_a_referrals_lifecycle_shows_one_card_per_party_edited_in_place(
    world: World,
) -> None:
    await world.send(slash(ALICE, CLUB, "charter", sub="commission", rule="10%"))
    await accept_charter(world, CLUB, ALICE, BOB)
    await world.dispatch()
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    assert (await world.dispatch()).sent == 2  # each party's copy of the card
    [bob_card], [alice_card] = _cards(world, BOB), _cards(world, ALICE)
    assert bob_card["content"] == "alice passes you a new referral, #1: Acme Corp."
    assert alice_card["content"].startswith("You passed Acme Corp to bob: referral #1.")

    await press(world, BOB, bob_card, "Accept")  # on the card itself
    await world.dispatch()
    await _move(world, BOB, "contacted")
    await world.dispatch()
    await _move(world, BOB, "won", "12000")
    await world.dispatch()
    await _move(world, ALICE, "paid")
    await world.dispatch()

    assert [c["id"] for c in _cards(world, BOB)] == [bob_card["id"]]
    assert [c["id"] for c in _cards(world, ALICE)] == [alice_card["id"]]
    for user in (ALICE, BOB):
        [card] = _cards(world, user)
        assert "Status: paid" in embed_text(card)
        assert buttons(card) == {}  # nothing left to do
        assert card["edited_timestamp"]
    assert len(_edits(world)) >= 8  # both copies, at each of the four moves
    accepted, contacted, won = _lines(world, ALICE)
    assert accepted == "bob accepted your referral #1."
    assert contacted == "bob contacted the client of referral #1."
    assert won.startswith("bob won referral #1 for €12,000.")
    [paid] = _lines(world, BOB)
    assert paid.startswith("alice confirmed the commission of") and "#1 was received" in paid


async def test_a_card_that_is_gone_is_posted_again_and_followed_from_there(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    await world.dispatch()
    [gone] = _cards(world, BOB)
    world.fake.delete(gone["id"])

    await _move(world, BOB, "accept")
    assert (await world.dispatch()).sent == 2
    [fresh] = _cards(world, BOB)
    assert fresh["id"] != gone["id"] and "Status: accepted" in embed_text(fresh)

    await _move(world, BOB, "contacted")
    await world.dispatch()
    [same] = _cards(world, BOB)
    assert same["id"] == fresh["id"] and "Status: contacted" in embed_text(same)
