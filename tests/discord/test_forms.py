"""Commands given no options open their form as a modal; the inline `text` option takes the
console's syntax; members named either way become members of the network."""

from __future__ import annotations

from tests.discord.conftest import ALICE, BOB, CAROL, CLUB
from tests.discord.harness import World, embed_text, slow_down
from tests.discord.payloads import User, slash, submit
from tests.discord.steps import accept_charter, last_dm, press

STRANGER = User(100000000000000099, "stranger")


def _inputs(modal: dict[str, object]) -> dict[str, tuple[str, int]]:
    """Input name -> (label, component type) of a modal the bot opened."""
    return {
        label["component"]["custom_id"]: (label["label"], label["component"]["type"])
        for label in modal["components"]  # type: ignore[attr-defined]
    }


async def test_refer_alone_opens_a_modal_whose_submission_refers(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)

    opened = await world.send(slash(ALICE, CLUB, "refer"))

    assert opened.kind == "modal"
    assert opened.data["title"] == "Refer a client"
    inputs = _inputs(opened.data)
    assert inputs["receiver"] == ("Refer to", 5)  # a user picker
    assert inputs["client"][1] == 4 and inputs["need"][1] == 4  # text inputs
    assert inputs["temperature"][1] == 3  # a select of 1 to 5

    done = await world.send(
        submit(
            ALICE,
            opened.data,
            {"receiver": BOB, "client": "Acme Corp", "need": "payroll", "temperature": "3"},
            guild=CLUB,
        )
    )

    assert done.ephemeral and done.content == "Referral #1 for Acme Corp sent to bob."
    await world.dispatch()
    card = embed_text(last_dm(world, BOB))
    assert "Need: payroll" in card and "Temperature: 3/5" in card


async def test_a_member_picked_in_the_form_who_never_used_the_bot_can_be_referred_to(
    world: World,
) -> None:
    await accept_charter(world, CLUB, ALICE)
    opened = await world.send(slash(ALICE, CLUB, "refer"))

    done = await world.send(
        submit(ALICE, opened.data, {"receiver": CAROL, "client": "Acme", "need": "x"}, guild=CLUB)
    )

    assert done.content == "Referral #1 for Acme sent to carol."


async def test_the_inline_text_option_takes_the_console_syntax(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)

    done = await world.send(
        slash(ALICE, CLUB, "refer", text=f"<@{BOB.id}> Acme Corp | audit | 5000 | 4")
    )

    assert done.ephemeral and done.content == "Referral #1 for Acme Corp sent to bob."
    await world.dispatch()
    card = embed_text(last_dm(world, BOB))
    assert "Temperature: 4/5" in card and "5,000" in card


async def test_an_inline_mention_of_someone_outside_the_guild_is_refused(world: World) -> None:
    await accept_charter(world, CLUB, ALICE)

    done = await world.send(slash(ALICE, CLUB, "refer", text=f"<@{STRANGER.id}> Acme | audit"))

    assert done.ephemeral and "not a member of this network" in done.content
    assert not world.fake.to("/users/@me/channels")


async def test_a_subcommand_takes_typed_options(world: World) -> None:
    done = await world.send(slash(ALICE, CLUB, "charter", sub="commission", rule="10%"))

    assert done.ephemeral and "10%" in done.content


async def test_a_form_that_comes_late_is_offered_as_a_button(world: World) -> None:
    slow_down(world, seconds=0.3, budget=0.05)

    answer = await world.send(slash(ALICE, CLUB, "refer"))

    assert answer.deferred and answer.ephemeral
    assert list(answer.buttons) == ["Refer a client"]
    opened = await press(world, ALICE, answer.message, "Refer a client", CLUB)
    assert opened.kind == "modal" and opened.data["title"] == "Refer a client"
