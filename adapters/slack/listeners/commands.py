"""Slash commands: `/apport <command> ...` and the short names. Ack first, answer ephemeral;
a command that answers with a form opens it as a modal."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from adapters.slack.inbox import recorded
from adapters.slack.mentions import mentioned_users, normalise
from adapters.slack.modals import Origin
from adapters.slack.names import slash_commands, split_command
from adapters.slack.outcomes import open_form, show
from adapters.slack.people import Who
from adapters.slack.runner import Runner


def handle(runner: Runner, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    ack()
    who = Who.from_command(body)
    typed = str(body.get("text") or "")
    command, text = split_command(str(body["command"]), normalise(typed))
    reply = runner.run(who, command, text, mentioned=mentioned_users(typed))
    origin = Origin(
        command=command,
        response_url=str(body.get("response_url") or ""),
        channel=str(body.get("channel_id") or ""),
    )
    if reply.form is not None and open_form(client, runner, who, body, reply.form, origin):
        return
    show(client, runner, who, origin, reply, replace=False)


def register(app: App, runner: Runner) -> None:
    on_command = recorded(runner.inbox, partial(handle, runner))
    for slash in slash_commands():
        app.command(slash)(on_command)
