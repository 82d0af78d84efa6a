"""Forms, options and core refuse at the same length: each parameter declares its limit once
(`Param.max_length`), and Discord receives it with the form and with the command."""

from __future__ import annotations

from typing import Any

from adapters.discord.modals import form_modal, pages_of
from adapters.slack.modals import element
from core.commands import COMMANDS
from core.directory.model import MAX_KEYWORDS, MAX_PITCH, MAX_PROFESSION
from core.shared.declare import form_for
from core.shared.i18n import Translator
from core.shared.text import MAX_TEXT
from core.shared.ui import Reply
from core.shared.ui_codec import decode_reply, encode_reply
from tests.discord.conftest import ALICE, CLUB
from tests.discord.harness import World
from tests.discord.longest import longest
from tests.discord.payloads import slash
from tests.discord.steps import accept_charter, fill_in, inputs_of

STRING, SUBCOMMAND = 3, 1


def _string_options(synced: list[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    """(command, subcommand or "", option) -> the option, for every string option synced."""
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for command in synced:
        for option in command.get("options", []):
            if option["type"] == SUBCOMMAND:
                for inner in option.get("options", []):
                    if inner["type"] == STRING:
                        found[(command["name"], option["name"], inner["name"])] = inner
            elif option["type"] == STRING:
                found[(command["name"], "", option["name"])] = option
    return found


async def test_a_member_resubmits_their_own_longest_profile(world: World) -> None:
    await accept_charter(world, CLUB, ALICE)
    profile = {
        "profession": longest(MAX_PROFESSION, "métier"),
        "keywords": longest(MAX_KEYWORDS, "mots-clés"),
        "pitch": longest(MAX_PITCH, "présentation"),
    }
    saved = await world.send(slash(ALICE, CLUB, "profile", **profile))
    assert saved.content == "Your profile is saved.", saved.content

    opened = await world.send(slash(ALICE, CLUB, "profile"))

    assert opened.kind == "modal"
    inputs = inputs_of(opened.data)
    for name, text in profile.items():
        assert inputs[name]["value"] == text, f"{name} is not prefilled whole"
        assert inputs[name]["max_length"] == len(text), f"{name} takes what core accepts"
    again = await fill_in(world, ALICE, opened, profile, CLUB)
    assert again.content == saved.content, again.content


async def test_every_string_option_declares_the_limit_core_checks(world: World) -> None:
    puts = [c for c in world.fake.calls if c.method == "PUT" and c.path.endswith("/commands")]
    options = _string_options(puts[-1].json)

    assert options[("profile", "", "profession")]["max_length"] == MAX_PROFESSION
    assert options[("profile", "", "keywords")]["max_length"] == MAX_KEYWORDS
    assert options[("profile", "", "pitch")]["max_length"] == MAX_PITCH
    assert options[("refer", "", "need")]["max_length"] == MAX_TEXT
    assert options[("candidate", "new", "name")]["max_length"] == 200
    for (command, verb, name), option in options.items():
        if "choices" in option:
            continue
        assert 1 <= option.get("max_length", 0) <= 6000, (command, verb, name)
        declared = COMMANDS[command].verb(verb) or COMMANDS[command].verb("")
        assert declared is not None
        params = {p.name: p for p in declared.params}
        if name in params:
            assert option["max_length"] == params[name].max_length, (command, verb, name)


def test_a_form_waiting_in_the_outbox_keeps_its_limits() -> None:
    profile = COMMANDS["profile"]
    form = form_for(profile, profile.verbs[0], Translator("fr"), {"keywords": "paie"})

    again = decode_reply(encode_reply(Reply(form=form))).form

    assert again is not None
    assert [i.max_length for i in again.inputs] == [MAX_PROFESSION, MAX_KEYWORDS, MAX_PITCH]


def test_every_text_input_on_both_platforms_takes_what_core_accepts() -> None:
    t = Translator("en")
    for command in COMMANDS.values():
        for verb in (v for v in command.verbs if v.has_form):
            form = form_for(command, verb, t, {})
            for page in range(1, pages_of(form) + 1):
                modal = form_modal(form, "1", page).to_dict()
                for label in modal["components"]:
                    inner = label["component"]
                    if inner["type"] != 4:
                        continue
                    param = next(p for p in verb.params if p.name == inner["custom_id"])
                    item = next(i for i in form.inputs if i.name == param.name)
                    slack = element(item)
                    assert inner["max_length"] == slack["max_length"] == param.max_length
