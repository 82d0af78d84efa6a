"""A reply's files (exports, charts): uploaded privately, to the user's DM with the bot, or to
the channel a notice goes to (files.getUploadURLExternal / completeUploadExternal)."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from core.shared.ui import Attachment


def dm_channel(client: WebClient, user_id: str) -> str:
    """The id of the bot's DM with `user_id` (uploads need a conversation id, not a user id)."""
    opened = client.conversations_open(users=user_id)
    channel: Any = opened.get("channel") or {}
    return str(channel.get("id") or "")


def upload(
    client: WebClient, channel: str, files: tuple[Attachment, ...], thread_ts: str = ""
) -> None:
    """Raises SlackApiError or SlackRequestError when Slack refuses."""
    if not files:
        return
    uploads = [{"content": f.content, "filename": f.filename, "title": f.filename} for f in files]
    client.files_upload_v2(file_uploads=uploads, channel=channel, thread_ts=thread_ts or None)


def upload_to_user(client: WebClient, user_id: str, files: tuple[Attachment, ...]) -> None:
    if files:
        upload(client, dm_channel(client, user_id), files)
