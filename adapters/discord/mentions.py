"""Discord's mention syntax read into platform ids, for core's inline parser."""

from __future__ import annotations

import re

from core.shared.text import plain_channel, plain_mention

_USER = re.compile(r"<@!?([0-9]{1,20})>")
_CHANNEL = re.compile(r"<#([0-9]{1,20})>")


def read_mention(token: str) -> str | None:
    """`<@123>` or `<@!123>` is user 123; anything else is read as a name (`@bob`, `bob`)."""
    found = _USER.fullmatch(token.strip())
    return found.group(1) if found else plain_mention(token)


def read_channel(token: str) -> str | None:
    """`<#123>` is channel 123; a bare name is kept as typed (it cannot be posted to)."""
    found = _CHANNEL.fullmatch(token.strip())
    return found.group(1) if found else plain_channel(token)


def mentioned_user_ids(text: str) -> list[int]:
    """The users an inline command names, in order, without repeats."""
    seen: dict[int, None] = {}
    for found in _USER.finditer(text):
        seen.setdefault(int(found.group(1)), None)
    return list(seen)
