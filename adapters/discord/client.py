"""The bot: a discord.py client whose command tree, buttons and modals lead to core."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any, Protocol

import discord

from adapters.discord import ids
from adapters.discord.buttons import ActionButton
from adapters.discord.command_locales import CatalogTranslator
from adapters.discord.interactions import BUDGET, Interactions
from adapters.discord.invite import intents
from adapters.discord.slash import ApportTree, build_commands
from core.app import Apport
from core.shared.i18n import Translator

log = logging.getLogger(__name__)

SYNCED = "discord.commands"  # the name under which the last synced commands' hash is kept


class Synced(Protocol):
    """Where the hash of the last synced commands is kept between starts."""

    def get(self, name: str) -> str | None: ...
    def put(self, name: str, value: str) -> None: ...


# The smallest discord.py accepts: a longer rate limit is raised, and the outbox waits it out.
MAX_RATELIMIT_WAIT = 30.0


class ApportBot(discord.AutoShardedClient):
    def __init__(
        self,
        app: Apport,
        *,
        guild_id: int | None = None,
        budget: float = BUDGET,
        on_start: Callable[[], object] | None = None,
        on_stop: Callable[[], object] | None = None,
        commands_synced: Synced | None = None,
        **options: Any,
    ) -> None:
        """`guild_id`: sync the commands to that guild at once (testing) rather than globally.
        `on_start` / `on_stop` run once logged in and before closing (the dispatch loop)."""
        options.setdefault("max_ratelimit_timeout", MAX_RATELIMIT_WAIT)
        # Nobody is pinged by what the bot writes (names in cards, notes typed by members).
        options.setdefault("allowed_mentions", discord.AllowedMentions.none())
        super().__init__(intents=intents(), **options)
        self.app = app
        self.handler = Interactions(app, budget)
        self.tree = ApportTree(self, self.handler)
        for command in build_commands(self.handler, Translator(app.default_locale)):
            self.tree.add_command(command)
        self.guild_id = guild_id
        self.on_start = on_start
        self.on_stop = on_stop
        self.commands_synced = commands_synced

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ActionButton)
        await self.tree.set_translator(CatalogTranslator(self.app.default_locale))
        await self.sync_commands()
        if self.on_start is not None:
            self.on_start()

    async def sync_commands(self) -> None:
        """Send the commands to Discord only when what Discord would receive changed since the
        last start (`commands_synced` keeps its hash). With a development guild the commands
        go to that guild alone, and the global ones are withdrawn so none show twice."""
        guild = discord.Object(self.guild_id) if self.guild_id is not None else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
            self.tree.clear_commands(guild=None)
        digest = await self._commands_digest(guild)
        if self.commands_synced is not None and self.commands_synced.get(SYNCED) == digest:
            log.info("the application commands are unchanged: not synced")
            return
        try:
            if guild is not None:
                await self.tree.sync()  # the global set, now empty
            synced = await self.tree.sync(guild=guild)
        except discord.HTTPException:  # the commands synced last time still work
            log.exception("could not sync the application commands")
            return
        if self.commands_synced is not None:
            await asyncio.to_thread(self.commands_synced.put, SYNCED, digest)
        log.info(
            "synced %d commands %s",
            len(synced),
            f"to guild {self.guild_id}" if self.guild_id else "globally",
        )

    async def _commands_digest(self, guild: discord.Object | None) -> str:
        """A hash of the payload a sync would send (translations included), and where to."""
        translator = self.tree.translator
        payload = [
            await command.get_translated_payload(self.tree, translator)
            if translator is not None
            else command.to_dict(self.tree)
            for command in self.tree.get_commands(guild=guild)
        ]
        text = json.dumps({"guild": self.guild_id, "commands": payload}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    async def on_press(
        self, interaction: discord.Interaction[Any], press: ids.Press, label: str
    ) -> None:
        await self.handler.press(interaction, press, label)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """The bot was removed from the server (discord.py leaves out outages, which are
        `guild_unavailable`): core stops sending there and erases it after the grace period."""
        await asyncio.to_thread(self.app.uninstalled, str(guild.id))

    async def on_guild_join(self, guild: discord.Guild) -> None:
        """The bot was added, or put back within the grace period (everything is kept)."""
        await asyncio.to_thread(self.app.installed, str(guild.id), guild.name)

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.type is discord.InteractionType.modal_submit:
            await self.handler.submit(interaction)

    async def close(self) -> None:
        if self.on_stop is not None:
            # Off the loop: the dispatcher's last send may still need the loop to finish.
            await asyncio.to_thread(self.on_stop)
        await super().close()
