"""The app manifest: current, valid against Slack's published schema, and listing exactly the
slash commands the bot answers; every core command is reachable through /apport."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from adapters.slack.manifest import MANIFEST, build_manifest, render_manifest
from adapters.slack.names import slash_commands
from bot.cli import main
from core.commands import COMMANDS
from tests.slack import payloads
from tests.slack.harness import SlackHarness, shown

SCHEMA = Path(__file__).resolve().parents[3] / "shared/slack/manifest.schema.1.0.0.json"


def test_manifest_json_is_generated_from_core() -> None:
    assert MANIFEST.read_text(encoding="utf-8") == render_manifest(), (
        "regenerate it: python -m adapters.slack.manifest"
    )


@pytest.mark.parametrize(
    ("socket", "oauth"),
    [(False, False), (True, False), (False, True)],
    ids=["http", "socket", "oauth"],
)
def test_manifest_is_valid_against_slacks_schema(socket: bool, oauth: bool) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} is absent")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    manifest = build_manifest(socket, oauth=oauth)
    errors = sorted(validator.iter_errors(manifest), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_the_manifest_is_for_the_mode_apport_slack_runs_in(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "https://club.example.org/slack/events"
    assert main(["slack", "--manifest", "--url", url]) == 0
    http = json.loads(capsys.readouterr().out)
    assert http["settings"]["socket_mode_enabled"] is False  # apport slack without an app token
    assert http["settings"]["interactivity"]["request_url"] == url
    assert http["settings"]["event_subscriptions"]["request_url"] == url
    assert {c["url"] for c in http["features"]["slash_commands"]} == {url}
    assert main(["slack", "--manifest", "--socket"]) == 0
    socket = json.loads(capsys.readouterr().out)
    assert socket["settings"]["socket_mode_enabled"] is True
    assert "request_url" not in socket["settings"]["interactivity"]
    assert "request_url" not in socket["settings"]["event_subscriptions"]
    assert all("url" not in c for c in socket["features"]["slash_commands"])
    assert socket["features"]["slash_commands"] == [
        {k: v for k, v in c.items() if k != "url"} for c in http["features"]["slash_commands"]
    ]


def test_manifest_keeps_to_the_least_and_enables_what_is_used() -> None:
    manifest = build_manifest()
    assert manifest["oauth_config"]["scopes"]["bot"] == [
        "channels:history",
        "chat:write",
        "commands",
        "files:write",
        "groups:history",
        "im:history",
        "im:write",
        "users:read",
    ]
    assert manifest["settings"]["socket_mode_enabled"] is False  # HTTP, as `apport slack` runs
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == [
        "app_home_opened",
        "app_uninstalled",
        "tokens_revoked",
    ]
    assert manifest["settings"]["token_rotation_enabled"] is False  # one club's own token


def test_the_oauth_manifest_sends_installers_back_and_rotates_tokens() -> None:
    manifest = build_manifest(url="https://clubs.example.org/slack/events", oauth=True)

    assert manifest["oauth_config"]["redirect_urls"] == [
        "https://clubs.example.org/slack/oauth_redirect"
    ]
    assert manifest["settings"]["token_rotation_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert all(c["should_escape"] for c in manifest["features"]["slash_commands"])


def test_the_manifest_lists_exactly_the_commands_answered(slack: SlackHarness) -> None:
    listed = [c["command"] for c in build_manifest()["features"]["slash_commands"]]
    assert listed == slash_commands() == ["/apport", "/refer", "/charter"]
    for command in listed:
        url = slack.fake.response_url(command.strip("/"))
        body = payloads.command(command, "", "UALICE", url)
        opened = len(slack.fake.calls_to("views.open"))
        assert slack.dispatch(body, payloads.FORM).status == 200
        assert slack.fake.responses_to(url) or len(slack.fake.calls_to("views.open")) > opened
    for unlisted in ("/feedback", "/referral", "/help", "/network"):
        body = payloads.command(unlisted, "", "UALICE", slack.fake.response_url("no"))
        assert slack.dispatch(body, payloads.FORM).status == 404


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_core_command_is_reachable_through_apport(slack: SlackHarness, name: str) -> None:
    url = slack.fake.response_url(f"reach-{name}")
    body = payloads.command("/apport", name, "UALICE", url)
    assert slack.dispatch(body, payloads.FORM).status == 200
    answers = [shown(a) for a in slack.fake.responses_to(url)]
    opened = slack.fake.calls_to("views.open")
    assert answers or opened
    assert not any(a.startswith("Unknown command") for a in answers)
