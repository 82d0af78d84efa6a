"""The messenger behind the dispatcher: DMs, channel posts, candidate threads, and Discord's
refusals (a rate limit waits, closed DMs fail for good and the admins hear of it)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from core.dispatcher import Dispatcher
from core.shared.outbox import OutboxState
from core.shared.ui import Notice
from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World, embed_text
from tests.discord.payloads import slash
from tests.discord.steps import accept_charter, last_dm, refer

RECRUITERS = 300000000000000777
ANNOUNCEMENTS = 300000000000000888
RATE_LIMITED = {"message": "You are being rate limited.", "retry_after": 120.0, "global": False}


def _outbox(world: World, kind: str) -> list[object]:
    with world.app.uow_factory() as uow:
        network = uow.networks.get_by_key(str(CLUB.id))
        assert network is not None
        return [i for i in uow.outbox.pending(network.id) if i.kind == kind]


async def test_a_rate_limited_dm_waits_as_long_as_discord_asks_and_is_not_dropped(
    world: World,
) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    world.fake.fail("POST", r"^/channels/\d+/messages$", 429, RATE_LIMITED, {"Via": "1.1 google"})

    report = await world.dispatch()

    assert (report.sent, report.retried) == (1, 1)  # alice's copy of the card went out
    assert world.fake.dms_to(BOB.id) == []
    [waiting] = _outbox(world, "referral.card")
    assert waiting.state is OutboxState.PENDING  # type: ignore[attr-defined]
    assert waiting.due_at == world.clock.now() + timedelta(seconds=120)  # type: ignore[attr-defined]
    assert (await world.dispatch()).sent == 0  # not before it is due
    world.clock.advance(seconds=121)
    assert (await world.dispatch()).sent == 1
    assert last_dm(world, BOB)["content"] == "alice passes you a new referral, #1: Acme Corp."


async def test_closed_dms_fail_for_good_and_the_admins_are_told(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    world.fake.fail(
        "POST",
        r"^/channels/\d+/messages$",
        403,
        {"code": 50007, "message": "Cannot send messages to this user"},
    )

    report = await world.dispatch()

    assert report.failed == 1 and _outbox(world, "referral.card") == []
    await world.dispatch()
    alert = last_dm(world, ALICE)["content"]  # alice is the network's first member: an admin
    assert "to bob could not be delivered" in alert
    assert "50007" in alert and "direct messages are closed" in alert


async def test_announcements_go_to_the_channel_the_network_set(world: World) -> None:
    await world.send(
        slash(
            ALICE,
            CLUB,
            "network",
            sub="set",
            key="announcements-channel",
            setting_value=f"<#{ANNOUNCEMENTS}>",
        )
    )
    world.clock.advance(days=7)  # the weekly charter reminder, Monday 09:00

    await world.dispatch()

    [post] = world.fake.posts_in(ANNOUNCEMENTS)
    assert "Charter rule of the week" in embed_text(post)


async def test_a_candidate_is_discussed_in_a_thread_under_its_card(world: World) -> None:
    await world.send(
        slash(
            ALICE,
            CLUB,
            "network",
            sub="set",
            key="recruiters-channel",
            setting_value=f"<#{RECRUITERS}>",
        )
    )
    await accept_charter(world, CLUB, ALICE)
    proposed = await world.send(
        slash(ALICE, CLUB, "candidate", sub="new", text="Dana | plumber | none")
    )
    assert proposed.ephemeral, proposed.content

    await world.dispatch()

    [card] = world.fake.posts_in(RECRUITERS)
    [opened] = world.fake.to(f"/channels/{RECRUITERS}/messages/{card['id']}/threads")
    assert "Dana" in opened.json["name"]
    withdrawn = await world.send(slash(ALICE, CLUB, "candidate", sub="withdraw", candidate=1))
    assert withdrawn.ephemeral, withdrawn.content
    await world.dispatch()

    # A thread has its first message's id; nobody could interview Dana, which came first.
    too_few, post = world.fake.posts_in(card["id"])
    assert too_few["content"].startswith("Fewer than two members can interview this candidate")
    assert post["content"] == "Withdrawn by alice."
    assert len(world.fake.posts_in(RECRUITERS)) == 1


class Killed(BaseException):
    """The process dies (kill -9) right after a send, before the row is marked."""


async def test_a_row_sent_again_after_a_crash_makes_no_second_message(world: World) -> None:
    """The nonce is the row's key, enforced: Discord gives back the message it already made."""
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")

    class SendsThenDies:
        def send(self, notice: Notice) -> str | None:
            world.dispatcher.messenger.send(notice)
            raise Killed()

    dead = Dispatcher(world.app.uow_factory, SendsThenDies(), world.clock.now, "dead")
    with pytest.raises(Killed):
        await asyncio.to_thread(dead.run_once)
    assert len(world.fake.dms_to(BOB.id)) == 1
    assert (await world.dispatch()).sent == 0, "the dead dispatcher's lease still runs"

    world.clock.advance(seconds=31)  # its lease expired: the rows are taken over and sent again
    assert (await world.dispatch()).sent == 2  # bob's card again, and alice's
    assert [m["content"] for m in world.fake.dms_to(BOB.id)] == [
        "alice passes you a new referral, #1: Acme Corp."
    ], "one message: Discord answered with the one it made"
