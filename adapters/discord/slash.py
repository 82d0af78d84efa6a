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
from adapters.discord.command_locales import DESCRIPTION_MAX, described, named
from adapters.discord.interactions import Interactions
from core.commands import COMMANDS, Command, Param, Verb, usage
from core.shared.i18n import Translator
from core.shared.keywords import choice_key, command_key, option_key, verb_key
from core.shared.ui import InputKind

TEXT = "text"
OPTION_MAX = 6000  # Discord's longest string option
WORD_MAX = 100  # a member, a record's number or a choice, typed inline
VERBLESS = ("show", "new")  # names for a group's verb-less subcommand, unless a verb has it
AppCommand = app_commands.Command[Any, ..., None] | app_commands.Group


# A network is a guild: commands are installed with the bot in a guild and run there only.
GUILD_ONLY = app_commands.AppCommandContext(guild=True)
GUILD_INSTALL = app_commands.AppInstallationType(guild=True)


def _declared(synced: dict[str, Any]) -> dict[str, Any]:
    """Discord replaced `dm_permission` with `contexts`; discord.py still writes both."""
    synced.pop("dm_permission", None)
    return synced


class _Slash(app_commands.Command[Any, ..., None]):
    def to_dict(self, tree: app_commands.CommandTree[Any]) -> dict[str, Any]:
        return _declared(super().to_dict(tree))


class _Group(app_commands.Group):
    def to_dict(self, tree: app_commands.CommandTree[Any]) -> dict[str, Any]:
        return _declared(super().to_dict(tree))


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
        group = _Group(
            name=named(command.name, command_key(command.name)),
            description=about,
            allowed_contexts=GUILD_ONLY,
            allowed_installs=GUILD_INSTALL,
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
        params.append(_option(param.name, _option_annotation(param)))
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
        params.append(_option(TEXT, app_commands.Range[str, None, _inline_max(verb)]))
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
    built: app_commands.Command[Any, ..., None] = _Slash(
        name=name,
        description=about,
        callback=run,
        allowed_contexts=GUILD_ONLY,
        allowed_installs=GUILD_INSTALL,
    )
    return built


def _usage(command: Command, verb: Verb, t: Translator) -> str:
    """The inline syntax, with its choices when they fit in a description (Discord lists
    them in the option anyway)."""
    try:
        written = usage(command, verb, t)
        if len(written) > DESCRIPTION_MAX:
            written = usage(command, verb, t, list_choices=False)
        return cap(written, DESCRIPTION_MAX)
    except KeyError:  # a message missing from the catalog must not stop the bot
        return cap(f"/{command.name} {verb.name}".strip(), 100)


def _verbless_name(command: Command, verb: Verb) -> str:
    preferred = reversed(VERBLESS) if verb.has_form else VERBLESS
    taken = {v.name for v in command.verbs}
    return next((name for name in preferred if name not in taken), command.name)


def _option(name: str, kind: Any) -> inspect.Parameter:
    """Optional: the default None is what discord.py reads as `required: false`."""
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind, default=None)


def _option_annotation(param: Param) -> Any:
    """A text option declares core's limit (`max_length`): Discord refuses a longer value
    before it is sent, as the form does."""
    kind = _option_type(param)
    if kind is str and not param.choices:
        return app_commands.Range[str, None, min(param.max_length, OPTION_MAX)]
    return kind


def _inline_max(verb: Verb) -> int:
    """The longest inline line core could accept for `verb`: each text at its limit, each
    member, number or choice as a word of at most `WORD_MAX`, and a separator between."""
    texts = (InputKind.TEXT, InputKind.LONG_TEXT, InputKind.AMOUNT)
    longest = sum(p.max_length if p.kind in texts else WORD_MAX for p in verb.params)
    return min(longest + len(" | ") * len(verb.params), OPTION_MAX)


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
