"""The Bolt app: Slack's checks (signature, timestamp) first, event de-duplication, the inbox
(each request recorded before it is acknowledged, a repeat turned away), then one listener per
kind of request."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient

from adapters.slack.dedupe import RecentIds, once_per_event
from adapters.slack.inbox import record_requests
from adapters.slack.listeners import (
    ask_submit,
    buttons,
    commands,
    form_submit,
    home_opened,
    uninstalled,
)
from adapters.slack.runner import Runner

log = logging.getLogger(__name__)

LISTENERS = (commands, buttons, form_submit, ask_submit, home_opened, uninstalled)


def build_bolt_app(
    client: WebClient,
    signing_secret: str,
    runner: Runner,
    process_before_response: bool = False,
    recent: RecentIds | None = None,
    oauth_settings: OAuthSettings | None = None,
) -> App:
    """One bot token: `client.auth_test` is called here (Bolt verifies the token at
    construction). With `oauth_settings`, each request is authorised with its workspace's
    installation instead, and the install pages are served."""
    app = App(
        client=client,
        signing_secret=signing_secret,
        process_before_response=process_before_response,
        oauth_settings=oauth_settings,
    )
    app.middleware(once_per_event(recent or RecentIds()))
    if runner.inbox is not None:
        app.middleware(record_requests(runner.inbox))
    for listener in LISTENERS:
        listener.register(app, runner)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        # Listeners catch core's failures themselves; this is for Slack API calls that failed.
        log.error("listener failed on a %s request: %r", body.get("type", "command"), error)

    return app
