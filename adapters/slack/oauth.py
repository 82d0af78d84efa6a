"""Installing Apport in any workspace ("Add to Slack"): Bolt's OAuth flow, with slack_sdk's
SQLAlchemy installation and state stores on Apport's own database (their tables come from
Apport's migrations, never from the stores' `create_tables`).

The pages Slack's redirect lands on say what happened and what to do next, in the
deployment's language; the installing user becomes the network's first admin.
"""

from __future__ import annotations

import hashlib
import hmac
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltResponse
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from adapters.slack.manifest import BOT_SCOPES, REDIRECT_PATH
from core.shared.i18n import Translator

INSTALL_PATH = "/slack/install"
STATE_SECONDS = 600  # an install started and not finished within ten minutes starts again
HTML: dict[str, str | Sequence[str]] = {"Content-Type": "text/html; charset=utf-8"}


@dataclass(frozen=True)
class OAuthConfig:
    client_id: str
    client_secret: str
    state_secret: str


class SignedStates(OAuthStateStore):
    """The SQLAlchemy state store, with each state signed by SLACK_STATE_SECRET: a state this
    deployment did not issue is refused before the database is asked."""

    def __init__(self, inner: OAuthStateStore, secret: str) -> None:
        self.inner = inner
        self.key = secret.encode()

    @property
    def logger(self) -> Any:
        return self.inner.logger

    def _sign(self, state: str) -> str:
        return hmac.new(self.key, state.encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self, *args: Any, **kwargs: Any) -> str:
        state = self.inner.issue(*args, **kwargs)
        return f"{state}.{self._sign(state)}"

    def consume(self, state: str) -> bool:
        raw, _, signature = state.rpartition(".")
        if not raw or not hmac.compare_digest(signature, self._sign(raw)):
            return False
        return self.inner.consume(raw)


def installation_store(config: OAuthConfig, engine: Engine) -> SQLAlchemyInstallationStore:
    return SQLAlchemyInstallationStore(client_id=config.client_id, engine=engine)


def oauth_settings(
    config: OAuthConfig,
    engine: Engine,
    store: SQLAlchemyInstallationStore,
    installed: Callable[[Installation], None],
    locale: str,
) -> OAuthSettings:
    """Bolt's OAuth settings; `installed` is told of each installation once it is stored."""
    t = Translator(locale)

    def success(args: SuccessArgs) -> BoltResponse:
        installed(args.installation)
        team = args.installation.team_name or args.installation.team_id or ""
        return BoltResponse(
            status=200,
            body=_page(t("install.success.title"), t("install.success.body", team=team)),
            headers=HTML,
        )

    def failure(args: FailureArgs) -> BoltResponse:
        return BoltResponse(
            status=args.suggested_status_code,
            body=_page(
                t("install.failure.title"),
                t("install.failure.body", reason=args.reason, install=INSTALL_PATH),
            ),
            headers=HTML,
        )

    states = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=engine)
    return OAuthSettings(
        client_id=config.client_id,
        client_secret=config.client_secret,
        scopes=BOT_SCOPES,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=store,
        installation_store_bot_only=True,
        state_store=SignedStates(states, config.state_secret),
        state_expiration_seconds=STATE_SECONDS,
        callback_options=CallbackOptions(success=success, failure=failure),
    )


def _page(title: str, body: str) -> str:
    """A plain page; the texts are escaped (a workspace's name is the installer's to choose)."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.split("\n") if line)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>"
        f'<body style="font-family:sans-serif;max-width:40em;margin:3em auto">'
        f"<h1>{html.escape(title)}</h1>{paragraphs}</body></html>"
    )
