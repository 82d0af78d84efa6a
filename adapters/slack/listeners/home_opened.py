"""`app_home_opened`: publish the user's Home tab from core's `/home`."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from adapters.slack.home import publish_home
from adapters.slack.inbox import recorded
from adapters.slack.people import Who
from adapters.slack.runner import Runner


def handle(runner: Runner, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    event: dict[str, Any] = body.get("event") or {}
    if event.get("tab", "home") != "home":
        return
    publish_home(client, runner, Who.from_event(body, event))


def register(app: App, runner: Runner) -> None:
    app.event("app_home_opened")(recorded(runner.inbox, partial(handle, runner)))
