"""The permissions Discord checks for each request the bot makes in a guild channel, as its
API reference documents them per route. The fake Discord enforces them when a test sets the
server's grants, and the invite test derives the bot's needs from them."""

from __future__ import annotations

import re
from typing import Any

import discord

Permissions = discord.Permissions

_POST = re.compile(r"/channels/(\d+)/messages")
_EDIT = re.compile(r"/channels/(\d+)/messages/\d+")
_THREAD_FROM = re.compile(r"/channels/(\d+)/messages/\d+/threads")
_CHANNEL = re.compile(r"/channels/(\d+)(/.*)?")


class UnknownRoute(AssertionError):
    """A request to a guild channel whose permissions this table does not know yet."""


def channel_of(path: str) -> str | None:
    found = _CHANNEL.fullmatch(path)
    return found[1] if found else None


def needed(method: str, path: str, body: Any, in_thread: bool) -> Permissions:
    """What the bot must be granted in the channel for this request to succeed."""
    body = body if isinstance(body, dict) else {}
    if method == "POST" and _THREAD_FROM.fullmatch(path):
        return Permissions(view_channel=True, create_public_threads=True)
    if method == "POST" and _POST.fullmatch(path):
        sends = {"send_messages_in_threads" if in_thread else "send_messages": True}
        return Permissions(view_channel=True, **sends) | _content(body)
    if method == "PATCH" and _EDIT.fullmatch(path):  # its own message: no send permission
        return Permissions(view_channel=True) | _content(body)
    raise UnknownRoute(f"{method} {path}: which permissions does Discord check for it?")


def _content(body: dict[str, Any]) -> Permissions:
    extra = Permissions.none()
    if body.get("embeds"):
        extra |= Permissions(embed_links=True)
    if body.get("attachments"):
        extra |= Permissions(attach_files=True)
    if body.get("message_reference"):
        extra |= Permissions(read_message_history=True)
    return extra
