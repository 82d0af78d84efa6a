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
    dispatch_seconds: float = Field(default=5.0, gt=0, validation_alias="APPORT_DISPATCH_SECONDS")
    # How long a dispatcher's claims outlive its process; it renews its lease every half of it.
    lease_seconds: float = Field(default=30.0, ge=2, validation_alias="APPORT_LEASE_SECONDS")
    # How long a message is retried while the platform is unreachable.
    delivery_hours: float = Field(default=48.0, gt=0, validation_alias="APPORT_DELIVERY_HOURS")

    # `apport slack|discord --no-migrate` (or APPORT_MIGRATE=false) starts on the schema as it
    # is, for replicas that start together after `apport migrate` ran once.
    migrate_on_start: bool = Field(default=True, validation_alias="APPORT_MIGRATE")
    log_format: Literal["text", "json"] = Field(
        default="text", validation_alias="APPORT_LOG_FORMAT"
    )
    # Where /healthz, /readyz and /metrics are served when the platform has no HTTP server of
    # its own (Discord, Slack in Socket Mode); unset: not served there.
    health_port: int | None = Field(
        default=None, ge=1, le=65535, validation_alias="APPORT_HEALTH_PORT"
    )

    slack_bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str | None = Field(default=None, validation_alias="SLACK_API_URL")
    # With these three, Slack installs through OAuth in any workspace ("Add to Slack").
    slack_client_id: str | None = Field(default=None, validation_alias="SLACK_CLIENT_ID")
    slack_client_secret: str | None = Field(default=None, validation_alias="SLACK_CLIENT_SECRET")
    slack_state_secret: str | None = Field(default=None, validation_alias="SLACK_STATE_SECRET")
    port: int = Field(default=3000, ge=1, le=65535, validation_alias="PORT")

    discord_token: str | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    discord_guild_id: int | None = Field(default=None, validation_alias="DISCORD_GUILD_ID")
    discord_application_id: int | None = Field(
        default=None, validation_alias="DISCORD_APPLICATION_ID"
    )
    # Sharding: unset, discord.py asks Discord how many shards and runs them all here. To split
    # them over processes, give each the total and its own ids ("0,1" and "2,3" of 4).
    discord_shard_count: int | None = Field(
        default=None, ge=1, validation_alias="DISCORD_SHARD_COUNT"
    )
    discord_shard_ids: str | None = Field(default=None, validation_alias="DISCORD_SHARD_IDS")


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
