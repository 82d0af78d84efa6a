"""Sends the outbox's notices: a DM to the member's user id, or a post to a channel id.

Its client has no rate-limit retry handler on purpose: a 429 becomes `DeliveryFailed` with
Slack's `Retry-After`, and the outbox row waits that long, instead of a dispatcher thread
sleeping in the client. Each call gives up after `TIMEOUT` seconds, so a hanging Web API holds
one row that long, and the row is retried later.

Every message carries the outbox row's key in its metadata. A row whose earlier send may have
gone out unmarked (its dispatcher died, or the call timed out) is looked for first among the
last messages of its conversation (or thread), and not posted again when found.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

from adapters.slack.files import dm_channel, upload
from adapters.slack.outcomes import messages
from adapters.slack.workspaces import NotInstalled, OneWorkspace, Workspaces
from core.shared.errors import DeliveryFailed
from core.shared.ui import CardInPlace, Notice, Reply

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
# The bot may not read the conversation (a scope missing): a lookup cannot help either.
CANNOT_READ = frozenset({"missing_scope", "not_allowed_token_type", "thread_not_found"})
# A card's copy that cannot be edited any more (deleted, too old, its conversation gone): it is
# posted afresh.
CARD_GONE = frozenset(
    {
        "message_not_found",
        "cant_update_message",
        "edit_window_closed",
        "channel_not_found",
        "is_archived",
    }
)
DEFAULT_RETRY_AFTER = 30.0
TIMEOUT = 10  # seconds, per Web API call
EVENT_TYPE = "apport_outbox"  # the metadata every message carries, with {"key": row key}
LOOK_BACK = 50  # how many of the conversation's last messages are searched for a resend


def messenger_client(token: str, base_url: str, timeout: int = TIMEOUT) -> WebClient:
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=timeout,
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
    def __init__(self, clients: WebClient | Workspaces) -> None:
        """One client (a club hosting itself), or each workspace's (installed through OAuth)."""
        self.clients: Workspaces = (
            OneWorkspace(clients) if isinstance(clients, WebClient) else clients
        )

    def send(self, notice: Notice) -> str | None:
        """Post the notice; its `ts`, which later posts of the same thread reply under. A
        member's copy of a card is updated in place once posted; its reference is
        `CHANNEL:TS` (`chat.update` needs the conversation, which a DM's user id is not)."""
        channel = notice.channel or notice.external_id
        if not channel:
            raise DeliveryFailed("no Slack channel or user id", permanent=True)
        try:
            client = self.clients(notice.network_key)
        except NotInstalled:
            raise DeliveryFailed(
                "the app is not installed in this workspace", permanent=True
            ) from None
        card = notice.card
        try:
            if card is not None and card.ref:
                return self._update_card(client, notice, channel, card)
            ts, posted_in = self._post(client, notice, channel, notice.reply)
        except SlackApiError as error:
            raise _failure(error) from None
        except (SlackClientError, OSError) as error:
            raise DeliveryFailed(
                f"slack unreachable: {type(error).__name__}", in_doubt=_timed_out(error)
            ) from None
        if not ts:
            return None
        return f"{posted_in}:{ts}" if card is not None else ts

    def _post(
        self, client: WebClient, notice: Notice, channel: str, reply: Reply
    ) -> tuple[str, str]:
        """Post `reply` for `notice` (unless an earlier send is found): the ts of its first
        message and the conversation it went to."""
        thread_ts = notice.thread_ref  # a candidate's posts go under its card
        metadata = {"event_type": EVENT_TYPE, "event_payload": {"key": notice.key}}
        first, *more = messages(reply)
        if notice.in_doubt and notice.key:
            found, where = self._already_posted(client, channel, thread_ts, notice.key)
            if found:
                log.info("%s (%s) was already posted: not sent again", notice.kind, notice.key)
                return found, where
        sent = client.chat_postMessage(
            channel=channel,
            thread_ts=thread_ts or None,
            metadata=metadata if notice.key else None,
            **first,
        )
        for part in more:  # a reply longer than a message: its next messages follow
            client.chat_postMessage(channel=channel, thread_ts=thread_ts or None, **part)
        ts = str(sent.get("ts") or "")
        posted_in = str(sent.get("channel") or channel)
        if reply.files:
            self._upload(client, notice, posted_in, thread_ts or ts)
        return ts, posted_in

    def _update_card(
        self, client: WebClient, notice: Notice, channel: str, card: CardInPlace
    ) -> str:
        """Edit the member's copy of the card, then say in one line what changed; when the
        copy is gone, may no longer be edited, or the card no longer fits one message, post
        the card afresh (nothing is lost)."""
        where, _, ts = card.ref.partition(":")
        first, *more = messages(card.shown or notice.reply)
        try:
            if more:
                raise CardMoved()
            client.chat_update(channel=where, ts=ts, **first)
        except (SlackApiError, CardMoved) as error:
            if isinstance(error, SlackApiError) and error.response.get("error") not in CARD_GONE:
                raise
            log.info("the card %s of %s is posted again", card.key, notice.name)
            ts, posted_in = self._post(client, notice, channel, notice.reply)
            return f"{posted_in}:{ts}"
        if card.line:
            self._post(client, notice, channel, Reply(text=card.line))
        return card.ref

    def _already_posted(
        self, client: WebClient, channel: str, thread_ts: str, key: str
    ) -> tuple[str, str]:
        """The ts of the bot's message carrying `key` among the conversation's last ones, and
        the conversation; "" when none does, or when the bot may not read the conversation
        (then it sends again)."""
        try:
            if channel.startswith("U"):
                channel = dm_channel(client, channel)
            if thread_ts:
                found = client.conversations_replies(
                    channel=channel, ts=thread_ts, limit=LOOK_BACK, include_all_metadata=True
                )
            else:
                found = client.conversations_history(
                    channel=channel, limit=LOOK_BACK, include_all_metadata=True
                )
        except SlackApiError as error:
            failure = _failure(error)
            if not failure.permanent and error.response.get("error") not in CANNOT_READ:
                raise
            log.warning("cannot look for %s before sending it again: %s", key, failure.reason)
            return "", channel
        for posted in found.get("messages") or []:
            meta = posted.get("metadata") or {}
            payload = meta.get("event_payload") or {}
            if meta.get("event_type") == EVENT_TYPE and payload.get("key") == key:
                return (str(posted.get("ts") or "") or key), channel
        return "", channel

    def _upload(self, client: WebClient, notice: Notice, channel: str, thread_ts: str) -> None:
        """The files go under the message just posted. The message is out: a failed upload is
        logged rather than retried, which would post the message twice."""
        try:
            if channel.startswith("U"):
                channel = dm_channel(client, channel)
            upload(client, channel, notice.reply.files, thread_ts)
        except (SlackApiError, SlackClientError, OSError) as error:
            log.error("could not upload the files of %s (%s): %r", notice.kind, notice.key, error)


class CardMoved(Exception):
    """The card no longer fits the one message it was posted as: it is posted afresh."""


def _failure(error: SlackApiError) -> DeliveryFailed:
    """A refusal retrying cannot help is permanent: a known error code, or a 4xx but 429."""
    code = str(error.response.get("error") or "")
    status = error.response.status_code
    if status == 429:
        return DeliveryFailed("ratelimited", retry_after=_retry_after(error))
    permanent = code in PERMANENT or 400 <= status < 500
    return DeliveryFailed(f"slack: {code or status}", permanent=permanent)


def _timed_out(error: BaseException) -> bool:
    """The request may have reached Slack: the answer, not the connection, was missing."""
    return isinstance(error, TimeoutError) or isinstance(
        getattr(error, "reason", None), TimeoutError
    )
