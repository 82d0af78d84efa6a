"""What a button or a modal does, written into its `custom_id` so it survives a restart.

Discord keeps a component's `custom_id` (at most 100 characters) and sends it back with every
click or submission; nothing else needs to be remembered by the process. The network key
(the guild id) is part of it, because a click in a direct message carries no guild.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.shared.ui import Action, Form, InputKind

MAX_LENGTH = 100

# apport:b:{guild}:{command}:{ask name.kind or nothing}:{args}
BUTTON_TEMPLATE = (
    r"apport:b:(?P<key>[0-9]+):(?P<command>[a-z_-]+)"
    r":(?P<ask>(?:[a-z_]+\.[a-z_]+)?):(?P<args>.*)"
)
# apport:f:{guild}:{command}:{verb}[:{page}/{pages}] (a form, over several modals when it has
# more inputs than one holds) and apport:q:{guild}:{command}:{name}:{args} (the one value a
# button asks before it runs: `won` asks the amount).
_FORM = re.compile(
    r"apport:f:(?P<key>[0-9]+):(?P<command>[a-z_-]+):(?P<verb>[a-z_-]*)"
    r"(?::(?P<page>[1-9])/(?P<pages>[1-9]))?"
)
_ASK = re.compile(r"apport:q:(?P<key>[0-9]+):(?P<command>[a-z_-]+):(?P<name>[a-z_]+):(?P<args>.*)")
_BUTTON = re.compile(BUTTON_TEMPLATE)


class TooLong(ValueError):
    """The action does not fit in a custom_id; the renderer shows it as a command instead."""


@dataclass(frozen=True)
class Ask:
    name: str
    kind: InputKind


@dataclass(frozen=True)
class Press:
    """A button: run `command` with `args` in network `key`, after asking `ask` if set."""

    key: str
    command: str
    args: str
    ask: Ask | None = None


@dataclass(frozen=True)
class FormSubmit:
    key: str
    command: str
    verb: str
    page: int = 1
    pages: int = 1


@dataclass(frozen=True)
class AskSubmit:
    key: str
    command: str
    name: str
    args: str


def _checked(custom_id: str) -> str:
    if len(custom_id) > MAX_LENGTH:
        raise TooLong(custom_id)
    return custom_id


def button_id(key: str, action: Action) -> str:
    ask = f"{action.ask.name}.{action.ask.kind.value}" if action.ask else ""
    if not _BUTTON.fullmatch(f"apport:b:{key}:{action.command}:{ask}:{action.args}"):
        raise TooLong(action.id)  # not encodable (a key or name outside the pattern)
    return _checked(f"apport:b:{key}:{action.command}:{ask}:{action.args}")


def read_button(custom_id: str) -> Press | None:
    match = _BUTTON.fullmatch(custom_id)
    if match is None:
        return None
    ask = None
    if match["ask"]:
        name, _, kind = match["ask"].partition(".")
        if kind not in set(InputKind):
            return None
        ask = Ask(name, InputKind(kind))
    return Press(match["key"], match["command"], match["args"], ask)


def form_id(key: str, form: Form, page: int = 1, pages: int = 1) -> str:
    paged = f":{page}/{pages}" if pages > 1 else ""
    return _checked(f"apport:f:{key}:{form.command}:{form.verb}{paged}")


def ask_id(press: Press) -> str:
    if press.ask is None:
        raise ValueError("this button asks nothing")
    return _checked(f"apport:q:{press.key}:{press.command}:{press.ask.name}:{press.args}")


def read_modal(custom_id: str) -> FormSubmit | AskSubmit | None:
    form = _FORM.fullmatch(custom_id)
    if form is not None:
        page, pages = int(form["page"] or 1), int(form["pages"] or 1)
        return FormSubmit(form["key"], form["command"], form["verb"], page, pages)
    ask = _ASK.fullmatch(custom_id)
    if ask is not None:
        return AskSubmit(ask["key"], ask["command"], ask["name"], ask["args"])
    return None
