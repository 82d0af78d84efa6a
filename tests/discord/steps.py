"""Steps the Discord tests share: what members do before the part under test."""

from __future__ import annotations

import re
from typing import Any

from tests.discord.harness import Answer, World, buttons
from tests.discord.payloads import Guild, User, click, slash, submit


async def accept_charter(world: World, guild: Guild, *users: User) -> None:
    for user in users:
        answer = await world.send(slash(user, guild, "charter", sub="accept"))
        assert answer.ephemeral and "accepted" in answer.content


async def refer(world: World, guild: Guild, referrer: User, receiver: User, client: str) -> Answer:
    answer = await world.send(
        slash(referrer, guild, "refer", receiver=receiver, client=client, need="bookkeeping")
    )
    assert "sent to" in answer.content, answer.content
    return answer


def last_dm(world: World, user: User) -> dict[str, Any]:
    received = world.fake.dms_to(user.id)
    assert received, f"{user.name} received no direct message"
    return received[-1]


async def press(
    world: World, user: User, message: dict[str, Any], label: str, guild: Guild | None = None
) -> Answer:
    """`user` clicks the button labelled `label` on `message` as Discord holds it now."""
    return await world.send(click(user, message, buttons(message)[label], guild))


def inputs_of(modal: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Input name -> its component, in a modal the bot opened."""
    return {label["component"]["custom_id"]: label["component"] for label in modal["components"]}


async def fill_in(
    world: World, user: User, opened: Answer, values: dict[str, Any], guild: Guild | None = None
) -> Answer:
    """Submit a form page after page (a modal holds five inputs) and return the answer."""
    answer = opened
    while True:
        page = {name: v for name, v in values.items() if name in inputs_of(answer.data)}
        answer = await world.send(submit(user, answer.data, page, guild=guild))
        going_on = [label for label in answer.buttons if re.search(r"\(\d/\d\)$", label)]
        if not going_on:
            return answer
        answer = await press(world, user, answer.message, going_on[0], guild)
