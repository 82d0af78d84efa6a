"""`apport discord` as wired: after a command, the dispatch loop (APScheduler, its own
thread) sends the DM through the bot's event loop at once; closing the bot stops the loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.discord_main import build_discord
from bot.settings import Settings
from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.fake_discord import FakeDiscord
from tests.discord.harness import TOKEN, add_guild, feed
from tests.discord.payloads import slash


async def test_a_referral_reaches_the_receiver_without_waiting_for_the_next_tick(
    fake: FakeDiscord, database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(DATABASE_URL=database_url, APPORT_DISPATCH_SECONDS=3600)  # type: ignore[call-arg]
    wired = build_discord(settings)
    await wired.bot.login(TOKEN)  # starts the dispatch loop (setup_hook)
    add_guild(wired.bot, CLUB.create())
    try:
        for payload in (
            slash(ALICE, CLUB, "charter", sub="accept"),
            slash(BOB, CLUB, "charter", sub="accept"),
            slash(ALICE, CLUB, "refer", receiver=BOB, client="Acme Corp", need="audit"),
        ):
            feed(wired.bot, payload)
            await fake.wait_for(lambda p=payload: fake.to(f"/interactions/{p['id']}/"))

        dms = await fake.wait_for(lambda: fake.dms_to(BOB.id), timeout=10)
        assert dms[0]["content"] == "alice passes you a new referral, #1: Acme Corp."
    finally:
        await wired.bot.close()
    assert not wired.loop.scheduler.running
    wired.engine.dispose()
