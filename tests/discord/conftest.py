"""Fixtures for the Discord adapter: the fake Discord on loopback and a started bot."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from sqlalchemy import Engine

from tests.discord.fake_discord import FakeDiscord
from tests.discord.harness import World, point_at
from tests.discord.payloads import Guild, User

ALICE = User(100000000000000001, "alice")
BOB = User(100000000000000002, "bob")
CAROL = User(100000000000000003, "carol")
CLUB = Guild(200000000000000001, "Lyon Business Club", ALICE, 300000000000000001)
OTHER = Guild(200000000000000002, "Nantes Referral Circle", CAROL, 300000000000000002)


@pytest_asyncio.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    point_at(monkeypatch, server)
    for guild in (CLUB, OTHER):
        server.guild_members[str(guild.id)] = {
            str(u.id): guild.member(u) for u in (ALICE, BOB, CAROL)
        }
    yield server
    await server.stop()


@pytest_asyncio.fixture
async def world(engine: Engine, fake: FakeDiscord) -> AsyncIterator[World]:
    started = World(engine, fake, [CLUB, OTHER])
    await started.start()
    yield started
    await started.stop()
