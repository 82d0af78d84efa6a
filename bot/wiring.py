"""Builds the application: database engine, migrated schema, unit of work, core facade."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.clock import SystemClock
from bot.settings import Settings
from core.app import Apport
from core.commands import MentionReader, plain_mention
from core.ports import Clock, Messenger
from storage.database import make_engine, migrate, unit_of_work_factory


def build_engine(settings: Settings) -> Engine:
    engine = make_engine(settings.database_url)
    migrate(engine)
    return engine


def build_app(
    engine: Engine,
    settings: Settings,
    messenger: Messenger,
    clock: Clock | None = None,
    mention: MentionReader = plain_mention,
) -> Apport:
    return Apport(
        unit_of_work_factory(engine),
        clock or SystemClock(),
        messenger,
        default_locale=settings.locale,
        mention=mention,
    )
