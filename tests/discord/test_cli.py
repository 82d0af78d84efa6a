"""`apport discord`: settings checked at start, and the invite URL printed offline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import discord
import pytest

from adapters.discord.invite import PERMISSIONS
from bot.cli import main
from tests.discord.fake_discord import APPLICATION_ID
from tests.discord.harness import TOKEN

BIN = Path(sys.executable).parent / "apport"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    for name in list(os.environ):
        if name.startswith(("DISCORD_", "APPORT_", "DATABASE_URL")):
            monkeypatch.delenv(name)


def _query(url: str) -> dict[str, list[str]]:
    parts = urlsplit(url.strip())
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "discord.com", "/oauth2/authorize")
    return parse_qs(parts.query)


def test_the_invite_url_has_the_scopes_and_the_permissions_derived(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)

    assert main(["discord", "--invite-url"]) == 0

    query = _query(capsys.readouterr().out)
    assert query["client_id"] == [str(APPLICATION_ID)]  # decoded from the token
    assert query["scope"] == ["bot applications.commands"]
    granted = discord.Permissions(int(query["permissions"][0]))
    assert granted == PERMISSIONS  # what the bot's requests need (test_invite_permissions)
    assert not Path("apport.db").exists()  # offline: not even the database


def test_the_application_id_setting_wins_over_the_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCORD_APPLICATION_ID", "123456789012345678")

    assert main(["discord", "--invite-url"]) == 0

    assert _query(capsys.readouterr().out)["client_id"] == ["123456789012345678"]


def test_the_real_command_prints_the_url(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "APPORT_"))}
    done = subprocess.run(
        [str(BIN), "discord", "--invite-url"],
        env={**env, "DISCORD_TOKEN": TOKEN},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _query(done.stdout)["client_id"] == [str(APPLICATION_ID)]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "DISCORD_TOKEN is not set"),
        ({"DISCORD_TOKEN": "not-a-token"}, "DISCORD_TOKEN is malformed"),
        ({"DISCORD_GUILD_ID": "my-server"}, "DISCORD_GUILD_ID"),
    ],
)
def test_missing_or_malformed_settings_stop_it_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    named: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    assert main(["discord"]) == 2

    assert named in capsys.readouterr().err
    assert not Path("apport.db").exists()


def test_no_application_id_to_be_found_names_both_variables(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["discord", "--invite-url"]) == 2

    error = capsys.readouterr().err
    assert "DISCORD_APPLICATION_ID" in error and "DISCORD_TOKEN" in error
