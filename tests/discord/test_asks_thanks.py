"""`/ask`, `/asks` and `/thanks` through the real discord.py: options, the card of a referral
that answers an ask, and the thanks posted to the announcements channel."""

from __future__ import annotations

from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World, embed_text
from tests.discord.payloads import slash, submit
from tests.discord.steps import accept_charter, last_dm, press

ANNOUNCEMENTS = 300000000000000777
ASK = "An introduction to the facility manager of a hotel in Lyon"


async def _club(world: World) -> None:
    await world.send(
        slash(
            ALICE,
            CLUB,
            "network",
            sub="set",
            key="announcements-channel",
            setting_value=f"<#{ANNOUNCEMENTS}>",
        )
    )
    await world.send(slash(ALICE, CLUB, "charter", sub="commission", rule="10%"))
    await accept_charter(world, CLUB, ALICE, BOB)


async def test_an_ask_is_set_listed_and_marks_the_referral_that_answers_it(world: World) -> None:
    await _club(world)
    saved = await world.send(slash(BOB, CLUB, "ask", ask=ASK))
    assert saved.ephemeral
    assert f"Your ask of the week is saved: “{ASK}”" in saved.content

    listed = await world.send(slash(ALICE, CLUB, "asks"))
    assert f"bob: “{ASK}”" in embed_text(listed.data) or f"bob: “{ASK}”" in listed.content

    await world.send(
        slash(ALICE, CLUB, "refer", receiver=BOB, client="Hotel Bellecour", need="rooms in Lyon")
    )
    await world.dispatch()
    offer = embed_text(last_dm(world, BOB))
    assert "Answers an ask: bob's ask of the week" in offer
    assert "(matched: hotel, lyon)" in offer

    cleared = await world.send(slash(BOB, CLUB, "ask", ask="clear"))
    assert cleared.content == "Your ask of the week is cleared."


async def test_won_by_button_then_thanked_in_the_announcements_channel(world: World) -> None:
    await _club(world)
    await world.send(
        slash(ALICE, CLUB, "refer", receiver=BOB, client="Acme Corp", need="bookkeeping")
    )
    await world.dispatch()
    accepted = await press(world, BOB, last_dm(world, BOB), "Accept")
    asked = await press(world, BOB, accepted.message, "Won")
    await world.send(submit(BOB, asked.data, {"amount": "12000"}, message=accepted.message))
    await world.dispatch()
    assert last_dm(world, ALICE)["content"].endswith(
        "Thank you, alice: your referral brought bob €12,000 of business."
    )

    thanked = await world.send(
        slash(BOB, CLUB, "thanks", number=1, show_amount="amount", message="A loyal client")
    )
    assert thanked.ephemeral
    assert thanked.content.startswith("Your thanks to alice is posted")
    await world.dispatch()
    [post] = world.fake.posts_in(ANNOUNCEMENTS)
    text = embed_text(post) + post.get("content", "")
    assert "bob thanks alice for referral #1. Business closed: €12,000." in text
    assert "“A loyal client”" in text
    assert last_dm(world, ALICE)["content"] == (
        "bob thanked you in front of the network for referral #1."
    )

    again = await world.send(slash(BOB, CLUB, "thanks", number=1, message="Again"))
    assert again.ephemeral and "already thanked" in again.content
