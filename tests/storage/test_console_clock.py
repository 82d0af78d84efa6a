"""The console's clock offset: kept in its own table, carried over from the networks table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alembic import command
from sqlalchemy import Engine, text

from adapters.console.clock import ConsoleClock
from storage.console_clock import StoredOffset
from storage.database import alembic_config, make_engine

START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


class FixedClock:
    def now(self) -> datetime:
        return START


def test_the_offset_adds_up_and_survives_a_new_clock(engine: Engine) -> None:
    clock = ConsoleClock(FixedClock(), StoredOffset(engine, "console"))
    assert clock.now() == START
    assert clock.shift(timedelta(days=14)) == START + timedelta(days=14)
    clock.shift(timedelta(hours=3))

    again = ConsoleClock(FixedClock(), StoredOffset(engine, "console"))
    assert again.now() == START + timedelta(days=14, hours=3)
    other = ConsoleClock(FixedClock(), StoredOffset(engine, "elsewhere"))
    assert other.now() == START


def test_the_migration_keeps_an_offset_set_before_it(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        config = alembic_config(engine)
        command.upgrade(config, "0005")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO networks (key, name, locale, currency, timezone, "
                    "charter_required, clock_offset_seconds, next_referral_number, "
                    "followup_days, charter_reminder, charter_reminder_index, "
                    "announcements_channel, recruiters_channel, exclusivity, created_at) "
                    "VALUES ('console', 'Console', 'en', 'EUR', 'Europe/Paris', true, "
                    "1209600, 1, 14, 'mon 09:00', 0, '', '', true, :at)"
                ),
                {"at": START.replace(tzinfo=None)},
            )
        command.upgrade(config, "head")
        assert StoredOffset(engine, "console").load() == timedelta(days=14)
        command.downgrade(config, "0005")
        with engine.connect() as connection:
            seconds = connection.execute(
                text("SELECT clock_offset_seconds FROM networks WHERE key = 'console'")
            ).scalar_one()
        assert seconds == 1209600
    finally:
        engine.dispose()
