"""The bot removed from a server (a raw GUILD_DELETE) and added back; an outage is not a
removal; and the commands reach Discord only when they changed."""

from __future__ import annotations

import asyncio

from adapters.discord.client import ApportBot
from core.network import lifecycle
from storage.platform_state import PlatformState
from tests.discord.conftest import ALICE, BOB, CLUB, OTHER
from tests.discord.harness import TOKEN, World
from tests.discord.steps import accept_charter, refer

WAIT = 10.0  # seconds; reached only when the bot did not do what it must


async def _until(condition: object) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while not await asyncio.to_thread(condition):  # type: ignore[operator]
        assert loop.time() < deadline, "the bot did not get there"
        await asyncio.sleep(0.01)


def _gone(world: World, guild_id: int) -> bool:
    network = world.app.network(str(guild_id))
    return network is not None and network.uninstalled_at is not None


async def test_removed_from_a_server_then_erased_after_the_grace_period(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await accept_charter(world, OTHER, ALICE)
    world.app.after_commit = None
    await refer(world, CLUB, ALICE, BOB, "Acme")
    assert world.bot is not None

    world.bot._connection.parse_guild_delete({"id": str(CLUB.id)})  # type: ignore[typeddict-item]
    await _until(lambda: _gone(world, CLUB.id))
    await world.dispatch()
    assert world.fake.dms_to(BOB.id) == [], "nothing is sent to a server the bot left"

    world.clock.advance(days=30, minutes=1)
    await world.dispatch()
    assert world.app.network(str(CLUB.id)) is None
    assert world.app.network(str(OTHER.id)) is not None


async def test_an_outage_is_not_a_removal(world: World) -> None:
    await accept_charter(world, OTHER, ALICE)
    assert world.bot is not None

    world.bot._connection.parse_guild_delete(  # type: ignore[typeddict-item]
        {"id": str(OTHER.id), "unavailable": True}
    )
    await asyncio.sleep(0)  # let discord.py run what it dispatched

    network = world.app.network(str(OTHER.id))
    assert network is not None and network.uninstalled_at is None


async def test_added_back_within_the_period_keeps_everything(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    assert world.bot is not None
    world.bot._connection.parse_guild_delete({"id": str(CLUB.id)})  # type: ignore[typeddict-item]
    await _until(lambda: _gone(world, CLUB.id))
    world.clock.advance(days=20)

    # Added back: GUILD_CREATE for a guild the bot is not in. (Offline, discord.py holds
    # it for the READY it never gets; the gateway then dispatches `guild_join`, as here.)
    world.bot._connection.parse_guild_create(CLUB.create())  # type: ignore[arg-type]
    guild = world.bot.get_guild(CLUB.id)
    assert guild is not None
    world.bot.dispatch("guild_join", guild)
    await _until(lambda: not _gone(world, CLUB.id))
    world.clock.advance(days=20)
    await world.dispatch()

    with world.app.uow_factory() as uow:
        network = uow.networks.get_by_key(str(CLUB.id))
        assert network is not None
        assert uow.outbox.pending(network.id, lifecycle.SUBJECT) == []
        assert uow.members.count(network.id) == 2


async def test_commands_are_synced_only_when_they_changed(world: World) -> None:
    state = PlatformState(world.engine)
    puts = lambda: [c for c in world.fake.calls if c.method == "PUT"]  # noqa: E731

    first = ApportBot(world.app, commands_synced=state)
    await first.login(TOKEN)
    await first.close()
    synced = len(puts())
    second = ApportBot(world.app, commands_synced=state)
    await second.login(TOKEN)
    await second.close()

    assert synced >= 1 and len(puts()) == synced, "unchanged commands are not sent again"
    state.put("discord.commands", "an older definition")
    third = ApportBot(world.app, commands_synced=state)
    await third.login(TOKEN)
    await third.close()
    assert len(puts()) == synced + 1
