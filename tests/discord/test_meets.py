"""One-to-ones on Discord: buttons answer, a time is asked in a modal, a round's Book button."""

from __future__ import annotations

from datetime import timedelta

from tests.discord.conftest import ALICE, BOB, CAROL, CLUB
from tests.discord.harness import World, buttons, embed_text
from tests.discord.payloads import slash, submit
from tests.discord.steps import last_dm, press


def _day(world: World, days: int) -> str:
    return f"{world.clock.now() + timedelta(days=days):%Y-%m-%d}"


async def test_accept_then_another_time_in_a_modal(world: World) -> None:
    proposed = await world.send(
        slash(ALICE, CLUB, "meet", sub="new", member=BOB, when=f"{_day(world, 2)} 10:00")
    )
    assert "One-to-one #1 proposed to bob" in proposed.content + embed_text(proposed.data)
    await world.dispatch()
    card = last_dm(world, BOB)
    assert list(buttons(card)) == ["Accept", "Another time", "Decline"]

    accepted = await press(world, BOB, card, "Accept")
    assert accepted.kind == "edit" and "One-to-one #1 accepted" in accepted.content
    await world.dispatch()
    assert "bob accepted one-to-one #1" in last_dm(world, ALICE)["content"]

    asked = await press(world, BOB, last_dm(world, BOB), "Another time")
    assert asked.kind == "modal"
    moved = await world.send(
        submit(BOB, asked.data, {"when": f"{_day(world, 3)} 8h30"}, message=last_dm(world, BOB))
    )
    assert moved.kind == "edit" and "You proposed" in moved.content
    await world.dispatch()
    assert "bob proposes another time" in last_dm(world, ALICE)["content"]


async def test_a_round_offers_a_book_button(world: World) -> None:
    for user in (ALICE, BOB):
        await world.send(slash(user, CLUB, "meets"))
    world.clock.advance(days=7)  # past the next Monday 09:00
    await world.dispatch()
    await world.dispatch()
    notice = last_dm(world, ALICE)
    assert "Pairing round 1: you are paired with bob" in notice["content"]
    asked = await press(world, ALICE, notice, "Book with bob")
    assert asked.kind == "modal"
    booked = await world.send(
        submit(ALICE, asked.data, {"when": f"{_day(world, 2)} 10:00"}, message=notice)
    )
    assert booked.kind == "edit" and "You proposed" in booked.content
    refused = await press(world, CAROL, last_dm(world, ALICE), "Decline")
    assert refused.ephemeral and "not one of yours" in refused.content
