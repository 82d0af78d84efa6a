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
