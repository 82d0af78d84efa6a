"""The invite asks for exactly the permissions the bot's requests need in a server's
channels: derived here from the requests themselves (Discord's rule for each route), on a
server whose roles grant the bot the invite's permissions and nothing more."""

from __future__ import annotations

from pathlib import Path

import discord

from adapters.charts.matplotlib_chart import MatplotlibCharts
from adapters.discord.invite import OPERATIONS, PERMISSIONS
from tests.discord.channel_permissions import channel_of, needed
from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World
from tests.discord.payloads import slash
from tests.discord.steps import accept_charter, refer

ANNOUNCEMENTS, RECRUITERS = 300000000000000888, 300000000000000777
DOC = Path(__file__).parents[2] / "docs" / "discord.md"
# How Discord's settings name each permission (what an admin compares the invite with).
SHOWN = {
    "read_messages": "View Channels",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
    "attach_files": "Attach Files",
    "create_public_threads": "Create Public Threads",
    "send_messages_in_threads": "Send Messages in Threads",
}


async def _everything_the_bot_posts(world: World) -> None:
    """Announcements, a candidate's card, its thread and a post in it, DMs, and a month
    later the monthly digest with its chart."""
    world.dispatcher.charts = MatplotlibCharts()
    for key, channel in (
        ("announcements-channel", ANNOUNCEMENTS),
        ("recruiters-channel", RECRUITERS),
    ):
        done = await world.send(
            slash(ALICE, CLUB, "network", sub="set", key=key, setting_value=f"<#{channel}>")
        )
        assert "⚠" not in done.content, done.content
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    await world.send(slash(ALICE, CLUB, "candidate", sub="new", text="Dana | plumber | none"))
    await world.dispatch()
    await world.send(slash(ALICE, CLUB, "candidate", sub="withdraw", candidate=1))
    await world.dispatch()
    world.clock.advance(days=31)  # the weekly charter reminder, and January's digest
    await world.dispatch()


def _channel_requests(world: World) -> list[tuple[str, str, object, bool]]:
    return [
        (c.method, c.path, c.json, channel_of(c.path) in world.fake.threads)
        for c in world.fake.calls
        if channel_of(c.path) is not None and channel_of(c.path) not in world.fake.dm_channels
    ]


async def test_the_invite_has_exactly_what_the_bots_requests_need(world: World) -> None:
    world.fake.granted = PERMISSIONS

    await _everything_the_bot_posts(world)

    requests = _channel_requests(world)
    assert world.fake.refused == []
    derived = discord.Permissions.none()
    for method, path, body, in_thread in requests:
        derived |= needed(method, path, body, in_thread)
    assert derived == PERMISSIONS
    [digest] = [p for p in world.fake.posts_in(ANNOUNCEMENTS) if p["attachments"]]
    assert digest["attachments"][0]["filename"].endswith(".png")
    assert world.fake.posts_in(RECRUITERS) and world.fake.threads


async def test_without_attach_files_the_digest_is_refused_as_discord_does(world: World) -> None:
    world.fake.granted = PERMISSIONS & ~discord.Permissions(attach_files=True)

    await _everything_the_bot_posts(world)

    assert not [p for p in world.fake.posts_in(ANNOUNCEMENTS) if p["attachments"]]
    assert [c.path for c in world.fake.refused] == [f"/channels/{ANNOUNCEMENTS}/messages"]
    await world.dispatch()  # the alert about it
    assert any("50013" in m["content"] for m in world.fake.dms_to(ALICE.id)), "admins are told"
    assert any(p["embeds"] for p in world.fake.posts_in(ANNOUNCEMENTS)), "others still post"


def test_the_guide_lists_the_invites_permissions_and_why() -> None:
    guide = DOC.read_text(encoding="utf-8")
    granted = [name for name, on in PERMISSIONS if on]

    assert set(granted) == set(SHOWN)
    assert all(SHOWN[name] in guide for name in granted)
    assert len(OPERATIONS) == 5
