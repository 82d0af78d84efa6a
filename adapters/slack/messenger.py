"""Sends the outbox's notices: a DM to the member's user id, or a post to a channel id.

Its client has no rate-limit retry handler on purpose: a 429 becomes `DeliveryFailed` with
Slack's `Retry-After`, and the outbox row waits that long, instead of a dispatcher thread
sleeping in the client.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

from adapters.slack.files import dm_channel, upload
from adapters.slack.outcomes import message
from core.shared.errors import DeliveryFailed
from core.shared.ui import Notice

log = logging.getLogger(__name__)

# Retrying cannot help: the recipient or channel is gone, or the bot may not post there.
PERMANENT = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "user_not_found",
        "user_disabled",
        "account_inactive",
        "cannot_dm_bot",
        "restricted_action",
        "msg_too_long",
        "invalid_blocks",
        "no_text",
    }
)
DEFAULT_RETRY_AFTER = 30.0


def messenger_client(token: str, base_url: str) -> WebClient:
    return WebClient(
        token=token,
        base_url=base_url,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1)],
    )


def _retry_after(error: SlackApiError) -> float:
    headers = {k.lower(): v for k, v in (error.response.headers or {}).items()}
    raw = headers.get("retry-after", "")
    value = raw[0] if isinstance(raw, list) and raw else raw
    try:
        return max(float(str(value)), 1.0)
    except ValueError:
        return DEFAULT_RETRY_AFTER


class SlackMessenger:
    def __init__(self, client: WebClient) -> None:
        self.client = client

    def send(self, notice: Notice) -> str | None:
        """Post the notice; its `ts`, which later posts of the same thread reply under."""
        channel = notice.channel or notice.external_id
        if not channel:
            raise DeliveryFailed("no Slack channel or user id", permanent=True)
        thread_ts = notice.thread_ref  # a candidate's posts go under its card
        try:
            sent = self.client.chat_postMessage(
                channel=channel, thread_ts=thread_ts or None, **message(notice.reply)
            )
        except SlackApiError as error:
            code = str(error.response.get("error") or "")
            if error.response.status_code == 429:
                raise DeliveryFailed("ratelimited", retry_after=_retry_after(error)) from None
            raise DeliveryFailed(f"slack: {code}", permanent=code in PERMANENT) from None
        except (SlackClientError, OSError) as error:
            raise DeliveryFailed(f"slack unreachable: {type(error).__name__}") from None
        ts = str(sent.get("ts") or "")
        if notice.reply.files:
            self._upload(notice, str(sent.get("channel") or channel), thread_ts or ts)
        return ts or None

    def _upload(self, notice: Notice, channel: str, thread_ts: str) -> None:
        """The files go under the message just posted. The message is out: a failed upload is
        logged rather than retried, which would post the message twice."""
        try:
            if channel.startswith("U"):
                channel = dm_channel(self.client, channel)
            upload(self.client, channel, notice.reply.files, thread_ts)
        except (SlackApiError, SlackClientError, OSError) as error:
            log.error("could not upload the files of %s (%s): %r", notice.kind, notice.key, error)
