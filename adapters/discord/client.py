"""The bot: a discord.py client whose command tree, buttons and modals lead to core."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

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

# The smallest discord.py accepts: a longer rate limit is raised, and the outbox waits it out.
MAX_RATELIMIT_WAIT = 30.0


class ApportBot(discord.Client):
    def __init__(
        self,
        app: Apport,
        *,
        guild_id: int | None = None,
        budget: float = BUDGET,
        on_start: Callable[[], object] | None = None,
        on_stop: Callable[[], object] | None = None,
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

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ActionButton)
        await self.tree.set_translator(CatalogTranslator(self.app.default_locale))
        await self.sync_commands()
        if self.on_start is not None:
            self.on_start()

    async def sync_commands(self) -> None:
        try:
            if self.guild_id is None:
                synced = await self.tree.sync()
            else:
                guild = discord.Object(self.guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
        except discord.HTTPException:  # the commands synced last time still work
            log.exception("could not sync the application commands")
            return
        log.info(
            "synced %d commands %s",
            len(synced),
            f"to guild {self.guild_id}" if self.guild_id else "globally",
        )

    async def on_press(
        self, interaction: discord.Interaction[Any], press: ids.Press, label: str
    ) -> None:
        await self.handler.press(interaction, press, label)

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.type is discord.InteractionType.modal_submit:
            await self.handler.submit(interaction)

    async def close(self) -> None:
        if self.on_stop is not None:
            # Off the loop: the dispatcher's last send may still need the loop to finish.
            await asyncio.to_thread(self.on_stop)
        await super().close()
