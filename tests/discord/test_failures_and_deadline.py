"""Within Discord's 3 seconds whatever core does; core's refusals short; surprises hidden."""

from __future__ import annotations

import logging
import re

import pytest

from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World, slow_down
from tests.discord.payloads import slash
from tests.discord.steps import accept_charter, last_dm, press, refer


async def test_an_unexpected_failure_shows_an_id_and_logs_the_trace_under_it(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(invocation: object) -> object:
        raise RuntimeError("database exploded: password=hunter2")

    world.app.handle = broken  # type: ignore[assignment,method-assign]

    with caplog.at_level(logging.ERROR):
        answer = await world.send(slash(ALICE, CLUB, "referrals"))

    assert answer.ephemeral
    assert answer.content.startswith("Something went wrong on our side; nothing was changed.")
    assert "hunter2" not in answer.content and "RuntimeError" not in answer.content
    incident = re.search(r"\(ref\. ([0-9a-f]{8})\)$", answer.content)
    assert incident is not None
    [record] = [r for r in caplog.records if incident.group(1) in r.getMessage()]
    assert record.exc_info is not None and "database exploded" in str(record.exc_info[1])


async def test_core_refusals_are_short_ephemeral_replies(world: World) -> None:
    answer = await world.send(slash(ALICE, CLUB, "refer", receiver=ALICE, client="Acme", need="x"))

    assert answer.ephemeral and answer.embeds == [] and answer.buttons == {}
    assert answer.content == "You cannot refer a client to yourself."


async def test_a_slow_command_is_deferred_then_answered(world: World) -> None:
    slow_down(world, budget=0.1)

    answer = await world.send(slash(ALICE, CLUB, "referrals"))

    assert answer.deferred
    assert answer.ephemeral and answer.content == "No referrals yet. Pass a client with /refer."


async def test_a_slow_click_is_acknowledged_then_its_message_edited(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")
    await world.dispatch()
    slow_down(world, budget=0.1)

    answer = await press(world, BOB, last_dm(world, BOB), "Accept")

    assert answer.deferred
    assert answer.kind == "edit" and answer.content.startswith("You accepted referral #1")


async def test_a_reply_with_a_file_uploads_it_to_the_user_alone(world: World) -> None:
    answer = await world.send(slash(ALICE, CLUB, "mydata", sub="export"))

    assert answer.ephemeral and answer.content.startswith("Here is everything Apport holds")
    [exported] = answer.data["attachments"]
    assert exported["filename"].startswith("apport-my-data-") and exported["size"] > 0
