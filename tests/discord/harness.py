"""Drives a real ApportBot offline. The ONE place that touches discord.py's private parts
(pinned: discord.py 2.7): the gateway's INTERACTION_CREATE and GUILD_CREATE are fed straight
to the client's connection state, as discord.py's own tests do; HTTP goes to the fake
Discord on loopback through `Route.BASE`.
"""

from __future__ import annotations

import asyncio
import base64
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import discord
import pytest
from sqlalchemy import Engine

from adapters.discord.client import ApportBot
from adapters.discord.interactions import BUDGET
from adapters.discord.mentions import read_channel, read_mention
from adapters.discord.messenger import DiscordMessenger
from core.app import Apport, FirstAdmin, Invocation
from core.dispatcher import Dispatcher, DispatchReport
from core.shared.ui import Reply
from storage.database import unit_of_work_factory
from tests.discord.fake_discord import APPLICATION_ID, FakeDiscord
from tests.discord.payloads import Guild

assert discord.version_info[:2] == (2, 7), "the private hooks below are checked for 2.7"

TOKEN = base64.b64encode(str(APPLICATION_ID).encode()).decode().rstrip("=") + ".G1a2b3.fake"


def point_at(monkeypatch: pytest.MonkeyPatch, fake: FakeDiscord) -> None:
    monkeypatch.setattr(discord.http.Route, "BASE", fake.url)


def feed(client: discord.Client, payload: dict[str, Any]) -> None:
    client._connection.parse_interaction_create(payload)  # type: ignore[arg-type]


def add_guild(client: discord.Client, payload: dict[str, Any]) -> None:
    client._connection.parse_guild_create(payload)


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


WAIT = 10.0  # seconds; only ever reached when the bot did not answer first


@dataclass
class Answer:
    """What the user saw in answer to one interaction."""

    kind: str  # message | modal | edit | choices
    data: dict[str, Any]
    ephemeral: bool
    deferred: bool
    message: dict[str, Any] = field(default_factory=dict)  # as Discord holds it, to click on

    @property
    def content(self) -> str:
        return str(self.data.get("content") or "")

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return list(self.data.get("embeds") or [])

    @property
    def buttons(self) -> dict[str, str]:
        return buttons(self.data)


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """Label -> custom_id of a message's buttons."""
    return {
        button["label"]: button["custom_id"]
        for row in message.get("components") or []
        for button in row.get("components", [])
        if button.get("type") == 2
    }


def embed_text(message: dict[str, Any]) -> str:
    """Everything the embeds show, as one text."""
    parts = []
    for embed in message.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts += [f"{f['name']}: {f['value']}" for f in embed.get("fields", [])]
        parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(p for p in parts if p)


@dataclass
class World:
    """One database, the fake Discord, two guilds, and the bot process of the moment."""

    engine: Engine
    fake: FakeDiscord
    guilds: list[Guild]
    clock: Clock = field(default_factory=Clock)
    budget: float = BUDGET
    bot: ApportBot | None = None
    # Set when Discord has had the first response to the interaction being sent.
    first_response: threading.Event = field(default_factory=threading.Event)

    async def start(self) -> ApportBot:
        app = Apport(
            unit_of_work_factory(self.engine),
            self.clock,
            mention=read_mention,
            channel=read_channel,
            first_admin=FirstAdmin.SERVER_MANAGER,
        )
        self.bot = ApportBot(app, budget=self.budget)
        await self.bot.login(TOKEN)
        for guild in self.guilds:
            add_guild(self.bot, guild.create())
        self.dispatcher = Dispatcher(
            app.uow_factory, DiscordMessenger(self.bot, timeout=10), self.clock.now, "test"
        )
        return self.bot

    @property
    def app(self) -> Apport:
        assert self.bot is not None
        return self.bot.app

    async def restart(self) -> None:
        """A new process: nothing of the old client survives but the database."""
        assert self.bot is not None
        await self.bot.close()
        await self.start()

    async def stop(self) -> None:
        if self.bot is not None:
            await self.bot.close()

    async def send(self, payload: dict[str, Any]) -> Answer:
        assert self.bot is not None
        token = payload["token"]
        if "message" in payload:
            self.fake.origins[token] = payload["message"]["id"]
        self.fake.channels[token] = payload["channel"]["id"]
        self.first_response.clear()
        feed(self.bot, payload)
        first = await self.fake.wait_for(lambda: self._call(token, "/callback"))
        self.first_response.set()
        kind, data = first.json["type"], first.json.get("data") or {}
        ephemeral = bool(data.get("flags", 0) & 64)
        clicked = self.fake.messages.get(self.fake.origins.get(token, ""), {})
        if kind == 4:
            return Answer("message", data, ephemeral, False, self.fake.replies[token])
        if kind == 7:
            return Answer("edit", data, False, False, clicked)
        if kind == 8:
            return Answer("choices", data, True, False)
        if kind == 9:
            return Answer("modal", data, True, False)
        then = await self.fake.wait_for(lambda: self._call(token, "", after=first))
        if then.path.endswith("/@original") and kind == 6:  # a deferred click: its message
            return Answer("edit", then.json, False, True, clicked)
        if then.path.endswith("/@original"):  # after "thinking"
            return Answer("message", then.json, ephemeral, True, self.fake.replies[token])
        followup_ephemeral = bool(then.json.get("flags", 0) & 64)
        return Answer("message", then.json, followup_ephemeral, True, self.fake.replies[token])

    def _call(self, token: str, suffix: str, after: Any = None) -> Any:
        seen = after is None
        for call in self.fake.calls:
            if call is after:
                seen = True
                continue
            later = after is None or "/callback" not in call.path
            if seen and later and f"/{token}" in call.path and call.path.endswith(suffix):
                return call
        return None

    async def dispatch(self) -> DispatchReport:
        """One run of the dispatcher, in a thread as under APScheduler."""
        return await asyncio.to_thread(self.dispatcher.run_once)


def slow_down(world: World, budget: float) -> None:
    """Core runs the next command only once Discord has had a first response (the bot
    defers it after `budget`); then both are as before."""
    bot = world.bot
    assert bot is not None
    handle, usual = world.app.handle, bot.handler.budget

    def late(invocation: Invocation) -> Reply:
        world.app.handle = handle  # type: ignore[method-assign]
        world.first_response.wait(WAIT)
        bot.handler.budget = usual
        return handle(invocation)

    world.app.handle = late  # type: ignore[method-assign]
    bot.handler.budget = budget
