"""The application commands Discord receives at start-up are core's declarations."""

from __future__ import annotations

from typing import Any

import pytest
from discord import Locale, app_commands

from adapters.discord.client import ApportBot
from adapters.discord.command_locales import CatalogTranslator, described
from core.commands import COMMANDS, Command, Param, Verb
from core.shared.i18n import Translator
from core.shared.ui import InputKind
from tests.discord.conftest import CLUB
from tests.discord.fake_discord import FakeDiscord
from tests.discord.harness import TOKEN, World

USER, STRING, INTEGER, SUBCOMMAND = 6, 3, 4, 1


def _synced(fake: FakeDiscord, path: str = "") -> dict[str, dict[str, Any]]:
    puts = [c for c in fake.calls if c.method == "PUT" and c.path.endswith("/commands")]
    assert puts and (not path or puts[-1].path == path)
    return {command["name"]: command for command in puts[-1].json}


def _options(command: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {option["name"]: option for option in command.get("options", [])}


async def test_every_core_command_is_synced_globally_with_typed_optional_options(
    world: World,
) -> None:
    synced = _synced(world.fake, "/applications/900000000000000001/commands")

    assert set(synced) == set(COMMANDS)
    assert all(command["dm_permission"] is False for command in synced.values())
    refer = _options(synced["refer"])
    expected = {
        "receiver": USER,
        "client": STRING,
        "need": STRING,
        "value": STRING,
        "temperature": INTEGER,
        "text": STRING,
    }
    assert {name: o["type"] for name, o in refer.items()}.items() >= expected.items()
    assert list(refer)[-1] == "text"
    assert not any(o["required"] for o in refer.values())  # none given opens the form
    assert [c["value"] for c in refer["temperature"]["choices"]] == [1, 2, 3, 4, 5]
    number = _options(synced["referral"])["number"]
    assert number["type"] == INTEGER and number["autocomplete"] is True
    charter = _options(synced["charter"])
    assert set(charter) >= {"show", "accept", "history", "edit", "commission"}
    assert all(o["type"] == SUBCOMMAND for o in charter.values())
    assert "new" in _options(synced["candidate"])  # its verb-less verb opens a form


async def test_a_command_added_to_core_reaches_discord(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = Command(
        "thanks",
        (Verb("", (Param("member", InputKind.MEMBER), Param("note", InputKind.TEXT))),),
    )
    monkeypatch.setitem(COMMANDS, "thanks", added)

    await world.restart()

    thanks = _options(_synced(world.fake)["thanks"])
    assert [(o["name"], o["type"]) for o in thanks.values()] == [
        ("member", USER),
        ("note", STRING),
        ("text", STRING),
    ]


async def test_a_guild_id_syncs_to_that_guild_only(world: World) -> None:
    bot = ApportBot(world.app, guild_id=CLUB.id)
    await bot.login(TOKEN)
    await bot.close()

    synced = _synced(world.fake, f"/applications/900000000000000001/guilds/{CLUB.id}/commands")
    assert "refer" in synced
    # The global commands a production run registered are withdrawn: none shows twice.
    everywhere = "/applications/900000000000000001/commands"
    globally = [c for c in world.fake.calls if c.method == "PUT" and c.path == everywhere]
    assert globally[-1].json == []


async def test_descriptions_reach_french_members_in_french(world: World) -> None:
    refer = _synced(world.fake)["refer"]

    assert refer["description"] == "pass a client to a member (no text opens the form)"
    localized = refer["description_localizations"]
    assert localized["fr"] == "transmettre un client à un membre (sans texte, ouvre le formulaire)"
    assert localized.keys() == {"fr"}, "English clients read the default description"
    need = _options(refer)["need"]
    assert (need["description"], need["description_localizations"]["fr"]) == ("Need", "Besoin")
    charter = _synced(world.fake)["charter"]  # a group
    assert charter["description_localizations"]["fr"] == "la charte du réseau"


async def test_a_french_speaking_bot_describes_its_commands_in_english_for_english_clients() -> (
    None
):
    about = described(lambda t: t("help.charter"), Translator("fr"))
    translator = CatalogTranslator("fr")
    context = app_commands.TranslationContext(app_commands.TranslationContextLocation.other, None)

    assert about.message == "la charte du réseau"
    assert await translator.translate(about, Locale.british_english, context) == (
        "the network's charter"
    )
    assert await translator.translate(about, Locale.french, context) is None
    assert await translator.translate(about, Locale.german, context) is None
