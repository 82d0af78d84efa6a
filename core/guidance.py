"""What a refusal suggests: the closest command when one is mistyped, the closest verb or
choice when a word of the command is, as a line the member can run as it is."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from core.commands import COMMANDS
from core.shared.declare import Command, MentionReader, Parsed, parse
from core.shared.errors import UnknownCommand, UsageError
from core.shared.ui import InputKind

CUTOFF = 0.6  # how close a word must be to the word it may stand for (difflib's ratio)
SCANNED = 3  # a command's verb and choices come among its first words


def closest(word: str, known: list[str]) -> str:
    """The known word `word` most likely stands for; "" when none is close."""
    found = difflib.get_close_matches(word.lower(), known, n=1, cutoff=CUTOFF)
    return found[0] if found else ""


def typed(name: str, names: Mapping[str, str]) -> str:
    """A command as the platform spells it (`/apport feedback` on Slack)."""
    return "/" + names.get(name, name)


def unknown_command(name: str, text: str, names: Mapping[str, str]) -> UnknownCommand:
    """The refusal of an unknown command, with the closest one when there is one."""
    found = closest(name.removeprefix("/"), list(COMMANDS))
    if not found:
        return UnknownCommand(name=name)
    line = " ".join(part for part in (typed(found, names), text.strip()) if part)
    return UnknownCommand("error.unknown_command.closest", name=name, suggestion=line)


def _vocabulary(command: Command) -> list[str]:
    """The words a command's text may hold in place of free text: its verbs and choices."""
    words: list[str] = [verb.name for verb in command.verbs if verb.name]
    for verb in command.verbs:
        for param in verb.params:
            if param.kind is InputKind.CHOICE:
                words.extend(param.choices)
    return list(dict.fromkeys(words))


def _corrected(command: Command, text: str, mention: MentionReader) -> tuple[str, Parsed] | None:
    """The text with one mistyped word replaced by the closest verb or choice, when the result
    reads as the command; None when no single change does."""
    words = text.strip().split(" ")
    known = _vocabulary(command)
    for index, word in enumerate(words[:SCANNED]):
        if not word or word.lower() in known or word.removeprefix("#").isdigit():
            continue
        found = closest(word, known)
        if not found:
            continue
        candidate = " ".join([*words[:index], found, *words[index + 1 :]])
        try:
            return candidate, parse(command, candidate, mention)
        except UsageError:
            continue
    return None


def usage_error(
    command: Command,
    text: str,
    refused: UsageError,
    mention: MentionReader,
    names: Mapping[str, str],
) -> UsageError:
    """A usage refusal, saying which command was probably meant when one word was mistyped."""
    found = _corrected(command, text, mention)
    if found is None:
        return refused
    line, parsed = found
    return UsageError(
        "error.usage.closest",
        concerns=refused.field,
        command=command.name,
        verb=parsed.verb.name,
        suggestion=f"{typed(command.name, names)} {line}",
    )
