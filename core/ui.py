"""The neutral UI vocabulary: small values every adapter renders its own way.

Slack turns them into Block Kit, Discord into embeds, views and modals, the console into text.
An action names the command (and its inline arguments) that does the same thing, so an adapter
that has no buttons can print the command instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Style(StrEnum):
    DEFAULT = "default"
    PRIMARY = "primary"
    DANGER = "danger"


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Action:
    label: str
    command: str
    args: str
    style: Style = Style.DEFAULT

    @property
    def id(self) -> str:
        return f"{self.command}:{self.args}"


class InputKind(StrEnum):
    MEMBER = "member"
    TEXT = "text"
    LONG_TEXT = "long_text"
    AMOUNT = "amount"
    NUMBER = "number"
    CHOICE = "choice"


@dataclass(frozen=True)
class Input:
    name: str
    label: str
    kind: InputKind
    required: bool = True
    choices: tuple[str, ...] = ()
    initial: str = ""
    hint: str = ""


@dataclass(frozen=True)
class Form:
    """A form an adapter shows (Slack modal, Discord modal, console field list).

    Submitting it calls `command` (and `verb`, if any) with the inputs' values by name.
    """

    command: str
    title: str
    inputs: tuple[Input, ...]
    verb: str = ""
    submit_label: str = ""


@dataclass(frozen=True)
class Reply:
    text: str = ""
    title: str = ""
    fields: tuple[Field, ...] = ()
    lines: tuple[str, ...] = ()
    footer: str = ""
    actions: tuple[Action, ...] = ()
    form: Form | None = None
    error: bool = False


@dataclass(frozen=True)
class Notice:
    """A message for one member, sent through the messenger port."""

    network_id: int
    member_id: int
    external_id: str
    name: str
    reply: Reply
    kind: str = "notice"
