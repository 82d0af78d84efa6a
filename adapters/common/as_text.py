"""Actions and forms written as the commands that do the same, where no button or form can be
shown (the console, a message past a platform's button limit)."""

from __future__ import annotations

from core.commands import COMMANDS, usage
from core.shared.declare import spelled
from core.shared.i18n import Translator
from core.shared.ui import Action, Form, Style


def command_line(action: Action, locale: str = "") -> str:
    """`/referral 1 accept`, or `/referral 3 won AMOUNT` when the action asks a value first;
    with `locale`, its keywords as that language types them (`/referral 1 accepter`)."""
    args = action.args
    if locale and action.command in COMMANDS:
        args = spelled(COMMANDS[action.command], args, locale)
    command = f"/{action.command} {args}".rstrip()
    if action.ask is not None:
        command += " " + action.ask.name.upper()
    return command


def action_text(action: Action, locale: str = "") -> str:
    """`[Accept] /referral 1 accept`; `[Accepter] /referral 1 accepter` in French."""
    return f"[{action.label}] {command_line(action, locale)}"


def form_action(form: Form, style: Style = Style.DEFAULT) -> Action:
    """The action that opens `form`: its command with its verb alone."""
    return Action(form.title, form.command, form.verb, style)


def form_lines(form: Form, t: Translator) -> list[str]:
    """A form as text: its title, the command's usage, then each input with its hint and
    initial value."""
    command = COMMANDS[form.command]
    verb = command.verb(form.verb) or command.verbs[0]
    lines = [form.title, t("console.form"), "  " + usage(command, verb, t)]
    for item in form.inputs:
        hint = f": {item.hint}" if item.hint else ""
        lines.append(f"  - {item.label}{hint}")
        if item.initial:
            lines.extend("      " + line for line in item.initial.splitlines())
    return lines
