"""`app_home_opened`: publish the user's Home tab from core's `/home`."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from adapters.slack.home import publish_home
from adapters.slack.people import Who
from adapters.slack.runner import Runner


def register(app: App, runner: Runner) -> None:
    @app.event("app_home_opened")
    def on_home_opened(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        publish_home(client, runner, Who.from_event(body, event))
