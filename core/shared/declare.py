"""How a command is declared, read from inline text and handed to its handler.

A feature module declares its commands beside their handlers (`Command`, `Verb`, `Param`);
`core.commands` collects them into the one registry every adapter builds its interface from
(Slack modals, Discord options, console syntax). A parameter is read once, by its kind (a
record number, an amount, a member, a choice), into the verb's frozen argument object.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from core.shared.errors import UsageError, concerning
from core.shared.i18n import Translator
from core.shared.money import parse_amount
from core.shared.tenancy import Member
from core.shared.text import parse_record_number, plain_mention
from core.shared.ui import Form, Input, InputKind, Reply

if TYPE_CHECKING:
    from core.shared.context import Context

__all__ = [
    "Command",
    "Handler",
    "MentionReader",
    "NoArgs",
    "Param",
    "Parsed",
    "Prefixed",
    "Verb",
    "check_args",
    "convert",
    "form_for",
    "parse",
    "plain_mention",
    "usage",
]

K = InputKind


@dataclass(frozen=True)
class Param:
    name: str
    kind: InputKind
    required: bool = True
    choices: tuple[str, ...] = ()
    rest: bool = False  # takes the rest of the line (space-separated commands)
    form_optional: bool = False  # a form may leave it empty: its verb's form_fallback answers
    enum: type[StrEnum] | None = None  # a choice read as this enum's member
    read: Callable[[str], object] | None = None  # a reading of its own, instead of its kind's


@dataclass(frozen=True)
class NoArgs:
    """The arguments of a verb that takes none."""


# A handler receives the context and its verb's argument object (a frozen dataclass whose
# fields are named after the verb's parameters).
Handler = Callable[["Context", Any], Reply]


@dataclass(frozen=True)
class Prefixed:
    """Inline text that starts with `sign` rather than a verb: the rest is `verb`'s one
    parameter (`/refer ? need` asks who fits)."""

    sign: str
    verb: Verb


@dataclass(frozen=True)
class Verb:
    name: str  # "" is the command alone
    params: tuple[Param, ...] = ()
    admin_only: bool = False
    # With admin_only: someone else who may run it too; the handler then checks the record
    # (recruiters, for the breach reports that come to them).
    also_allowed: Callable[[Context], bool] | None = None
    has_form: bool = False  # given no text, this verb answers with a form
    pipe: bool = False  # inline fields separated by `|`
    handler: Handler | None = None
    args: type = NoArgs  # the frozen dataclass the handler receives
    form_initial: Callable[[Context], dict[str, str]] | None = None  # a form's stored values
    # A submitted form lacking what the verb requires may still mean something (the referral
    # form sent with a need and no receiver asks for suggestions); None: the usual refusal.
    form_fallback: Callable[[Context, Mapping[str, str]], Reply | None] | None = None
    prefixed: Prefixed | None = None
    aliases: tuple[str, ...] = ()  # other words typed for it (`accepter` for `accept`)


@dataclass(frozen=True)
class Command:
    name: str
    verbs: tuple[Verb, ...]
    pipe: bool = False  # inline fields separated by `|` (every verb)
    number_first: bool = False  # `/candidate 3 vote yes`: the record's number, then the verb
    show_verb: str = ""  # with number_first: the verb for the number alone (`/candidate 3`)

    def verb(self, name: str) -> Verb | None:
        return next((v for v in self.verbs if name in (v.name, *v.aliases)), None)


@dataclass(frozen=True)
class Parsed:
    command: Command
    verb: Verb
    args: dict[str, str]


MentionReader = Callable[[str], str | None]


def usage(command: Command, verb: Verb, t: Translator, typed_as: str = "") -> str:
    """The inline syntax; `typed_as` is how the platform spells the command (`apport feedback`)."""
    parts = [f"/{typed_as or command.name}"] + ([verb.name] if verb.name else [])
    fields: list[str] = []
    for param in verb.params:
        if param.kind is K.MEMBER:
            shown = "@" + t(f"param.{param.name}")
        elif param.choices and param.kind is K.CHOICE:
            shown = "|".join(param.choices)
        else:
            shown = t(f"param.{param.name}")
        fields.append(shown if param.required else f"[{shown}]")
    if command.number_first and verb.params and verb.params[0].kind is K.NUMBER:
        parts = [parts[0], fields.pop(0), *parts[1:]]  # `/candidate N vote ...`
    if (command.pipe or verb.pipe) and len(fields) > 1:
        listed = verb.params[len(verb.params) - len(fields) :]
        leading = 0
        while leading < len(listed) and listed[leading].kind in (K.MEMBER, K.NUMBER, K.CHOICE):
            leading += 1
        return " ".join([*parts, *fields[:leading], " | ".join(fields[leading:])])
    return " ".join(parts + fields)


def _number_first(command: Command, text: str) -> tuple[Verb | None, str]:
    """`3 vote yes` -> the `vote` verb and `3 yes`; `3` alone -> the show verb."""
    number, _, rest = text.partition(" ")
    if not number.removeprefix("#").isdigit():
        return None, text
    word, _, after = rest.strip().partition(" ")
    if not word:
        return command.verb(command.show_verb), number
    verb = command.verb(word.lower())
    if verb is None or not verb.name:
        raise UsageError(command=command.name, verb="")
    return verb, f"{number} {after.strip()}".strip()


def parse(command: Command, text: str, mention: MentionReader = plain_mention) -> Parsed:
    """Read inline text into the arguments of one verb; raise `UsageError` when it does not fit."""
    text = text.strip()
    if command.number_first:
        verb, rest = _number_first(command, text)
        if verb is not None:
            values = _split(command, verb, rest)
            return Parsed(command, verb, check_args(command, verb, values, mention))
    first, _, after = text.partition(" ")
    verb = command.verb(first.lower()) if first and command.verb(first.lower()) else None
    if verb is not None and verb.name:
        text = after.strip()
    else:
        verb = command.verb("")
        if verb is None:
            raise UsageError(command=command.name, verb="")
    values = _split(command, verb, text)
    return Parsed(command, verb, check_args(command, verb, values, mention))


def _split(command: Command, verb: Verb, text: str) -> list[str]:
    if command.pipe or verb.pipe:
        return _split_pipe(verb, text)
    return _split_words(command, verb, text)


def _split_words(command: Command, verb: Verb, text: str) -> list[str]:
    values: list[str] = []
    remaining = text
    for param in verb.params:
        if not remaining:
            break
        if param.rest:
            values.append(remaining)
            remaining = ""
            break
        token, _, remaining = remaining.partition(" ")
        values.append(token)
        remaining = remaining.strip()
    if remaining:
        raise UsageError(command=command.name, verb=verb.name)
    return values


def _split_pipe(verb: Verb, text: str) -> list[str]:
    if not text:
        return []
    fields = [part.strip() for part in text.split("|")]
    head = fields[0]
    values: list[str] = []
    # Leading members, numbers and choices are single words before the first free text.
    for param in verb.params:
        if param.kind not in (K.MEMBER, K.NUMBER, K.CHOICE) or not head:
            break
        token, _, head = head.partition(" ")
        values.append(token)
        head = head.strip()
    split = [*values, head, *fields[1:]] if head or len(values) == 0 else [*values, *fields[1:]]
    last = verb.params[-1] if verb.params else None
    if last is not None and last.kind is K.LONG_TEXT and len(split) > len(verb.params):
        # Free text at the end may hold a `|` of its own (notes, reasons).
        keep = len(verb.params) - 1
        split = [*split[:keep], " | ".join(split[keep:])]
    return split


def check_args(
    command: Command, verb: Verb, values: list[str], mention: MentionReader = plain_mention
) -> dict[str, str]:
    """Match positional values to parameters: required ones present, choices known."""
    if len(values) > len(verb.params):
        raise UsageError(command=command.name, verb=verb.name)
    args: dict[str, str] = {}
    for param, value in zip(verb.params, values, strict=False):
        value = value.strip()
        if not value:
            continue
        if param.kind is K.MEMBER:
            member = mention(value)
            if member is None:
                raise UsageError(command=command.name, verb=verb.name, concerns=param.name)
            value = member
        elif param.choices and param.kind is K.CHOICE:
            value = value.lower()
            if value not in param.choices and value.replace("_", "-") in param.choices:
                value = value.replace("_", "-")
            if value not in param.choices:
                raise UsageError(command=command.name, verb=verb.name, concerns=param.name)
        args[param.name] = value
    missing = [p for p in verb.params if p.required and p.name not in args]
    if missing:
        # A form marks the first input it requires; an optional one is left for last.
        first = min(missing, key=lambda p: p.form_optional)
        raise UsageError(command=command.name, verb=verb.name, concerns=first.name)
    return args


def form_for(command: Command, verb: Verb, t: Translator, initial: dict[str, str]) -> Form:
    inputs = tuple(
        Input(
            name=p.name,
            label=t(f"param.{p.name}.label"),
            kind=p.kind,
            required=p.required and not p.form_optional,
            choices=p.choices,
            initial=initial.get(p.name, ""),
            hint=t(f"param.{p.name}.hint") if t.has(f"param.{p.name}.hint") else "",
        )
        for p in verb.params
    )
    return Form(
        command=command.name,
        verb=verb.name,
        title=t(f"form.{command.name}{'.' + verb.name if verb.name else ''}"),
        inputs=inputs,
        submit_label=t("form.submit"),
    )


def convert(verb: Verb, raw: Mapping[str, str], resolve: Callable[[str], Member]) -> object:
    """The verb's argument object from the checked text of each parameter. A value that does
    not read is refused with the parameter named (`resolve` finds a member)."""
    values: dict[str, object] = {}
    for param in verb.params:
        with concerning(param.name):
            values[param.name] = _read(param, raw.get(param.name, "").strip(), resolve)
    made: object = verb.args(**values)
    return made


def _read(param: Param, text: str, resolve: Callable[[str], Member]) -> object:
    """A number is a record's number, an amount a Decimal, a member the one it names, a choice
    its enum's member where it has one; absent, each is None (text is "")."""
    typed = param.read is not None or param.enum is not None
    if not text:
        return None if typed or param.kind in (K.NUMBER, K.AMOUNT, K.MEMBER) else ""
    if param.read is not None:
        return param.read(text)
    if param.enum is not None:
        return param.enum(text)
    if param.kind is K.NUMBER:
        return parse_record_number(text)
    if param.kind is K.AMOUNT:
        amount: Decimal = parse_amount(text)
        return amount
    if param.kind is K.MEMBER:
        return resolve(text)
    return text
