"""The Slack bundle for the runtime: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT.

HTTP is served by uvicorn (ASGI) at /slack/events for commands, interactivity and events;
outbox notices go out through the dispatch loop, kicked after every command that committed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.token_rotation import TokenRotator
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from adapters.slack import recovery, redact
from adapters.slack.app import build_bolt_app
from adapters.slack.asgi import ServiceAnswer, ThreadedSlackHandler
from adapters.slack.directory import TeamNames, UserDirectory
from adapters.slack.mentions import read_channel, read_member
from adapters.slack.messenger import SlackMessenger, messenger_client
from adapters.slack.names import command_names
from adapters.slack.oauth import OAuthConfig, installation_store, oauth_settings
from adapters.slack.runner import Runner
from adapters.slack.workspaces import InstalledWorkspaces
from bot import runtime as composition
from bot.runtime import Platform, Runtime
from bot.scheduler import DispatchLoop
from bot.settings import Settings, SettingsError
from core.app import Apport, FirstAdmin, PlatformUser
from core.shared.ports import Clock, Messenger
from storage.inbox import Inbox

log = logging.getLogger(__name__)

INBOX_KEPT = timedelta(days=1)
DEFAULT_API_URL = "https://slack.com/api/"
HTTP_HOST = "0.0.0.0"  # Slack must reach it; put it behind a TLS proxy
_URL = re.compile(r"https?://[^\s/]+(/\S*)?")


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str  # "" with OAuth: each workspace's token is its installation's
    signing_secret: str
    app_token: str
    api_url: str
    port: int
    oauth: OAuthConfig | None = None

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)


OAUTH_VARIABLES = ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET")


def _oauth_config(settings: Settings) -> OAuthConfig | None:
    """OAuth (install in any workspace) when its three variables are set; none: one token."""
    values = [
        (v or "").strip()
        for v in (
            settings.slack_client_id,
            settings.slack_client_secret,
            settings.slack_state_secret,
        )
    ]
    if not any(values):
        return None
    missing = [name for name, value in zip(OAUTH_VARIABLES, values, strict=True) if not value]
    if missing:
        raise SettingsError(
            f"{', '.join(missing)} missing: installing in any workspace (OAuth) needs "
            f"{', '.join(OAUTH_VARIABLES)}"
        )
    if (settings.slack_bot_token or "").strip():
        raise SettingsError(
            "SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: choose one token for one club, "
            "or OAuth for any workspace"
        )
    if (settings.slack_app_token or "").strip():
        raise SettingsError(
            "SLACK_APP_TOKEN (Socket Mode) cannot serve the install pages: OAuth runs over HTTP"
        )
    client_id, client_secret, state_secret = values
    return OAuthConfig(client_id, client_secret, state_secret)


def slack_config(settings: Settings) -> SlackConfig:
    """The Slack settings, checked; a SettingsError names the variable at fault."""
    oauth = _oauth_config(settings)
    token = (settings.slack_bot_token or "").strip()
    if oauth is None and not token:
        raise SettingsError(
            "SLACK_BOT_TOKEN is missing: the app's bot token (xoxb-...), or SLACK_CLIENT_ID, "
            "SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in any workspace"
        )
    if token and not token.startswith("xoxb-"):
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
    return SlackConfig(
        token, secret, app_token, api_url.rstrip("/") + "/", settings.port, oauth
    )


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
    """The runtime with what Slack adds to it: the runner that calls core, the Bolt app."""

    runtime: Runtime
    runner: Runner
    bolt: App

    @property
    def engine(self) -> Engine:
        return self.runtime.engine

    @property
    def apport(self) -> Apport:
        return self.runner.apport

    @property
    def loop(self) -> DispatchLoop:
        return self.runtime.loop

    def recover(self, grace: timedelta = recovery.GRACE) -> int:
        """Finish or answer what a dead process acknowledged, then forget finished requests
        older than a day (Slack retries events for an hour, replays die after 5 minutes)."""
        try:
            taken = recovery.recover(self.runner, self.bolt.client, grace)
            if self.runner.inbox is not None:
                self.runner.inbox.forget(self.runtime.clock.now() - INBOX_KEPT)
        except SQLAlchemyError:
            log.warning("could not read the inbox at start-up", exc_info=True)
            return 0
        return taken

    def close(self) -> None:
        self.runtime.loop.stop()
        self.runner.close()
        self.runtime.engine.dispose()


class Slack:
    """The Slack parts. The token is checked with Slack first: a refused token or an
    unreachable API stops the start before the database is opened."""

    def __init__(
        self,
        config: SlackConfig,
        host: str = HTTP_HOST,
        process_before_response: bool = False,
    ) -> None:
        self.config = config
        self.host = host
        self.process_before_response = process_before_response
        self.client = WebClient(token=config.bot_token or None, base_url=config.api_url)
        # One token: its own team names a new network. OAuth: the installation does.
        self.teams = TeamNames() if config.oauth else _own_team(self.client, config)
        self.installed: InstalledWorkspaces | None = None  # OAuth: made once the engine is

    def messenger(self, app: Apport) -> Messenger:
        if self.config.oauth is None:
            return SlackMessenger(messenger_client(self.config.bot_token, self.config.api_url))
        return SlackMessenger(self._workspace_client)

    def _workspace_client(self, team_id: str) -> WebClient:
        assert self.installed is not None, "the runtime connects Slack before dispatching"
        return self.installed(team_id)

    def connected(self, runtime: Runtime) -> SlackRuntime:
        apport = runtime.app
        inbox = Inbox(runtime.engine, "slack", runtime.clock.now)
        oauth = self.config.oauth
        if oauth is None:
            runner = Runner(apport, UserDirectory(self.client), self.teams, inbox=inbox)
            bolt = build_bolt_app(
                self.client, self.config.signing_secret, runner, self.process_before_response
            )
            return SlackRuntime(runtime, runner, bolt)
        store = installation_store(oauth, runtime.engine)
        installed = InstalledWorkspaces(
            store,
            lambda token: messenger_client(token, self.config.api_url),
            TokenRotator(
                client_id=oauth.client_id, client_secret=oauth.client_secret, client=self.client
            ),
        )
        self.installed = installed
        runner = Runner(
            apport, UserDirectory(installed), self.teams, inbox=inbox, forget=installed.forget
        )

        def on_installed(installation: Installation) -> None:
            team = str(installation.team_id or "")
            installed.forget(team)  # a reinstall brings a new token
            user = runner.directory.get(team, installation.user_id)
            apport.installed(
                team,
                installation.team_name or team,
                PlatformUser(installation.user_id, user.name),
            )

        settings = oauth_settings(oauth, runtime.engine, store, on_installed, apport.default_locale)
        bolt = build_bolt_app(
            self.client,
            self.config.signing_secret,
            runner,
            self.process_before_response,
            oauth_settings=settings,
        )
        return SlackRuntime(runtime, runner, bolt)

    def serve(self, runtime: Runtime) -> None:
        wired = self.connected(runtime)
        wired.recover()
        runtime.loop.start()
        try:
            if self.config.socket_mode:
                handler = SocketModeHandler(wired.bolt, self.config.app_token)
                handler.start()  # type: ignore[no-untyped-call]  # Bolt leaves start() unannotated
            else:
                server = http_server(
                    wired.bolt, self.host, self.config.port, runtime.service.answer
                )
                server.run()
        finally:
            wired.runner.close()

    def platform(self, release: Callable[[], None] | None = None) -> Platform:
        return Platform(
            name="slack",
            messenger=self.messenger,
            serve=self.serve,
            mention=read_member,
            channel=read_channel,
            command_names=command_names(),
            first_admin=FirstAdmin.WORKSPACE_ADMIN,
            release=release,
        )


def bundle(settings: Settings, host: str = HTTP_HOST) -> Platform:
    """Slack's bundle; the tokens are kept out of every log line until it is released."""
    config = slack_config(settings)
    redactor = redact.install([config.bot_token, config.signing_secret, config.app_token])
    try:
        slack = Slack(config, host)
    except BaseException:
        redact.uninstall(redactor)
        raise
    return slack.platform(release=lambda: redact.uninstall(redactor))


def build_runtime(
    settings: Settings,
    config: SlackConfig,
    clock: Clock | None = None,
    process_before_response: bool = False,
) -> SlackRuntime:
    slack = Slack(config, process_before_response=process_before_response)
    return slack.connected(composition.build_runtime(settings, slack.platform(), clock))


def http_server(
    bolt: App, host: str, port: int, service: ServiceAnswer | None = None
) -> uvicorn.Server:
    """Slack's requests and the install pages on /slack/...; /healthz, /readyz and /metrics
    answered by `service`."""
    # log_config=None: keep our logging (and its secret redaction) rather than uvicorn's own.
    config = uvicorn.Config(
        ThreadedSlackHandler(bolt, service=service),
        host=host,
        port=port,
        log_config=None,
        lifespan="off",
    )
    return uvicorn.Server(config)


def run_slack(settings: Settings, host: str = HTTP_HOST) -> int:
    return composition.run(settings, bundle(settings, host))
