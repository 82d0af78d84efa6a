"""Who acts, in which network: an interaction read into core's `Invocation`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import discord

from adapters.discord.modals import Person
from core.app import Invocation


def person(user: discord.abc.User) -> Person:
    return Person(str(user.id), user.display_name, user.bot)


def guild_of(interaction: discord.Interaction[Any], key: str) -> discord.Guild | None:
    """The network's guild; a click in a direct message names it only in its custom_id."""
    if interaction.guild_id is not None:
        return interaction.guild
    client: discord.Client = interaction.client
    return client.get_guild(int(key))


def is_platform_admin(interaction: discord.Interaction[Any], guild: discord.Guild | None) -> bool:
    """The guild owner, and members with Manage Server (Discord gives owners and
    administrators every permission in an interaction's `permissions`)."""
    if guild is not None and guild.owner_id == interaction.user.id:
        return True
    if interaction.guild_id is None:
        return False
    granted = interaction.permissions
    return granted.manage_guild or granted.administrator


def invocation(
    interaction: discord.Interaction[Any],
    key: str,
    command: str,
    *,
    text: str = "",
    verb: str = "",
    values: Mapping[str, str] | None = None,
) -> Invocation:
    guild = guild_of(interaction, key)
    return Invocation(
        network_key=key,
        network_name=(getattr(guild, "name", None) or key),
        user_id=str(interaction.user.id),
        user_name=interaction.user.display_name,
        command=command,
        text=text,
        verb=verb,
        values=values,
        platform_admin=is_platform_admin(interaction, guild),
    )
