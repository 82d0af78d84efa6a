"""Settings from the environment and `.env`, checked at start."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default="sqlite:///apport.db", validation_alias="DATABASE_URL")
    locale: Literal["en", "fr"] = Field(default="en", validation_alias="APPORT_LOCALE")
    log_level: str = Field(default="WARNING", validation_alias="APPORT_LOG_LEVEL")
    console_network: str = Field(default="Console", validation_alias="APPORT_CONSOLE_NETWORK")
    console_user: str = Field(default="alice", validation_alias="APPORT_CONSOLE_USER")
    slack_bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    discord_token: str | None = Field(default=None, validation_alias="DISCORD_TOKEN")


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the variable."""


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        problems = []
        for item in error.errors():
            name = ".".join(str(part) for part in item["loc"]) or "?"
            problems.append(f"{name}: {item['msg']}")
        raise SettingsError("; ".join(problems)) from None
