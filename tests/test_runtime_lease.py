"""The runtime wires the lease: settings reach the dispatcher, the loop ticks well within the
lease, and closing the runtime ends the lease so nothing waits for it to expire."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.runtime import Platform, build_runtime
from bot.settings import Settings
from core.shared.ui import Notice

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


class FixedClock:
    def now(self) -> datetime:
        return START


class Recorder:
    def send(self, notice: Notice) -> str | None:
        return None


def test_the_lease_follows_the_settings_and_ends_with_the_runtime(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    platform = Platform(name="lease", messenger=lambda app: Recorder(), serve=lambda rt: None)
    settings = Settings(  # type: ignore[call-arg]
        DATABASE_URL=database_url, APPORT_LEASE_SECONDS=6, APPORT_DELIVERY_HOURS=12
    )
    runtime = build_runtime(settings, platform, FixedClock())
    dispatcher = runtime.dispatcher
    assert dispatcher.lease == timedelta(seconds=6)
    assert dispatcher.delivery_window == timedelta(hours=12)
    assert runtime.loop.scheduler.get_job("apport-dispatch").trigger.interval <= timedelta(
        seconds=2
    )
    dispatcher.run_once()

    def leases() -> list[tuple[str, object]]:
        with runtime.engine.connect() as connection:
            found = connection.execute(text("SELECT worker, expires_at FROM dispatchers"))
            return [(str(worker), at) for worker, at in found]

    (held,) = leases()
    assert held[0] == runtime.worker
    runtime.close()
    assert leases() == []
