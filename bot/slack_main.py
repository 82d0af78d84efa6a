"""Wires and runs the Slack adapter: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT.

HTTP is served by uvicorn (ASGI) at /slack/events for commands, interactivity and events;
outbox notices go out through the dispatch loop, kicked after every command that committed.
"""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy import Engine

from adapters.charts.matplotlib_chart import MatplotlibCharts
from adapters.slack import redact
from adapters.slack.app import build_bolt_app
from adapters.slack.asgi import ThreadedSlackHandler
from adapters.slack.directory import TeamNames, UserDirectory
from adapters.slack.mentions import read_channel, read_member
from adapters.slack.messenger import SlackMessenger, messenger_client
from adapters.slack.names import command_names
from adapters.slack.runner import Runner
from bot.clock import SystemClock
from bot.scheduler import DispatchLoop
from bot.settings import Settings, SettingsError
from bot.wiring import build_engine
from core.app import Apport
from core.ports import Clock
from core.services.dispatcher import Dispatcher
from storage.database import unit_of_work_factory

DEFAULT_API_URL = "https://slack.com/api/"
HTTP_HOST = "0.0.0.0"  # Slack must reach it; put it behind a TLS proxy
_URL = re.compile(r"https?://[^\s/]+(/\S*)?")


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str
    signing_secret: str
    app_token: str
    api_url: str
    port: int

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)


def slack_config(settings: Settings) -> SlackConfig:
    """The Slack settings, checked; a SettingsError names the variable at fault."""
    token = (settings.slack_bot_token or "").strip()
    if not token:
        raise SettingsError("SLACK_BOT_TOKEN is missing: the app's bot token (xoxb-...)")
    if not token.startswith("xoxb-"):
        raise SettingsError("SLACK_BOT_TOKEN must be a bot token, starting with xoxb-")
    app_token = (settings.slack_app_token or "").strip()
    if app_token and not app_token.startswith("xapp-"):
        raise SettingsError("SLACK_APP_TOKEN must be an app-level token, starting with xapp-")
    secret = (settings.slack_signing_secret or "").strip()
    if not secret and not app_token:
        raise SettingsError(
            "SLACK_SIGNING_SECRET is missing: HTTP mode (no SLACK_APP_TOKEN) checks every "
            "request with it"
        )
    api_url = (settings.slack_api_url or DEFAULT_API_URL).strip()
    if not _URL.fullmatch(api_url):
        raise SettingsError("SLACK_API_URL must be an http(s) URL, such as https://slack.com/api/")
    return SlackConfig(token, secret, app_token, api_url.rstrip("/") + "/", settings.port)


def _own_team(client: WebClient, config: SlackConfig) -> TeamNames:
    try:
        auth = client.auth_test()
    except SlackApiError as error:
        raise SettingsError(
            f"SLACK_BOT_TOKEN was refused by Slack: {error.response.get('error')}"
        ) from None
    except (SlackClientError, OSError) as error:
        raise SettingsError(
            f"SLACK_API_URL: cannot reach {config.api_url} ({type(error).__name__})"
        ) from None
    return TeamNames(str(auth.get("team_id") or ""), str(auth.get("team") or ""))


@dataclass
class SlackRuntime:
    engine: Engine
    apport: Apport
    runner: Runner
    bolt: App
    loop: DispatchLoop

    def close(self) -> None:
        self.loop.stop()
        self.runner.close()
        self.engine.dispose()


def build_runtime(
    settings: Settings,
    config: SlackConfig,
    clock: Clock | None = None,
    process_before_response: bool = False,
) -> SlackRuntime:
    clock = clock or SystemClock()
    client = WebClient(token=config.bot_token, base_url=config.api_url)
    teams = _own_team(client, config)
    engine = build_engine(settings)
    uows = unit_of_work_factory(engine)
    apport = Apport(
        uows,
        clock,
        default_locale=settings.locale,
        mention=read_member,
        channel=read_channel,
        command_names=command_names(),
        charts=MatplotlibCharts(),
    )
    runner = Runner(apport, UserDirectory(client), teams)
    bolt = build_bolt_app(client, config.signing_secret, runner, process_before_response)
    messenger = SlackMessenger(messenger_client(config.bot_token, config.api_url))
    worker = f"slack-{socket.gethostname()}-{os.getpid()}"
    dispatcher = Dispatcher(
        unit_of_work_factory(engine, relaxed_commits=True),
        messenger,
        clock.now,
        worker,
        command_names=command_names(),
        charts=apport.charts,
    )
    loop = DispatchLoop(dispatcher, settings.dispatch_seconds)
    apport.after_commit = loop.kick
    return SlackRuntime(engine, apport, runner, bolt, loop)


def http_server(bolt: App, host: str, port: int) -> uvicorn.Server:
    # log_config=None: keep our logging (and its secret redaction) rather than uvicorn's own.
    config = uvicorn.Config(
        ThreadedSlackHandler(bolt), host=host, port=port, log_config=None, lifespan="off"
    )
    return uvicorn.Server(config)


def run_slack(settings: Settings, host: str = HTTP_HOST) -> int:
    config = slack_config(settings)
    redactor = redact.install([config.bot_token, config.signing_secret, config.app_token])
    try:
        _serve(settings, config, host)
    finally:
        redact.uninstall(redactor)
    return 0


def _serve(settings: Settings, config: SlackConfig, host: str) -> None:
    runtime = build_runtime(settings, config)
    runtime.loop.start()
    try:
        if config.socket_mode:
            handler = SocketModeHandler(runtime.bolt, config.app_token)
            handler.start()  # type: ignore[no-untyped-call]  # Bolt leaves start() unannotated
        else:
            http_server(runtime.bolt, host, config.port).run()
    finally:
        runtime.close()
