"""Builds the application: database engine with its schema migrated, and the core facade."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Engine

from adapters.charts.matplotlib_chart import MatplotlibCharts
from bot.settings import Settings, SettingsError
from core.app import Apport, FirstAdmin
from core.commands import MentionReader
from core.shared.ports import Clock
from core.shared.text import plain_channel, plain_mention
from storage.database import make_engine, migrate, pending_migrations, unit_of_work_factory


def build_engine(settings: Settings) -> Engine:
    """The engine, its schema brought up to date unless the settings leave that to
    `apport migrate` (then a schema behind the code stops the start)."""
    engine = make_engine(settings.database_url)
    if settings.migrate_on_start:
        migrate(engine)
    else:
        behind = pending_migrations(engine)
        if behind:
            engine.dispose()
            raise SettingsError(
                f"the database schema is behind this version ({len(behind)} migrations "
                "pending): run `apport migrate` first"
            )
    return engine


def build_app(
    engine: Engine,
    settings: Settings,
    clock: Clock,
    mention: MentionReader = plain_mention,
    channel: MentionReader = plain_channel,
    network_defaults: Mapping[str, object] | None = None,
    command_names: Mapping[str, str] | None = None,
    first_admin: FirstAdmin = FirstAdmin.PLATFORM_ADMIN,
) -> Apport:
    return Apport(
        unit_of_work_factory(engine),
        clock,
        default_locale=settings.locale,
        mention=mention,
        channel=channel,
        command_names=command_names,
        network_defaults=network_defaults,
        charts=MatplotlibCharts(),
        first_admin=first_admin,
    )
