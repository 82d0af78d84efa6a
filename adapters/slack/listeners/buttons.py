"""Buttons: each carries its core action in `value`. Pressing one runs it as the presser and
replaces the message when only the presser sees it (their DM with the bot, an ephemeral
message), so the same button cannot act twice, or republishes App Home. A button on a shared
message (a channel post, a thread) is answered ephemerally: the message stays as the others see
it. An action that needs a value first (`won` asks the amount) opens a one-field modal instead."""

from __future__ import annotations

import logging
import re
from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from adapters.slack import ids
from adapters.slack.inbox import recorded
from adapters.slack.modals import Origin, ask_view
from adapters.slack.outcomes import open_form, show
from adapters.slack.people import Who
from adapters.slack.runner import Runner

log = logging.getLogger(__name__)

ACTION_ID = re.compile(rf"^{re.escape(ids.ACTION_PREFIX)}\d+$")


def private_to_presser(body: dict[str, Any]) -> bool:
    """The pressed message is seen by the presser alone: an ephemeral message, or one in the
    presser's direct conversation with the bot (ids starting with `D`; a group DM is shared)."""
    container = body.get("container") or {}
    channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
    return bool(container.get("is_ephemeral")) or channel.startswith("D")


def _origin(body: dict[str, Any], pressed: ids.Pressed) -> Origin:
    view = body.get("view") or {}
    return Origin(
        command=pressed.command,
        args=pressed.args,
        response_url=str(body.get("response_url") or ""),
        home=view.get("type") == "home",
        channel=str((body.get("channel") or {}).get("id") or ""),
        private=private_to_presser(body),
    )


def handle(runner: Runner, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    ack()
    action: dict[str, Any] = (body.get("actions") or [{}])[0]
    try:
        pressed = ids.decode(str(action.get("value") or ""))
    except (ValueError, KeyError):
        log.warning("ignored a button whose value is not ours: %s", action.get("action_id"))
        return
    who = Who.from_interaction(body)
    origin = _origin(body, pressed)
    if pressed.ask is not None:
        submit = runner.translator(who.team_id)("form.submit")
        view = ask_view(pressed.ask, pressed.label, origin, submit)
        client.views_open(trigger_id=str(body["trigger_id"]), view=view)
        return
    reply = runner.run(who, pressed.command, pressed.args)
    if reply.form is not None and open_form(client, runner, who, body, reply.form, origin):
        return
    show(client, runner, who, origin, reply, replace=True)


def register(app: App, runner: Runner) -> None:
    app.action(ACTION_ID)(recorded(runner.inbox, partial(handle, runner)))
