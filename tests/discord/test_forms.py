"""Commands given no options open their form as a modal; the inline `text` option takes the
console's syntax; members named either way become members of the network."""

from __future__ import annotations

from sqlalchemy import text

from tests.discord.conftest import ALICE, BOB, CAROL, CLUB
from tests.discord.harness import World, embed_text, slow_down
from tests.discord.payloads import User, slash, submit
from tests.discord.steps import accept_charter, fill_in, inputs_of, last_dm, press

STRANGER = User(100000000000000099, "stranger")


async def test_refer_alone_opens_a_modal_whose_submission_refers(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)

    opened = await world.send(slash(ALICE, CLUB, "refer"))

    assert opened.kind == "modal"
    assert opened.data["title"].startswith("Refer a client")
    labels = {
        label["component"]["custom_id"]: label["label"] for label in opened.data["components"]
    }
    assert labels["receiver"] == "Refer to"
    types = {name: c["type"] for name, c in inputs_of(opened.data).items()}
    assert types["receiver"] == 5  # a user picker
    assert types["client"] == types["need"] == 4  # text inputs
    assert types["temperature"] == 3  # a select of 1 to 5

    done = await fill_in(
        world,
        ALICE,
        opened,
        {"receiver": BOB, "client": "Acme Corp", "need": "payroll", "temperature": "3"},
        CLUB,
    )

    assert done.ephemeral and done.content == "Referral #1 for Acme Corp sent to bob."
    await world.dispatch()
    card = embed_text(last_dm(world, BOB))
    assert "Need: payroll" in card and "Temperature: 3/5" in card


async def test_the_form_sent_without_receiver_suggests_who_fits(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await world.send(slash(BOB, CLUB, "profile", text="accountant | bookkeeping, payroll"))
    opened = await world.send(slash(ALICE, CLUB, "refer"))
    assert inputs_of(opened.data)["receiver"]["required"] is False

    done = await fill_in(world, ALICE, opened, {"client": "Acme", "need": "payroll"}, CLUB)

    assert done.ephemeral
    shown = done.content + embed_text(done.data)
    assert "payroll" in shown and "bob: accountant" in shown


async def test_a_member_picked_in_the_form_who_never_used_the_bot_can_be_referred_to(
    world: World,
) -> None:
    await accept_charter(world, CLUB, ALICE)
    opened = await world.send(slash(ALICE, CLUB, "refer"))

    done = await fill_in(
        world, ALICE, opened, {"receiver": CAROL, "client": "Acme", "need": "x"}, CLUB
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
    slow_down(world, budget=0.05)

    answer = await world.send(slash(ALICE, CLUB, "refer"))

    assert answer.deferred and answer.ephemeral
    assert list(answer.buttons) == ["Refer a client"]
    opened = await press(world, ALICE, answer.message, "Refer a client", CLUB)
    assert opened.kind == "modal" and opened.data["title"].startswith("Refer a client")


async def test_a_refused_form_reopens_with_what_was_typed(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    opened = await world.send(slash(ALICE, CLUB, "refer"))
    typed = {"receiver": BOB, "client": "Acme Corp", "need": "payroll", "value": "12abc"}

    refused = await fill_in(world, ALICE, opened, typed, CLUB)

    assert refused.ephemeral and refused.content.startswith("12abc is not a valid amount")
    reopened = await press(world, ALICE, refused.message, "Refer a client", CLUB)
    assert reopened.kind == "modal"
    shown = inputs_of(reopened.data)
    assert shown["client"]["value"] == "Acme Corp" and shown["value"]["value"] == "12abc"
    marked = {
        label["component"]["custom_id"]: label.get("description")
        for label in reopened.data["components"]
    }
    assert marked["value"].startswith("12abc is not a valid amount")
    assert [name for name, note in marked.items() if note and "valid amount" in note] == ["value"]
    [picked] = shown["receiver"]["default_values"]
    assert (str(picked["id"]), picked["type"]) == (str(BOB.id), "user")
    fixed = await fill_in(world, ALICE, reopened, {**typed, "value": "12000"}, CLUB)
    assert fixed.content == "Referral #1 for Acme Corp sent to bob."


async def test_a_form_longer_than_a_modal_is_filled_in_page_after_page(world: World) -> None:
    opened = await world.send(slash(ALICE, CLUB, "candidate", sub="report"))

    assert opened.data["title"].endswith("(1/2)") and len(opened.data["components"]) == 5
    page = {"candidate": "7", "recommendation": "admit"}
    next_page = await world.send(submit(ALICE, opened.data, page, guild=CLUB))
    [going_on] = next_page.buttons
    assert next_page.ephemeral and going_on.endswith("(2/2)")
    second = await press(world, ALICE, next_page.message, going_on, CLUB)
    assert second.kind == "modal" and second.data["title"].endswith("(2/2)")
    last = {name: "left for a competitor" for name in inputs_of(second.data)}
    done = await world.send(submit(ALICE, second.data, last, guild=CLUB))

    assert done.content == "There is no candidate #7 in this network."  # page one's number


def _members(world: World) -> list[str]:
    with world.engine.connect() as connection:
        rows = connection.execute(text("SELECT external_id FROM members ORDER BY id"))
        return [row[0] for row in rows]


async def test_a_refused_refer_enrols_no_one_inline_or_in_a_form(world: World) -> None:
    await accept_charter(world, CLUB, ALICE)
    before = _members(world)
    assert str(CAROL.id) not in before

    inline = await world.send(
        slash(ALICE, CLUB, "refer", text=f"<@{CAROL.id}> Acme | audit | 12abc")
    )
    assert inline.content.startswith("12abc is not a valid amount")
    opened = await world.send(slash(ALICE, CLUB, "refer"))
    typed = {"receiver": CAROL, "client": "Acme", "need": "audit", "value": "12abc"}
    refused = await fill_in(world, ALICE, opened, typed, CLUB)
    assert refused.content.startswith("12abc is not a valid amount")
    assert _members(world) == before

    done = await world.send(slash(ALICE, CLUB, "refer", text=f"<@{CAROL.id}> Acme | audit"))
    assert done.content == "Referral #1 for Acme sent to carol."
    assert _members(world) == [*before, str(CAROL.id)]
