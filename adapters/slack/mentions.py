"""Slack's escaped text: `<@U123|name>` or `<@U123>` for users, `<#C123|name>` for channels,
`<https://…|label>` for links, `&amp;` `&lt;` `&gt;` for the rest."""

from __future__ import annotations

import re

from core.shared.text import plain_channel, plain_mention

_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_CHANNEL = re.compile(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>")


_LABELLED = re.compile(r"<([@#][A-Z0-9]+)\|[^>]*>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>")


def normalise(text: str) -> str:
    """Command text as core reads it: `|` separates fields, so the labels inside Slack's
    mentions go (`<@U123|bob>` -> `<@U123>`), links become their URL, entities are unescaped."""
    text = _LABELLED.sub(r"<\1>", text)
    text = _LINK.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def read_member(token: str) -> str | None:
    """The user id of an escaped mention; anything else is read as a display name."""
    found = _USER.fullmatch(token.strip())
    return found.group(1) if found else plain_mention(token)


def read_channel(token: str) -> str | None:
    found = _CHANNEL.fullmatch(token.strip())
    return found.group(1) if found else plain_channel(token)


def mentioned_users(text: str) -> dict[str, str]:
    """Every user mentioned in a command's text: id -> the name the mention carried (or "")."""
    found: dict[str, str] = {}
    for user_id, name in _USER.findall(text):
        found.setdefault(user_id, name)
    return found
