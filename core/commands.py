"""Every command, declared once with typed parameters; the inline parser that reads them.

Adapters build their own interface from these declarations (Slack modals, Discord options,
console syntax), so a command added here reaches every platform.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.breaches import BreachKind
from core.errors import UnknownCommand, UsageError
from core.i18n import Translator
from core.network import GRANTABLE_ROLES, SETTINGS
from core.referrals import MOVES
from core.stats import PeriodKind
from core.text import plain_mention
from core.ui import Form, Input, InputKind

__all__ = ["COMMANDS", "Command", "MentionReader", "Param", "Parsed", "Verb", "plain_mention"]

K = InputKind
PERIODS = tuple(kind.value for kind in PeriodKind)


@dataclass(frozen=True)
class Param:
    name: str
    kind: InputKind
    required: bool = True
    choices: tuple[str, ...] = ()
    rest: bool = False  # takes the rest of the line (space-separated commands)
    form_optional: bool = False  # a form may leave it empty: its FORM_FALLBACK answers then


@dataclass(frozen=True)
class Verb:
    name: str  # "" is the command alone
    params: tuple[Param, ...] = ()
    admin_only: bool = False
    has_form: bool = False  # given no text, this verb answers with a form
    pipe: bool = False  # inline fields separated by `|`


@dataclass(frozen=True)
class Command:
    name: str
    verbs: tuple[Verb, ...]
    pipe: bool = False  # inline fields separated by `|` (every verb)
    number_first: bool = False  # `/candidate 3 vote yes`: the record's number, then the verb
    show_verb: str = ""  # with number_first: the verb for the number alone (`/candidate 3`)

    def verb(self, name: str) -> Verb | None:
        return next((v for v in self.verbs if v.name == name), None)


COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        Command(
            "refer",
            (
                Verb(
                    "",
                    (
                        Param("receiver", K.MEMBER, form_optional=True),  # -> suggestions
                        Param("client", K.TEXT),
                        Param("need", K.LONG_TEXT),
                        Param("value", K.AMOUNT, required=False),
                        Param("temperature", K.NUMBER, required=False, choices=tuple("12345")),
                        Param("contact", K.TEXT, required=False),
                    ),
                    has_form=True,
                ),
            ),
            pipe=True,
        ),
        Command(
            "referral",
            (
                Verb(
                    "",
                    (
                        Param("number", K.NUMBER),
                        Param("action", K.CHOICE, required=False, choices=tuple(MOVES)),
                        Param("note", K.TEXT, required=False, rest=True),
                    ),
                ),
            ),
        ),
        Command(
            "referrals",
            (
                Verb(
                    "",
                    (
                        Param(
                            "filter",
                            K.CHOICE,
                            required=False,
                            choices=("given", "received", "open"),
                        ),
                    ),
                ),
            ),
        ),
        Command("clients", (Verb(""),)),
        Command(
            "feedback",
            (
                Verb(
                    "",
                    (
                        Param("number", K.NUMBER),
                        Param("score", K.CHOICE, choices=("1", "2", "3", "4", "5", "later")),
                        Param("comment", K.LONG_TEXT, required=False, rest=True),
                    ),
                    has_form=True,
                ),
            ),
        ),
        Command(
            "charter",
            (
                Verb(""),
                Verb("accept"),
                Verb("history"),
                Verb(
                    "edit",
                    (
                        Param("members", K.LONG_TEXT),
                        Param("clients", K.LONG_TEXT),
                        Param("remuneration", K.LONG_TEXT),
                    ),
                    admin_only=True,
                    has_form=True,
                ),
                Verb("commission", (Param("rule", K.TEXT, rest=True),), admin_only=True),
            ),
        ),
        Command(
            "network",
            (
                Verb(""),
                Verb(
                    "role",
                    (
                        Param("member", K.MEMBER),
                        Param("role", K.CHOICE, choices=tuple(r.value for r in GRANTABLE_ROLES)),
                        Param("remove", K.CHOICE, required=False, choices=("remove",)),
                    ),
                    admin_only=True,
                ),
                Verb("audit", admin_only=True),
                Verb("export", admin_only=True),
                Verb(
                    "set",
                    (
                        Param("key", K.CHOICE, choices=tuple(SETTINGS)),
                        Param("setting_value", K.TEXT, rest=True),
                    ),
                    admin_only=True,
                ),
            ),
        ),
        Command(
            "candidate",
            (
                Verb(
                    "",
                    (
                        Param("name", K.TEXT),
                        Param("profession", K.TEXT),
                        Param("previous", K.LONG_TEXT),
                    ),
                    has_form=True,
                    pipe=True,
                ),
                Verb("show", (Param("candidate", K.NUMBER),)),
                Verb(
                    "interviewers",
                    (
                        Param("candidate", K.NUMBER),
                        Param("first", K.MEMBER),
                        Param("second", K.MEMBER),
                    ),
                ),
                Verb(
                    "report",
                    (
                        Param("candidate", K.NUMBER),
                        Param("recommendation", K.CHOICE, choices=("admit", "reject", "unsure")),
                        Param("notes", K.LONG_TEXT, required=False),
                        Param("ethics", K.LONG_TEXT, required=False),
                        Param("generosity", K.LONG_TEXT, required=False),
                        Param("previous_networks", K.LONG_TEXT, required=False),
                    ),
                    has_form=True,
                    pipe=True,
                ),
                Verb(
                    "visit",
                    (Param("candidate", K.NUMBER), Param("notes", K.LONG_TEXT)),
                    pipe=True,
                ),
                Verb(
                    "override",
                    (Param("candidate", K.NUMBER), Param("reason", K.LONG_TEXT)),
                    pipe=True,
                ),
                Verb("open", (Param("candidate", K.NUMBER),)),
                Verb(
                    "vote",
                    (
                        Param("candidate", K.NUMBER),
                        Param("ballot", K.CHOICE, choices=("yes", "no", "abstain")),
                    ),
                ),
                Verb("close", (Param("candidate", K.NUMBER),)),
                Verb("withdraw", (Param("candidate", K.NUMBER),)),
                Verb(
                    "link",
                    (Param("candidate", K.NUMBER), Param("member", K.MEMBER)),
                    admin_only=True,
                ),
            ),
            number_first=True,
            show_verb="show",
        ),
        Command("candidates", (Verb(""),)),
        Command(
            "report",
            (
                Verb(
                    "",
                    (
                        Param("member", K.MEMBER),
                        Param("kind", K.CHOICE, choices=tuple(k.value for k in BreachKind)),
                        Param("what", K.LONG_TEXT),
                        Param("referral", K.TEXT, required=False),
                    ),
                    has_form=True,
                    pipe=True,
                ),
                Verb("show", (Param("report", K.NUMBER),), admin_only=True),
                *(
                    Verb(
                        verb,
                        (Param("report", K.NUMBER), Param("note", K.LONG_TEXT, required=False)),
                        admin_only=True,
                        pipe=True,
                    )
                    for verb in ("raise", "resolve", "dismiss")
                ),
            ),
            number_first=True,
            show_verb="show",
        ),
        Command("reports", (Verb("", admin_only=True),)),
        Command(
            "mydata",
            (
                Verb(""),
                Verb("export"),
                Verb("erase", (Param("confirm", K.CHOICE, required=False, choices=("confirm",)),)),
            ),
        ),
        Command(
            "profile",
            (
                Verb(
                    "",
                    (
                        Param("profession", K.TEXT),
                        Param("keywords", K.TEXT, required=False),
                        Param("pitch", K.TEXT, required=False),
                    ),
                    has_form=True,
                ),
            ),
            pipe=True,
        ),
        Command("members", (Verb("", (Param("words", K.TEXT, required=False, rest=True),)),)),
        Command(
            "stats",
            (
                Verb("", (Param("period", K.CHOICE, required=False, choices=PERIODS),)),
                Verb("me", (Param("period", K.CHOICE, required=False, choices=PERIODS),)),
                Verb("activity"),
                Verb("export", admin_only=True),
            ),
        ),
        Command("home", (Verb(""),)),
        Command("help", (Verb("", (Param("topic", K.TEXT, required=False),)),)),
    )
}


@dataclass(frozen=True)
class Parsed:
    command: Command
    verb: Verb
    args: dict[str, str]


MentionReader = Callable[[str], str | None]


def find_command(name: str) -> Command:
    command = COMMANDS.get(name.removeprefix("/").lower())
    if command is None:
        raise UnknownCommand(name=name)
    return command


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
