"""Every request Apport handles is recorded in the inbox before Slack is acknowledged.

A global Bolt middleware (after Bolt's signature and timestamp checks) records the request
under a stable key: an event's `event_id`, else a hash of the request's signature and
timestamp, which a replay of the same signed request repeats. A key already in the inbox, from
this process or another one on the same database, is acknowledged and goes no further. The
listener runs with its key in `CURRENT`; the runner notes core's commit under it, and the
listener's end marks it done. What a dead process left is taken over at start-up
(adapters/slack/recovery.py).
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from typing import Any

from slack_bolt import Ack, BoltContext, BoltRequest, BoltResponse
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from adapters.slack.ids import ACTION_PREFIX
from adapters.slack.modals import ASK_CALLBACK, FORM_CALLBACK
from adapters.slack.names import slash_commands
from storage.inbox import Inbox

log = logging.getLogger(__name__)

KEY = "apport_inbox_key"  # where the middleware leaves the key in Bolt's context
CURRENT: ContextVar[str | None] = ContextVar("apport_inbox_request", default=None)

Handler = Callable[[Ack, dict[str, Any], WebClient], None]


def kind_of(body: Mapping[str, Any]) -> str | None:
    """The kind of a request Apport's listeners handle (None for any other)."""
    if "command" in body and body.get("command") in slash_commands():
        return "command"
    kind = body.get("type")
    if kind == "block_actions":
        action = (body.get("actions") or [{}])[0]
        return "button" if str(action.get("action_id", "")).startswith(ACTION_PREFIX) else None
    if kind == "view_submission":
        callback = (body.get("view") or {}).get("callback_id")
        return {FORM_CALLBACK: "form", ASK_CALLBACK: "ask"}.get(str(callback))
    if kind == "event_callback" and (body.get("event") or {}).get("type") == "app_home_opened":
        return "home"
    return None


def _header(headers: Mapping[str, Sequence[str]], name: str) -> str:
    values = headers.get(name) or ()
    return str(values[0]) if values else ""


def request_key(body: Mapping[str, Any], headers: Mapping[str, Sequence[str]]) -> str:
    """Slack's own id for an event; for the rest, the hash of the signature and timestamp,
    which only a replay of the same signed request shares."""
    event_id = body.get("event_id")
    if body.get("type") == "event_callback" and isinstance(event_id, str) and event_id:
        return f"event:{event_id}"
    signed = (
        _header(headers, "x-slack-signature") + ":" + _header(headers, "x-slack-request-timestamp")
    )
    if signed == ":":  # Socket Mode: nothing signed; Slack does not replay over the socket
        return f"socket:{uuid.uuid4().hex}"
    return "sig:" + hashlib.sha256(signed.encode()).hexdigest()


Middleware = Callable[..., BoltResponse | None]


def record_requests(inbox: Inbox) -> Middleware:
    def inbox_middleware(
        request: BoltRequest,
        body: dict[str, Any],
        context: BoltContext,
        next: Callable[[], BoltResponse],
    ) -> BoltResponse | None:
        kind = kind_of(body)
        if kind is None:
            return next()
        key = request_key(body, request.headers)
        try:
            first = inbox.accept(key, kind, body)
        except SQLAlchemyError:
            # The command will meet the same database and say so; it runs unrecorded.
            log.warning("could not record a %s request in the inbox", kind, exc_info=True)
            return next()
        if not first:
            log.info("a %s request was already received (%s): acknowledged, not run", kind, key)
            return BoltResponse(status=200, body="")
        context[KEY] = key
        return next()

    return inbox_middleware


def finish(inbox: Inbox, key: str) -> None:
    try:
        inbox.done(key)
    except SQLAlchemyError:
        log.warning("could not mark request %s done in the inbox", key, exc_info=True)


def recorded(inbox: Inbox | None, handler: Handler) -> Callable[..., None]:
    """The Bolt listener running `handler` with its request's key current, marked done after."""

    def listener(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        key = context.get(KEY)
        token = CURRENT.set(key)
        try:
            handler(ack, body, client)
        finally:
            CURRENT.reset(token)
            if key and inbox is not None:
                finish(inbox, key)

    return listener
