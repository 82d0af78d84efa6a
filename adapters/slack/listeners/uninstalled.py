"""`app_uninstalled` and `tokens_revoked`: the app was removed from a workspace (Slack sends
both, in either order). The installation store forgets the workspace's tokens, and core marks
its network uninstalled: nothing more is sent there, and its data goes after the grace
period unless the app is put back."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_bolt.listener.builtins import TokenRevocationListeners
from slack_sdk import WebClient

from adapters.slack.inbox import recorded
from adapters.slack.runner import Runner


def _team(body: dict[str, Any]) -> str:
    return str(body.get("team_id") or "")


def app_uninstalled(
    runner: Runner,
    revocation: TokenRevocationListeners | None,
    ack: Ack,
    body: dict[str, Any],
    client: WebClient,
) -> None:
    ack()
    team = _team(body)
    if revocation is not None:
        revocation.installation_store.delete_all(enterprise_id=None, team_id=team)
    runner.uninstalled(team)


def tokens_revoked(
    runner: Runner,
    revocation: TokenRevocationListeners | None,
    ack: Ack,
    body: dict[str, Any],
    client: WebClient,
) -> None:
    ack()
    team = _team(body)
    tokens: dict[str, Any] = (body.get("event") or {}).get("tokens") or {}
    store = revocation.installation_store if revocation is not None else None
    for user_id in tokens.get("oauth") or []:
        if store is not None:
            store.delete_installation(enterprise_id=None, team_id=team, user_id=user_id)
    if tokens.get("bot"):
        if store is not None:
            store.delete_bot(enterprise_id=None, team_id=team)
        runner.uninstalled(team)


def register(app: App, runner: Runner) -> None:
    store = app.installation_store
    revocation = TokenRevocationListeners(store) if store is not None else None
    app.event("app_uninstalled")(
        recorded(runner.inbox, partial(app_uninstalled, runner, revocation))
    )
    app.event("tokens_revoked")(recorded(runner.inbox, partial(tokens_revoked, runner, revocation)))
