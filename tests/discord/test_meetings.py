"""Meetings on Discord: the "I'm here" button of the check-in is clicked, and the host's
"Propose as candidate" button opens the candidate modal filled in from the visit."""

from __future__ import annotations

from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.harness import World
from tests.discord.payloads import slash
from tests.discord.steps import accept_charter, fill_in, inputs_of, last_dm, press


async def test_check_in_and_propose_a_visitor_as_candidate(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    # The clock reads Monday 5 January 2026, 10:00 in Paris: the meeting starts at 10:05.
    scheduled = await world.send(
        slash(ALICE, CLUB, "meeting", sub="schedule", when="lundi 10h05", place="Salle B")
    )
    assert "every Monday at 10:05 (Salle B)" in scheduled.content
    invited = await world.send(
        slash(
            BOB,
            CLUB,
            "visitor",
            sub="new",
            visitor_name="Jean Dupont",
            profession="Architect",
            visitor_contact="jean@x.example",
        )
    )
    assert "Visitor #1 Jean Dupont is expected" in invited.content
    await world.dispatch()
    world.clock.advance(minutes=6)
    await world.dispatch()
    prompt = last_dm(world, BOB)
    assert "Are you here?" in prompt["content"]
    here = await press(world, BOB, prompt, "I'm here")
    assert "You are marked present" in here.content

    world.clock.advance(minutes=60)
    await world.dispatch()
    asked = last_dm(world, BOB)
    assert "How did the visit of Jean Dupont" in asked["content"]
    opened = await press(world, BOB, asked, "Propose as candidate")
    assert opened.kind == "modal" and opened.data["title"] == "Propose a candidate"
    inputs = inputs_of(opened.data)
    assert inputs["name"]["value"] == "Jean Dupont"
    assert inputs["profession"]["value"] == "Architect"
    done = await fill_in(
        world, BOB, opened, {"name": "Jean Dupont", "profession": "Architect", "previous": "None"}
    )
    assert "Jean Dupont" in done.content
    listed = await world.send(slash(ALICE, CLUB, "visitors"))
    assert "candidate #1" in str(listed.data)
