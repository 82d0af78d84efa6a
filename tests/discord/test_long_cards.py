"""Nothing a member wrote is cut for the reader: a charter of three sections at their longest
and a need at its longest reach Discord whole, in French, `&<>` and all."""

from __future__ import annotations

import asyncio
from typing import Any

from core.shared.text import MAX_TEXT
from core.shared.ui import Field, Notice, Reply
from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World
from tests.discord.limits import message_problems, read_whole, squeezed
from tests.discord.longest import longest
from tests.discord.payloads import slash
from tests.discord.steps import accept_charter, fill_in


async def test_a_charter_of_long_sections_reads_whole(world: World) -> None:
    await accept_charter(world, CLUB, ALICE)
    done = await world.send(
        slash(ALICE, CLUB, "network", sub="set", key="locale", setting_value="fr")
    )
    assert not done.content.startswith("⚠"), done.content
    sections = {name: longest(MAX_TEXT, name) for name in ("members", "clients", "remuneration")}
    opened = await world.send(slash(ALICE, CLUB, "charter", sub="edit"))
    edited = await fill_in(world, ALICE, opened, sections, CLUB)
    assert "version 2" in edited.content, edited.content

    asked = slash(BOB, CLUB, "charter", sub="show")
    shown = await world.send(asked)

    def messages() -> list[dict[str, Any]]:
        return [shown.data, *world.fake.followups(asked["token"])]

    def whole() -> bool:  # the follow-ups come after the first response
        return all(squeezed(text) in read_whole(messages()) for text in sections.values())

    await world.fake.wait_for(whole)
    assert [p for m in messages() for p in message_problems(m)] == []
    assert "Accepter" in " ".join(shown.buttons), shown.buttons


async def test_a_long_need_reaches_the_receiver_whole(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    need = longest(MAX_TEXT, "besoin")

    sent = await world.send(
        slash(ALICE, CLUB, "refer", receiver=BOB, client="Smith & Sons <Ltd>", need=need)
    )
    assert "sent to" in sent.content, sent.content
    await world.dispatch()

    received = world.fake.dms_to(BOB.id)
    assert [p for m in received for p in message_problems(m)] == []
    assert squeezed(need) in read_whole(received)


async def test_a_notice_too_long_for_one_message_goes_on_in_the_next_once(world: World) -> None:
    """Each message has its own nonce: the row sent again makes no second copy of any."""
    reports = tuple(Field(f"Rapport {n}", longest(MAX_TEXT, f"rapport{n}")) for n in range(8))
    notice = Notice(
        network_id=1,
        network_key=str(CLUB.id),
        reply=Reply(title="Candidat n° 1", fields=reports),
        external_id=str(BOB.id),
        key="candidate:1:card",
    )
    messenger = world.dispatcher.messenger

    first = await asyncio.to_thread(messenger.send, notice)
    again = await asyncio.to_thread(messenger.send, notice)

    received = world.fake.dms_to(BOB.id)
    assert first == again == received[0]["id"]
    assert len(received) == 4  # two reports of 2,000 per message: a third passes 6,000
    assert [p for m in received for p in message_problems(m)] == []
    assert all(squeezed(f.value) in read_whole(received) for f in reports)
