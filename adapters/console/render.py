"""Core replies as plain text; an action becomes the command that does the same."""

from __future__ import annotations

from core.commands import COMMANDS, usage
from core.i18n import Translator
from core.ui import Action, Form, Reply


def action_text(action: Action) -> str:
    command = f"/{action.command} {action.args}".rstrip()
    if action.ask is not None:
        command += " " + action.ask.name.upper()
    return f"[{action.label}] {command}"


def form_text(form: Form, t: Translator) -> list[str]:
    command = COMMANDS[form.command]
    verb = command.verb(form.verb) or command.verbs[0]
    lines = [form.title, t("console.form"), "  " + usage(command, verb, t)]
    for item in form.inputs:
        hint = f": {item.hint}" if item.hint else ""
        lines.append(f"  - {item.label}{hint}")
        if item.initial:
            lines.extend("      " + line for line in item.initial.splitlines())
    return lines


def render(reply: Reply, t: Translator) -> list[str]:
    lines: list[str] = []
    if reply.text:
        lines.extend(reply.text.splitlines())
    if reply.title:
        lines.append(reply.title)
    separator = t("ui.field_separator")
    for item in reply.fields:
        value_lines = item.value.splitlines() or [""]
        if len(value_lines) == 1:
            lines.append(f"  {item.label}{separator}{value_lines[0]}")
        else:
            lines.append(f"  {item.label}")
            lines.extend(f"    {line}" for line in value_lines)
    lines.extend(f"  - {line}" for line in reply.lines)
    if reply.footer:
        lines.extend(reply.footer.splitlines())
    if reply.actions:
        lines.append("  " + "  ".join(action_text(a) for a in reply.actions))
    if reply.form is not None:
        lines.extend(form_text(reply.form, t))
    if reply.error and lines:
        lines[0] = "! " + lines[0]
    return lines
