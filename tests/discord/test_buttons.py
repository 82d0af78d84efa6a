"""Each kind of button: it runs its command, then its message shows the result instead."""

from __future__ import annotations

from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World, buttons, embed_text
from tests.discord.payloads import slash, submit
from tests.discord.steps import accept_charter, last_dm, press, refer


async def _offer(world: World) -> dict[str, object]:
    await world.send(slash(ALICE, CLUB, "charter", sub="commission", rule="10%"))
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    await world.dispatch()
    return last_dm(world, BOB)


async def test_decline_removes_the_buttons_and_tells_the_referrer(world: World) -> None:
    offer = await _offer(world)

    declined = await press(world, BOB, offer, "Decline")

    assert declined.kind == "edit" and declined.content == "You declined referral #1."
    assert buttons(last_dm(world, BOB)) == {}
    await world.dispatch()
    assert last_dm(world, ALICE)["content"] == "bob declined your referral #1."


async def test_won_asks_the_amount_in_a_modal_then_shows_the_commission(world: World) -> None:
    offer = await _offer(world)
    await press(world, BOB, offer, "Accept")
    accepted = last_dm(world, BOB)

    asked = await press(world, BOB, accepted, "Won")

    assert asked.kind == "modal" and asked.data["title"] == "Won"
    [label] = asked.data["components"]
    assert label["label"] == "Amount closed (before tax)"
    won = await world.send(submit(BOB, asked.data, {"amount": "12000"}, message=accepted))
    assert won.kind == "edit"
    assert won.content == "Referral #1 won. Commission due to the referrer: €1,200."
    assert "Won" not in buttons(last_dm(world, BOB))
    await world.dispatch()
    assert "Commission due to you: €1,200" in last_dm(world, ALICE)["content"]


async def test_a_feedback_score_button_records_the_score(world: World) -> None:
    offer = await _offer(world)
    await press(world, BOB, offer, "Accept")
    await world.dispatch()
    world.clock.advance(days=15)  # the follow-up comes after the network's 14 days

    await world.dispatch()
    question = last_dm(world, ALICE)
    assert question["content"] == "Was Acme Corp served well by bob? (referral #1)"
    assert list(buttons(question)) == ["1", "2", "3", "4", "5", "Too early to say"]

    await world.restart()
    scored = await press(world, ALICE, question, "4")

    assert scored.kind == "edit" and scored.content.startswith("Thank you: 4/5 recorded")
    assert buttons(last_dm(world, ALICE)) == {}
    await world.dispatch()
    assert "gave you 4/5 for referral #1" in last_dm(world, BOB)["content"]


async def test_a_refused_click_leaves_the_message_as_it_was(world: World) -> None:
    offer = await _offer(world)

    refused = await press(world, ALICE, offer, "Accept")  # alice is not the receiver

    assert refused.kind == "message" and refused.ephemeral
    assert refused.content == "Only the member who received referral #1 can mark it accepted."
    assert list(buttons(last_dm(world, BOB))) == ["Accept", "Decline"]
    assert "Status: offered" in embed_text(last_dm(world, BOB))
