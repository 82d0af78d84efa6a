"""A card laid out within Discord's limits, whole: nothing it shows is cut.

Discord limits each part of an embed (title 256 characters, description 4,096, field name
256 and value 1,024, 25 fields, footer 2,048), an embed and a message's embeds together to
6,000 characters, a message to 10 embeds and its content to 2,000. A short field stays a
field; a longer one becomes an embed of its own, its label as the title and its text as the
description, in the card's order. Text longer than a part is split between words (between
lines first) over several parts, and embeds that do not fit one message go on in the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.shared.ui import Reply

TITLE = 256
DESCRIPTION = 4096
FIELD_NAME = 256
FIELD_VALUE = 1024
FIELDS = 25
FOOTER = 2048
EMBED_TOTAL = 6000  # an embed, and all the embeds of one message together
EMBEDS = 10
CONTENT = 2000
INLINE_UP_TO = 40  # short field values sit side by side

# What a split must not fall inside: a mention or channel `<@123>`, a link `<https://…>`.
_MARKUP = re.compile(r"<[^<>\n]{1,500}>")


def pieces(text: str, limit: int) -> list[str]:
    """`text` in parts of at most `limit` characters, split at a line break, else a space,
    never inside markup; only a word longer than `limit` is split inside. Nothing is dropped
    but the spaces and line breaks a split falls on."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        end = _split_point(rest, limit)
        parts.append(rest[:end].rstrip(" \n"))
        rest = rest[end:].lstrip(" \n")
    if rest or not parts:
        parts.append(rest)
    return parts


def _split_point(text: str, limit: int) -> int:
    window = text[: limit + 1]
    for separator in ("\n", " "):
        at = window.rfind(separator)
        if at > 0 and not _inside_markup(text, at):
            return at
    end = limit
    for markup in _MARKUP.finditer(text):
        if markup.start() >= end:
            break
        if markup.end() > end and markup.start() > 0:
            return markup.start()
    return end


def _inside_markup(text: str, at: int) -> bool:
    return any(m.start() < at < m.end() for m in _MARKUP.finditer(text, max(at - 501, 0)))


@dataclass
class Box:
    """One embed's parts, before they are a `discord.Embed`."""

    title: str = ""
    description: str = ""
    fields: list[tuple[str, str, bool]] = field(default_factory=list)  # name, value, inline
    footer: str = ""

    def size(self) -> int:
        named = sum(len(name) + len(value) for name, value, _ in self.fields)
        return len(self.title) + len(self.description) + named + len(self.footer)

    def empty(self) -> bool:
        return not (self.title or self.description or self.fields or self.footer)


def boxes(reply: Reply) -> list[Box]:
    """The card's embeds, in order: title and lines, then each field, then the footer."""
    if not (reply.title or reply.fields or reply.lines or reply.footer):
        return []
    made: list[Box] = []
    current = Box()
    made.append(current)
    described = [f"- {line}" for line in reply.lines]
    if len(reply.title) <= TITLE:
        current.title = reply.title
    elif reply.title:
        described.insert(0, reply.title)
    for index, part in enumerate(pieces("\n".join(described), DESCRIPTION) if described else []):
        if index:
            current = Box()
            made.append(current)
        current.description = part
    for item in reply.fields:
        label, value = item.label or "-", item.value or "-"
        if len(label) <= FIELD_NAME and len(value) <= FIELD_VALUE:
            grows = len(label) + len(value)
            if len(current.fields) >= FIELDS or current.size() + grows > EMBED_TOTAL:
                current = Box()
                made.append(current)
            inline = len(value) <= INLINE_UP_TO and "\n" not in value
            current.fields.append((label, value, inline))
            continue
        # Too long for a field: an embed of its own (or several), then a fresh one.
        title = label if len(label) <= TITLE else ""
        text = value if title else f"{label}\n{value}"
        for index, part in enumerate(pieces(text, DESCRIPTION)):
            current = Box(title=title if index == 0 else "", description=part)
            made.append(current)
        current = Box()
        made.append(current)
    if reply.footer:
        if len(reply.footer) <= FOOTER and current.size() + len(reply.footer) <= EMBED_TOTAL:
            current.footer = reply.footer
        else:
            for part in pieces(reply.footer, DESCRIPTION):
                current = Box(description=part)
                made.append(current)
    return [box for box in made if not box.empty()]


def by_message(made: list[Box]) -> list[list[Box]]:
    """The embeds grouped into messages: at most 10 and 6,000 characters each."""
    messages: list[list[Box]] = []
    for box in made:
        last = messages[-1] if messages else None
        full = last is None or len(last) >= EMBEDS
        if full or sum(b.size() for b in last or []) + box.size() > EMBED_TOTAL:
            messages.append([box])
        elif last is not None:
            last.append(box)
    return messages
