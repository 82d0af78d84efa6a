"""French members see French command, option and choice names, and what they pick works."""

from __future__ import annotations

from typing import Any

from tests.discord.conftest import ALICE, BOB, CLUB
from tests.discord.fake_discord import FakeDiscord
from tests.discord.harness import World
from tests.discord.payloads import slash
from tests.discord.steps import accept_charter, refer


def _synced(fake: FakeDiscord) -> dict[str, dict[str, Any]]:
    puts = [c for c in fake.calls if c.method == "PUT" and c.path.endswith("/commands")]
    return {command["name"]: command for command in puts[-1].json}


def _options(command: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {option["name"]: option for option in command.get("options", [])}


async def test_names_carry_french_localizations(world: World) -> None:
    synced = _synced(world.fake)

    referral = synced["referral"]
    assert referral["name_localizations"] == {"fr": "recommandation"}
    options = _options(referral)
    assert options["number"]["name_localizations"] == {"fr": "numéro"}
    assert options["text"]["name_localizations"] == {"fr": "texte"}
    action = {c["value"]: c for c in options["action"]["choices"]}
    assert action["accept"]["name"] == "accept"
    assert action["accept"]["name_localizations"] == {"fr": "accepter"}
    assert action["contacted"]["name_localizations"] == {"fr": "contacté"}
    assert action["won"]["name_localizations"] == {"fr": "gagné"}

    candidate = _options(synced["candidate"])  # a group: its subcommands are verbs
    assert candidate["vote"]["name_localizations"] == {"fr": "voter"}
    assert candidate["new"]["name_localizations"] == {"fr": "nouveau"}
    ballot = _options(candidate["vote"])["ballot"]
    assert ballot["name_localizations"] == {"fr": "vote"}
    assert {c["value"]: c["name_localizations"]["fr"] for c in ballot["choices"]} == {
        "yes": "oui",
        "no": "non",
        "abstain": "abstention",
    }
    assert _options(candidate["vote"])["ballot"]["description_localizations"]["fr"]
    stats = synced["stats"]
    assert _options(stats)["me"]["name_localizations"] == {"fr": "moi"}
    feedback = _options(synced["feedback"])
    later = next(c for c in feedback["score"]["choices"] if c["value"] == "later")
    assert later["name_localizations"] == {"fr": "plus-tard"}
    assert (
        "name_localizations" not in feedback["score"]["choices"][0]
        or not (feedback["score"]["choices"][0]["name_localizations"])
    ), "a score is a number in every language"


async def test_a_french_choice_picked_on_discord_moves_the_referral(world: World) -> None:
    await accept_charter(world, CLUB, ALICE, BOB)
    await refer(world, CLUB, ALICE, BOB, "Acme Corp")

    # The member picked « accepter »: Discord sends the choice's value.
    picked = await world.send(slash(BOB, CLUB, "referral", number=1, action="accept"))
    assert picked.content.startswith("You accepted referral #1"), picked.content

    # Typed in the text option, the French word works too.
    typed = await world.send(slash(BOB, CLUB, "referral", text="1 contacté"))
    assert "#1" in typed.content and "contacted" in typed.content, typed.content
    won = await world.send(slash(BOB, CLUB, "referral", number=1, action="won", note="1 200"))
    assert "#1" in won.content, won.content
