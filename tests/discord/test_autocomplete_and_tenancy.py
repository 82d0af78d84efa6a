"""Autocomplete offers only the user's own referrals; two guilds never see each other."""

from __future__ import annotations

import discord

from tests.discord.conftest import ALICE, BOB, CAROL, CLUB, OTHER
from tests.discord.harness import World, embed_text
from tests.discord.payloads import slash
from tests.discord.steps import accept_charter, last_dm, press, refer


async def test_autocomplete_lists_only_the_users_own_referrals(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB, CAROL)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")  # 1
    await refer(world, CLUB, CAROL, BOB, "Globex")  # 2: not alice's
    await refer(world, CLUB, BOB, ALICE, "Initech")  # 3

    shown = await world.send(slash(ALICE, CLUB, "referral", focused="number", number=""))

    assert shown.kind == "choices"
    assert shown.data["choices"] == [
        {"name": "#3 Initech (offered)", "value": 3},
        {"name": "#1 Acme Corp (offered)", "value": 1},
    ]
    typed = await world.send(slash(ALICE, CLUB, "referral", focused="number", number="3"))
    assert [c["value"] for c in typed.data["choices"]] == [3]


async def test_two_guilds_never_see_each_others_data(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    await world.dispatch()

    ledger = await world.send(slash(ALICE, OTHER, "referrals"))
    assert ledger.content == "No referrals yet. Pass a client with /refer."
    one = await world.send(slash(ALICE, OTHER, "referral", number=1))
    assert one.content == "There is no referral #1 in this network."
    shown = await world.send(slash(ALICE, OTHER, "referral", focused="number", number=""))
    assert shown.data["choices"] == []
    network = await world.send(slash(CAROL, OTHER, "network", sub="show"))
    assert "Nantes Referral Circle" in network.embeds[0]["title"]


async def test_a_button_of_one_guild_clicked_in_another_is_refused(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    await world.dispatch()
    offer = last_dm(world, BOB)

    refused = await press(world, BOB, offer, "Accept", guild=OTHER)

    assert refused.ephemeral and refused.content == "You are not allowed to do that."
    one = await world.send(slash(ALICE, CLUB, "referral", number=1))
    assert "Status: offered" in embed_text(one.data)


async def test_the_guild_owner_is_a_network_admin(world: World) -> None:
    await world.send(slash(BOB, OTHER, "help"))  # the first to type: not an admin for that

    unclaimed = await world.send(slash(BOB, OTHER, "charter", sub="commission", rule="50%"))
    granted = await world.send(slash(CAROL, OTHER, "charter", sub="commission", rule="5%"))
    refused = await world.send(slash(ALICE, OTHER, "charter", sub="commission", rule="50%"))

    assert unclaimed.content == (
        "Only a server manager can set Apport up here: ask one to run /network."
    )
    assert "5%" in granted.content
    assert refused.content == "Only network admins can do that."


async def test_a_member_with_manage_server_claims_a_new_network(world: World) -> None:
    """The interaction's `member.permissions` names the server's managers: one of them, not
    whoever types first, becomes the network's first admin."""
    first = await world.send(slash(BOB, CLUB, "charter", sub="commission", rule="50%"))
    assert first.content == "Only a server manager can set Apport up here: ask one to run /network."

    manager = slash(CAROL, CLUB, "charter", sub="commission", rule="5%")
    manager["member"]["permissions"] = str(discord.Permissions(manage_guild=True).value)
    claimed = await world.send(manager)
    assert "5%" in claimed.content

    again = await world.send(slash(BOB, CLUB, "charter", sub="commission", rule="50%"))
    assert again.content == "Only network admins can do that."
