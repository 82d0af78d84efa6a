"""At start-up, what a dead process acknowledged and did not finish is finished here.

A request core never committed (its transaction died with the process) runs now, as if it had
just arrived, and its answer goes where it would have gone (the command's `response_url`, the
modal's origin, a DM). A request core committed but whose answer may not have reached the user
is not run again: the user is told it was carried out. Slack keeps a `response_url` valid for
30 minutes; past that the answer goes by DM.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy.exc import SQLAlchemyError

from adapters.slack.inbox import CURRENT, finish
from adapters.slack.listeners import ask_submit, buttons, commands, form_submit, home_opened
from adapters.slack.modals import Origin
from adapters.slack.outcomes import show
from adapters.slack.people import Who
from adapters.slack.runner import Runner
from core.shared.ui import Reply
from storage.inbox import InboxEntry, InboxState

log = logging.getLogger(__name__)

GRACE = timedelta(minutes=5)  # rows of another host are taken over past this age
RESPONSE_URL_LIFE = timedelta(minutes=30)


RERUN: dict[str, Callable[[Runner, Ack, dict[str, Any], WebClient], None]] = {
    "command": commands.handle,
    "button": buttons.handle,
    "home": home_opened.handle,
}
MODALS = {"form": form_submit, "ask": ask_submit}


def late_ack() -> Ack:
    """An ack Slack stopped waiting for long ago: calling it sends nothing."""
    return Ack()  # type: ignore[no-untyped-call]  # Bolt leaves Ack() unannotated


def recover(runner: Runner, client: WebClient, grace: timedelta = GRACE) -> int:
    """Finish or answer every abandoned request; how many were taken over."""
    inbox = runner.inbox
    if inbox is None:
        return 0
    taken = 0
    for entry in inbox.abandoned(grace):
        try:
            if not inbox.take(entry):
                continue
        except SQLAlchemyError:
            log.warning("could not take over request %s", entry.request_key, exc_info=True)
            continue
        taken += 1
        token = CURRENT.set(entry.request_key)
        started = time.monotonic()
        try:
            _finish_one(runner, client, entry, inbox.now() - entry.received_at)
        except (SlackApiError, SlackClientError, OSError, KeyError, ValueError):
            log.warning("could not finish request %s", entry.request_key, exc_info=True)
        finally:
            CURRENT.reset(token)
            finish(inbox, entry.request_key)
        log.info(
            "took over a %s request left %s (%.1f s)",
            entry.kind,
            entry.state.value,
            time.monotonic() - started,
        )
    return taken


def _finish_one(runner: Runner, client: WebClient, entry: InboxEntry, age: timedelta) -> None:
    body = dict(entry.payload)
    if age > RESPONSE_URL_LIFE:
        body.pop("response_url", None)  # expired: answers go by DM
    if entry.state is InboxState.COMMITTED:
        _tell_carried_out(runner, client, entry.kind, body)
        return
    if entry.kind in RERUN:
        RERUN[entry.kind](runner, late_ack(), body, client)
        return
    if entry.kind in MODALS:
        module = MODALS[entry.kind]
        outcome = module.job_for(runner, body)()
        view: dict[str, Any] = body["view"]
        origin = Origin.load(str(view.get("private_metadata") or ""))
        show(client, runner, Who.from_interaction(body), origin, outcome.reply, module.REPLACE)


def _tell_carried_out(runner: Runner, client: WebClient, kind: str, body: dict[str, Any]) -> None:
    if kind == "home":
        return  # a Home tab is republished the next time it opens
    if kind == "command":
        who = Who.from_command(body)
        what = f"{body.get('command', '')} {body.get('text', '')}".strip()
        origin = Origin(command="", response_url=str(body.get("response_url") or ""))
    else:
        who = Who.from_interaction(body)
        view = body.get("view") or {}
        if kind in MODALS:
            origin = Origin.load(str(view.get("private_metadata") or ""))
        else:
            origin = Origin(command="", response_url=str(body.get("response_url") or ""))
        origin = Origin(command=origin.command, response_url=origin.response_url)
        what = origin.command or kind
    text = runner.translator(who.team_id)("error.restarted", command=what)
    show(client, runner, who, origin, Reply(text=text), replace=False)
