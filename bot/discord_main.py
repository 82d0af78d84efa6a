"""Wires and runs the Discord adapter; `--invite-url` prints the URL that adds the bot."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

import discord
from sqlalchemy import Engine

from adapters.discord.client import ApportBot
from adapters.discord.interactions import BUDGET
from adapters.discord.invite import application_id_from_token, invite_url
from adapters.discord.mentions import read_channel, read_mention
from adapters.discord.messenger import DiscordMessenger
from bot.clock import SystemClock
from bot.scheduler import DispatchLoop
from bot.settings import Settings, SettingsError
from bot.wiring import build_app, build_engine
from core.app import Apport
from core.ports import Clock
from core.services.dispatcher import Dispatcher
from storage.database import unit_of_work_factory


@dataclass
class DiscordBot:
    bot: ApportBot
    app: Apport
    loop: DispatchLoop
    engine: Engine


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


def build_discord(
    settings: Settings, clock: Clock | None = None, budget: float = BUDGET
) -> DiscordBot:
    """The bot, its core, and the dispatch loop that sends the outbox through it."""
    clock = clock or SystemClock()
    engine = build_engine(settings)
    app = build_app(engine, settings, clock, mention=read_mention, channel=read_channel)
    bot = ApportBot(app, guild_id=settings.discord_guild_id, budget=budget)
    worker = f"discord-{socket.gethostname()}-{os.getpid()}"
    dispatcher = Dispatcher(
        unit_of_work_factory(engine, relaxed_commits=True),
        DiscordMessenger(bot),
        clock.now,
        worker,
        charts=app.charts,
    )
    loop = DispatchLoop(dispatcher, settings.dispatch_seconds)
    app.after_commit = loop.kick
    bot.on_start, bot.on_stop = loop.start, loop.stop
    return DiscordBot(bot, app, loop, engine)


def run_discord(settings: Settings, invite_url: bool = False) -> int:
    if invite_url:
        print(_invite_url(settings))
        return 0
    token = checked_token(settings)
    wired = build_discord(settings)
    try:
        wired.bot.run(token, log_handler=None)
    except discord.LoginFailure:
        raise SettingsError(
            "DISCORD_TOKEN was refused by Discord (reset it and try again)"
        ) from None
    finally:
        wired.loop.stop()
        wired.engine.dispose()
    return 0


def _invite_url(settings: Settings) -> str:
    return invite_url(application_id(settings))
