"""Capping text to a platform's limit without breaking what the platform reads in it."""

from __future__ import annotations

import re

ELLIPSIS = "…"
# What a cut must not split: `<@U123|bob>`, `<#123>`, `<https://…|label>` (Slack and Discord
# markup) and `&amp;`-style entities (Slack's escaping). A `<` with no `>` near it on its line
# is plain text.
_ENTITY = re.compile(r"<[^<>\n]{1,500}>|&#?[A-Za-z0-9]{1,10};")


def cap(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its start and `…`, cut before any
    markup or entity the limit falls inside."""
    if len(text) <= limit:
        return text
    end = max(limit - len(ELLIPSIS), 0)
    for entity in _ENTITY.finditer(text):
        if entity.start() >= end:
            break
        if entity.end() > end:
            end = entity.start()
            break
    return text[:end] + ELLIPSIS


def split(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters that join back to it: each cut falls
    after the last line break, else the last space, in the second half of the piece, and
    never inside markup or an entity; only a word longer than half the limit is cut inside."""
    if limit < 1:
        raise ValueError("a piece holds at least one character")
    pieces: list[str] = []
    while len(text) > limit:
        end = _cut_point(text, limit)
        pieces.append(text[:end])
        text = text[end:]
    if text or not pieces:
        pieces.append(text)
    return pieces


def _cut_point(text: str, limit: int) -> int:
    spans = [(e.start(), e.end()) for e in _ENTITY.finditer(text, 0, limit + 500)]

    def whole(at: int) -> bool:  # no markup or entity straddles `at`
        return not any(start < at < end for start, end in spans)

    end = limit
    while end > 0 and not whole(end):
        end -= 1
    if end == 0:  # markup longer than the limit: it cannot be kept whole anyway
        return limit
    half = end // 2
    for separator in ("\n", " "):
        found = text.rfind(separator, half, end)
        while found >= 0 and not whole(found + 1):
            found = text.rfind(separator, half, found)
        if found >= 0:
            return found + 1
    return end


def cap_words(text: str, limit: int) -> str:
    """`text` if it fits, else the words that fit and `…`: for the labels a platform shows
    short (a modal's title, a button). A single word longer than the limit is capped."""
    if len(text) <= limit:
        return text
    head = text[: max(limit - len(ELLIPSIS), 0) + 1]
    words = head.rsplit(" ", 1)[0].rstrip(" ,;:-–") if " " in head else ""
    return words + ELLIPSIS if words else cap(text, limit)
