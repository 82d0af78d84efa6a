"""Slack's escaped text (slash commands have `should_escape` on), read back into what the
member typed: `<@U123|bob>` or `<@U123>` for users, `<#C123|general>` for channels,
`<mailto:ceo@smith.example|ceo@smith.example>` and `<http://initech.fr|initech.fr>` for what
Slack auto-linked, `<!here>` for special mentions, `&amp;` `&lt;` `&gt;` for the rest."""

from __future__ import annotations

import re

from core.shared.text import plain_channel, plain_mention

_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_CHANNEL = re.compile(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>")
# A piece of Slack markup: `<target>` or `<target|label>`, its target a user, a channel, a
# special mention or a link (a label never holds `>`). Other `<…>` is left as it came.
_MARKUP = re.compile(r"<([@#!][^<>|]*|[A-Za-z][A-Za-z0-9+.-]*:[^<>|]*)(?:\|([^<>]*))?>")
# What Slack adds in front of what it auto-linked when no label says what was typed.
_ADDED_SCHEMES = ("mailto:", "tel:")


def _typed(markup: re.Match[str]) -> str:
    """What the member typed in place of one piece of markup."""
    target, label = markup.group(1), markup.group(2)
    if target.startswith(("@U", "@W")):
        return f"<{target}>"  # users stay mentions: core reads them by id
    if target.startswith(("#C", "#G")):
        return f"<{target}>"
    if label:
        return label  # a link or an e-mail as typed, a user group's handle, a date's fallback
    if target.startswith("!"):
        return "@" + target[1:].split("^", 1)[0]  # `<!here>` was typed `@here`
    for scheme in _ADDED_SCHEMES:
        if target.startswith(scheme):
            return target.removeprefix(scheme)
    return target


def normalise(text: str) -> str:
    """Command text as core reads it: users and channels as `<@U123>` and `<#C123>` (their
    labels go: `|` separates fields), everything Slack auto-linked back to what the member
    typed (`initech.fr`, not `http://initech.fr`), entities unescaped."""
    text = _MARKUP.sub(_typed, text)
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
