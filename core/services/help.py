"""`/help`: what the bot can do here, built from the command declarations."""

from __future__ import annotations

from core.commands import COMMANDS, usage
from core.errors import UnknownCommand
from core.services.context import Context
from core.ui import Reply


def help_reply(ctx: Context, args: dict[str, str]) -> Reply:
    t = ctx.t
    topic = args.get("topic", "").strip().removeprefix("/").lower()
    if topic:
        command = COMMANDS.get(topic)
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
        for command in COMMANDS.values()
    )
    return Reply(title=t("help.title"), text=t("help.intro"), lines=lines)
