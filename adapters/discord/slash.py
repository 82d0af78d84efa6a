"""Application commands built from core's declarations, so a command added to core needs no
Discord code.

A command with one verb is one slash command; a command with verbs is a group with a
subcommand per verb (the verb-less one is `show`, or `new` when it opens a form). Parameters
become typed options: a member is a user picker, a record's number an integer with
autocomplete (`Apport.suggest`), a choice a fixed list.
Every option is optional, because a command given none opens its form (`/refer`), and an
extra `text` option takes the console's inline syntax for power users.
"""

from __future__ import annotations

import inspect
from functools import partial
from typing import Any

import discord
from discord import app_commands

from adapters.common.text import cap
from adapters.discord.command_locales import described, named
from adapters.discord.interactions import Interactions
from core.commands import COMMANDS, Command, Param, Verb, usage
from core.shared.i18n import Translator
from core.shared.keywords import choice_key, command_key, option_key, verb_key
from core.shared.ui import InputKind

TEXT = "text"
VERBLESS = ("show", "new")  # names for a group's verb-less subcommand, unless a verb has it
AppCommand = app_commands.Command[Any, ..., None] | app_commands.Group


class ApportTree(app_commands.CommandTree[discord.Client]):
    def __init__(self, client: discord.Client, handler: Interactions) -> None:
        super().__init__(client)
        self.handler = handler

    async def on_error(
        self, interaction: discord.Interaction[discord.Client], error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.TransformerError):  # a user who left the guild
            t = Translator(self.handler.app.default_locale)
            text = t("error.not_a_member", name=str(error.value))
            await interaction.response.send_message(text, ephemeral=True)
            return
        await self.handler.failed(interaction, error)


def build_commands(handler: Interactions, t: Translator) -> list[AppCommand]:
    """`t`: the default language; descriptions carry the others (`command_locales`)."""
    built: list[AppCommand] = []
    for command in COMMANDS.values():
        about = described(partial(_about, command), t)
        if len(command.verbs) == 1 and not command.verbs[0].name:
            name = named(command.name, command_key(command.name))
            built.append(_slash(handler, command, command.verbs[0], t, name, about))
            continue
        group = app_commands.Group(
            name=named(command.name, command_key(command.name)), description=about, guild_only=True
        )
        for verb in command.verbs:
            syntax = described(partial(_usage, command, verb), t)
            if verb.name:
                name = named(verb.name, verb_key(command.name, verb.name))
            else:
                verbless = _verbless_name(command, verb)
                name = named(verbless, f"kw.verbless.{verbless}")
            group.add_command(_slash(handler, command, verb, t, name, syntax))
        built.append(group)
    return built


def _about(command: Command, t: Translator) -> str:
    return t(f"help.{command.name}") if t.has(f"help.{command.name}") else command.name


def _slash(
    handler: Interactions,
    command: Command,
    verb: Verb,
    t: Translator,
    name: app_commands.locale_str,
    about: app_commands.locale_str,
) -> app_commands.Command[Any, ..., None]:
    async def run(interaction: discord.Interaction[Any], **options: object) -> None:
        await handler.command(interaction, command.name, verb.name, options)

    first = inspect.Parameter(
        "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
    )
    params = [first]
    descriptions: dict[str, app_commands.locale_str] = {}
    choices: dict[str, list[app_commands.Choice[Any]]] = {}
    completers: dict[str, Any] = {}
    renames: dict[str, app_commands.locale_str] = {}
    for param in verb.params:
        params.append(_option(param.name, _option_type(param)))
        descriptions[param.name] = described(partial(_describe, param), t)
        renames[param.name] = named(param.name, option_key(param.name))
        if param.choices:
            choices[param.name] = [
                app_commands.Choice(
                    name=_choice_name(command, param, c), value=_choice_value(param, c)
                )
                for c in param.choices
            ][:25]
        elif param.kind is InputKind.NUMBER:  # core suggests the ones the user may act on
            completers[param.name] = _completer(handler, command.name, param.name)
    if verb.params and all(p.name != TEXT for p in verb.params):
        params.append(_option(TEXT, str))
        descriptions[TEXT] = described(partial(_usage, command, verb), t)
        renames[TEXT] = named(TEXT, option_key(TEXT))
    # discord.py reads options from the callback's signature: give it the declared one.
    setattr(run, "__signature__", inspect.Signature(params))  # noqa: B010
    app_commands.describe(**descriptions)(run)
    app_commands.rename(**renames)(run)  # the same names, spelled in each language
    if choices:
        app_commands.choices(**choices)(run)
    if completers:
        app_commands.autocomplete(**completers)(run)
    built: app_commands.Command[Any, ..., None] = app_commands.Command(
        name=name, description=about, callback=run
    )
    built.guild_only = True
    return built


def _usage(command: Command, verb: Verb, t: Translator) -> str:
    try:
        return cap(usage(command, verb, t), 100)
    except KeyError:  # a message missing from the catalog must not stop the bot
        return cap(f"/{command.name} {verb.name}".strip(), 100)


def _verbless_name(command: Command, verb: Verb) -> str:
    preferred = reversed(VERBLESS) if verb.has_form else VERBLESS
    taken = {v.name for v in command.verbs}
    return next((name for name in preferred if name not in taken), command.name)


def _option(name: str, kind: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=kind | None, default=None
    )


def _option_type(param: Param) -> type:
    if param.kind is InputKind.MEMBER:
        return discord.Member
    if param.kind is InputKind.NUMBER and all(c.isdigit() for c in param.choices):
        return int
    return str


def _choice_name(command: Command, param: Param, choice: str) -> str | app_commands.locale_str:
    if choice.isdigit():  # a number reads the same in every language
        return choice
    return named(choice, choice_key(command.name, param.name, choice))


def _choice_value(param: Param, choice: str) -> int | str:
    return int(choice) if _option_type(param) is int else choice


def _describe(param: Param, t: Translator) -> str:
    for key in (f"param.{param.name}.label", f"param.{param.name}"):
        if t.has(key):
            return cap(t(key), 100)
    return param.name


def _completer(handler: Interactions, command: str, param: str) -> Any:
    async def complete(
        interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[int]]:
        found = await handler.suggest(interaction, command, param, str(current or ""))
        return [
            app_commands.Choice(name=cap(label, 100), value=int(value))
            for label, value in found
            if value.isdigit()
        ]

    return complete
