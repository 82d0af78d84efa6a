"""The neutral UI vocabulary: small values every adapter renders its own way.

Slack turns them into Block Kit, Discord into embeds, views and modals, the console into text.
An action names the command (and its inline arguments) that does the same thing, so an adapter
that has no buttons can print the command instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.shared.text import MAX_TEXT


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
    ask: Input | None = None  # a value to ask first, appended to args (`won` asks the amount)

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
    max_length: int = MAX_TEXT  # the most characters core accepts (its parameter's `max_length`)


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
class Attachment:
    """A file that goes with a reply: a chart (PNG), an export (CSV, JSON).

    Slack and Discord upload it privately to the conversation; the console writes it to disk.
    """

    filename: str
    content: bytes
    mime: str


@dataclass(frozen=True)
class Problem:
    """Why a reply refuses: the catalog key of its message, and the form input (parameter)
    it concerns, "" when none."""

    key: str
    field: str = ""


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
    files: tuple[Attachment, ...] = ()
    problem: Problem | None = None  # set on every error reply
    # The card this reply shows as it now is, after a change (`referral:12`). The member's copy
    # of that card is updated in place; where the reply is printed as a new message of its own
    # (the console), its text says enough.
    card: str = ""


@dataclass(frozen=True)
class CardInPlace:
    """A notice that is a member's copy of a card (a referral's): posted once, then updated.

    With no `ref`, the notice's reply is posted and becomes the card. With a `ref` (the
    platform's reference of the copy posted earlier), that message is edited to show `shown`,
    and `line`, when there is one, is posted as a short message of its own saying what changed.
    When the message is gone or cannot be edited, the notice's reply is posted as a fresh card.
    The messenger returns the reference of the card either way; the dispatcher stores it.
    """

    key: str  # which card: `referral:12`
    ref: str = ""
    shown: Reply | None = None
    line: str = ""


@dataclass(frozen=True)
class Notice:
    """A message to deliver through the messenger port: a direct message, or to a channel."""

    network_id: int
    network_key: str
    reply: Reply
    member_id: int | None = None
    external_id: str = ""  # the member's platform id (a direct message)
    name: str = ""  # the member's display name
    channel: str = ""  # a platform channel id (an announcement)
    kind: str = "notice"
    key: str = ""  # the outbox row's idempotency key
    locale: str = "en"  # the network's language, for what the adapter adds (labels, dates)
    thread: str = ""  # the conversation it belongs to (`candidate:12`), for channel posts
    thread_title: str = ""  # how to name that conversation where a title is needed
    thread_ref: str = ""  # the platform's reference of the thread's first post, once sent
    opens_thread: bool = False  # this post is the first of its thread
    in_doubt: bool = False  # sent before, maybe: the messenger looks for it before sending
    card: CardInPlace | None = None  # a member's copy of a card, updated in place
