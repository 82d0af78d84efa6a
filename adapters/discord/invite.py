"""What the bot asks of Discord: its intents, its permissions, and the URL that adds it."""

from __future__ import annotations

import base64
import binascii

import discord

SCOPES = ("bot", "applications.commands")

# What the bot does in a guild's channels (the messenger's posts), and the permissions Discord
# checks for each. Replies to commands, buttons and modals are interaction responses, and
# direct messages need no guild permission; editing its own messages needs none either.
OPERATIONS: dict[str, discord.Permissions] = {
    # announcements, digests and candidate cards in the channels the network set
    "post": discord.Permissions(view_channel=True, send_messages=True),
    # every card and digest is an embed
    "post an embed": discord.Permissions(embed_links=True),
    # the monthly digest's chart
    "attach a file": discord.Permissions(attach_files=True),
    # each candidate is discussed in a thread started from its card
    "start a thread from a post": discord.Permissions(create_public_threads=True),
    "post in a thread": discord.Permissions(send_messages_in_threads=True),
}


def _all(needed: dict[str, discord.Permissions]) -> discord.Permissions:
    union = discord.Permissions.none()
    for permissions in needed.values():
        union |= permissions
    return union


# Exactly what the operations need, nothing more.
PERMISSIONS = _all(OPERATIONS)


def intents() -> discord.Intents:
    """Guilds only (their names, owners and channels). Interactions need no intent; no
    privileged intent: members arrive with the interactions that name them."""
    return discord.Intents(guilds=True)


def application_id_from_token(token: str) -> int | None:
    """A bot token's first segment is the base64 of the bot's id, which is the application id
    for every application Discord created since 2019. None when the token does not look so."""
    parts = token.strip().split(".")
    if len(parts) != 3 or not all(parts):
        return None
    first = parts[0] + "=" * (-len(parts[0]) % 4)
    try:
        decoded = base64.urlsafe_b64decode(first).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(decoded) if decoded.isdigit() else None


def invite_url(application_id: int) -> str:
    return discord.utils.oauth_url(application_id, permissions=PERMISSIONS, scopes=SCOPES)
