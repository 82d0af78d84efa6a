"""The main flow through the real discord.py: /refer, the DM with buttons, Accept after a
restart, and the referrer told."""

from __future__ import annotations

import copy

from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World, buttons, embed_text
from tests.discord.steps import accept_charter, last_dm, press, refer


async def test_refer_accept_after_restart_tells_the_referrer(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)

    answer = await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    assert answer.ephemeral
    assert answer.content == "Referral #1 for Acme Corp sent to bob."

    assert (await world.dispatch()).sent == 2  # each party's copy of the card
    offer = last_dm(world, BOB)
    assert offer["content"] == "alice passes you a new referral, #1: Acme Corp."
    card = embed_text(offer)
    assert "Referral #1: Acme Corp" in card and "Need: bookkeeping" in card
    assert list(buttons(offer)) == ["Accept", "Decline"]

    await world.restart()
    accepted = await press(world, BOB, offer, "Accept")

    assert accepted.kind == "edit"
    assert accepted.content.startswith("You accepted referral #1")
    edited = last_dm(world, BOB)  # the same message, as bob now sees it
    assert edited["id"] == offer["id"]
    assert "Status: accepted" in embed_text(edited)
    assert "Accept" not in buttons(edited) and "Won" in buttons(edited)

    assert (await world.dispatch()).sent == 2  # both copies updated, alice told in a line
    assert last_dm(world, ALICE)["content"] == "bob accepted your referral #1."


async def test_a_second_click_on_accept_changes_nothing(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    await world.dispatch()
    offer = last_dm(world, BOB)
    stale = copy.deepcopy(offer)  # what a second device still shows
    await press(world, BOB, offer, "Accept")

    again = await press(world, BOB, stale, "Accept")

    assert again.kind == "message" and again.ephemeral
    assert "accepted: it cannot be marked accepted now" in again.content
    assert "Status: accepted" in embed_text(last_dm(world, BOB))
    assert (await world.dispatch()).sent == 2  # alice hears of the acceptance once
    assert [m["content"] for m in world.fake.dms_to(ALICE.id)].count(
        "bob accepted your referral #1."
    ) == 1
