"""`apport slack` start-up: settings checked with messages naming the variable; Socket Mode
with SLACK_APP_TOKEN, else HTTP."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

import bot.slack_main as slack_main
from adapters.slack import redact
from bot.cli import main
from bot.settings import Settings, SettingsError
from bot.slack_main import run_slack, slack_config
from tests.slack.fake_slack import Failure, FakeSlack
from tests.slack.harness import settings_for
from tests.slack.payloads import BOT_TOKEN, SECRET


def _settings(**values: Any) -> Settings:
    base: dict[str, Any] = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_APP_TOKEN": None,
        "SLACK_API_URL": None,
    }
    return Settings(**{**base, **values})


@pytest.mark.parametrize(
    ("values", "variable"),
    [
        ({"SLACK_BOT_TOKEN": None}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxp-a-user-token"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_APP_TOKEN": "not-an-app-token"}, "SLACK_APP_TOKEN"),
        ({"SLACK_SIGNING_SECRET": None}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_API_URL": "slack.example"}, "SLACK_API_URL"),
    ],
)
def test_missing_or_malformed_settings_name_the_variable(
    values: dict[str, Any], variable: str
) -> None:
    with pytest.raises(SettingsError, match=variable) as caught:
        slack_config(_settings(**values))
    assert BOT_TOKEN not in str(caught.value) and SECRET not in str(caught.value)


def test_socket_mode_needs_no_signing_secret_and_the_api_url_is_normalised() -> None:
    config = slack_config(
        _settings(
            SLACK_SIGNING_SECRET=None,
            SLACK_APP_TOKEN="xapp-1-A1-1-abc",
            SLACK_API_URL="http://127.0.0.1:9/api",
        )
    )
    assert config.socket_mode and config.api_url == "http://127.0.0.1:9/api/"
    assert slack_config(_settings()).api_url == "https://slack.com/api/"


def test_the_cli_exits_2_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/apport.db")
    assert main(["slack"]) == 2
    assert "SLACK_BOT_TOKEN" in capsys.readouterr().err


def test_a_refused_token_or_an_unreachable_api_stops_the_start(
    fake: FakeSlack, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path}/apport.db"
    fake.fail_next("auth.test", Failure(200, {"ok": False, "error": "invalid_auth"}))
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN was refused by Slack: invalid_auth"):
        run_slack(settings_for(fake, url), host="127.0.0.1")
    unreachable = settings_for(fake, url, SLACK_API_URL="http://127.0.0.1:9/api/")
    with pytest.raises(SettingsError, match="SLACK_API_URL"):
        run_slack(unreachable, host="127.0.0.1")
    assert not _redacting()
    assert not Path(tmp_path / "apport.db").exists()  # stopped before the database


def _redacting() -> bool:
    filters = [f for h in logging.getLogger().handlers for f in h.filters]
    return any(isinstance(f, redact.RedactSecrets) for f in filters)


class _Recorder:
    started: list[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args

    def start(self) -> None:
        _Recorder.started.append("socket")

    def run(self) -> None:
        _Recorder.started.append("http")


@pytest.mark.parametrize(("app_token", "mode"), [("xapp-1-A1-1-abc", "socket"), (None, "http")])
def test_the_mode_follows_slack_app_token(
    fake: FakeSlack,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    app_token: str | None,
    mode: str,
) -> None:
    _Recorder.started = []
    monkeypatch.setattr(slack_main, "SocketModeHandler", _Recorder)
    monkeypatch.setattr(slack_main, "http_server", _Recorder)
    settings = settings_for(fake, f"sqlite:///{tmp_path}/apport.db", SLACK_APP_TOKEN=app_token)
    assert run_slack(settings, host="127.0.0.1") == 0
    assert _Recorder.started == [mode]
    assert not _redacting()  # the bundle's log redaction is released with it
