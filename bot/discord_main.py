"""The Discord bundle for the runtime; `--invite-url` prints the URL that adds the bot."""

from __future__ import annotations

from dataclasses import dataclass

import discord
from sqlalchemy import Engine

from adapters.discord.client import ApportBot
from adapters.discord.interactions import BUDGET
from adapters.discord.invite import application_id_from_token, invite_url
from adapters.discord.mentions import read_channel, read_mention
from adapters.discord.messenger import DiscordMessenger
from bot.runtime import Platform, Runtime, build_runtime
from bot.scheduler import DispatchLoop
from bot.settings import Settings, SettingsError
from core.app import Apport, FirstAdmin
from core.shared.ports import Clock, Messenger
from storage.platform_state import PlatformState


def checked_token(settings: Settings) -> str:
    token = (settings.discord_token or "").strip()
    if not token:
        raise SettingsError(
            "DISCORD_TOKEN is not set: copy the bot token from the Discord developer portal "
            "(your application > Bot > Reset Token)"
        )
    if application_id_from_token(token) is None:
        raise SettingsError(
            "DISCORD_TOKEN is malformed: a bot token has three parts separated by dots"
        )
    return token


def shards(settings: Settings) -> tuple[int | None, list[int] | None]:
    """The shard count and this process's shard ids; (None, None): all, counted by Discord."""
    count, raw = settings.discord_shard_count, (settings.discord_shard_ids or "").strip()
    if not raw:
        return count, None
    try:
        ids = sorted({int(part) for part in raw.split(",") if part.strip()})
    except ValueError:
        raise SettingsError("DISCORD_SHARD_IDS must list shard numbers, such as 0,1") from None
    if count is None or not ids or ids[0] < 0 or ids[-1] >= count:
        raise SettingsError(
            "DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT, and each id below it (0 to count - 1)"
        )
    return count, ids


def application_id(settings: Settings) -> int:
    if settings.discord_application_id is not None:
        return settings.discord_application_id
    found = application_id_from_token(settings.discord_token or "")
    if found is None:
        raise SettingsError(
            "DISCORD_APPLICATION_ID is not set and DISCORD_TOKEN is missing or malformed: set "
            "either (the application id is on the developer portal's General Information page)"
        )
    return found


class Discord:
    """The Discord parts: the bot client is made once core exists, and sends the notices."""

    def __init__(self, settings: Settings, budget: float = BUDGET) -> None:
        self.settings = settings
        self.budget = budget
        self.bot: ApportBot | None = None

    def messenger(self, app: Apport) -> Messenger:
        count, ids = shards(self.settings)
        self.bot = ApportBot(
            app,
            guild_id=self.settings.discord_guild_id,
            budget=self.budget,
            shard_count=count,
            shard_ids=ids,
        )
        return DiscordMessenger(self.bot)

    def connected(self, runtime: Runtime) -> ApportBot:
        """The bot, starting and stopping the dispatch loop with its connection."""
        assert self.bot is not None, "the runtime builds the messenger first"
        self.bot.on_start, self.bot.on_stop = runtime.loop.start, runtime.loop.stop
        self.bot.commands_synced = PlatformState(runtime.engine)
        return self.bot

    def serve(self, runtime: Runtime) -> None:
        token = checked_token(self.settings)
        try:
            self.connected(runtime).run(token, log_handler=None)
        except discord.LoginFailure:
            raise SettingsError(
                "DISCORD_TOKEN was refused by Discord (reset it and try again)"
            ) from None

    def platform(self) -> Platform:
        return Platform(
            name="discord",
            messenger=self.messenger,
            serve=self.serve,
            mention=read_mention,
            channel=read_channel,
            first_admin=FirstAdmin.SERVER_MANAGER,
        )


def bundle(settings: Settings) -> Platform:
    checked_token(settings)  # before the database: a missing token is a settings error
    shards(settings)
    return Discord(settings).platform()


@dataclass
class DiscordBot:
    bot: ApportBot
    runtime: Runtime

    @property
    def app(self) -> Apport:
        return self.runtime.app

    @property
    def loop(self) -> DispatchLoop:
        return self.runtime.loop

    @property
    def engine(self) -> Engine:
        return self.runtime.engine


def build_discord(
    settings: Settings, clock: Clock | None = None, budget: float = BUDGET
) -> DiscordBot:
    """The bot, its core, and the dispatch loop that sends the outbox through it."""
    parts = Discord(settings, budget)
    runtime = build_runtime(settings, parts.platform(), clock)
    return DiscordBot(parts.connected(runtime), runtime)


def bot_invite_url(settings: Settings) -> str:
    return invite_url(application_id(settings))
