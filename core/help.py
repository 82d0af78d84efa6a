"""`/help`: what the bot can do here, built from the command declarations."""

from __future__ import annotations

from dataclasses import dataclass

from core.shared.context import Context
from core.shared.declare import Command, Param, Verb, usage
from core.shared.errors import UnknownCommand
from core.shared.keywords import command_key, resolve
from core.shared.ui import InputKind as K
from core.shared.ui import Reply


@dataclass(frozen=True)
class HelpArgs:
    topic: str


def help_reply(ctx: Context, args: HelpArgs) -> Reply:
    """Every command of the registry the context carries, or one command's verbs."""
    t = ctx.t
    topic = args.topic.strip().removeprefix("/").lower()
    if topic:
        # `/help candidat` as well as `/help candidate`
        name = resolve(topic, ((command_key(name), name) for name in ctx.commands)) or topic
        command = ctx.commands.get(name)
        if command is None:
            raise UnknownCommand(name=topic)
        lines = tuple(
            usage(command, verb, t, ctx.typed(command.name))
            for verb in command.verbs
            if not verb.admin_only or ctx.actor.is_admin
        )
        return Reply(
            title=f"/{ctx.typed(command.name)}", text=t(f"help.{command.name}.long"), lines=lines
        )
    lines = tuple(
        usage(command, command.verbs[0], t, ctx.typed(command.name))
        + "  "
        + t(f"help.{command.name}")
        for command in ctx.commands.values()
    )
    return Reply(title=t("help.title"), text=t("help.intro"), lines=lines)


HELP = Command(
    "help",
    (Verb("", (Param("topic", K.TEXT, required=False),), handler=help_reply, args=HelpArgs),),
)

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (HELP,)
