"""The composition root: one runtime per platform bundle, the CLI's registry of bundles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.console.clock import ConsoleClock
from bot.cli import PLATFORMS, _parser
from bot.console_main import bundle
from bot.runtime import Platform, build_runtime, worker_id
from bot.settings import Settings
from core.app import Invocation
from core.shared.ui import Notice

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


class FixedClock:
    def now(self) -> datetime:
        return START


class Recorder:
    def __init__(self) -> None:
        self.sent: list[Notice] = []

    def send(self, notice: Notice) -> str | None:
        self.sent.append(notice)
        return None


def test_the_registry_has_a_bundle_for_every_mode() -> None:
    assert set(PLATFORMS) == {"console", "slack", "discord"}
    for mode in PLATFORMS:
        assert _parser().parse_args([mode]).mode == mode


def test_the_runtime_builds_core_and_dispatch_from_a_bundle(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    recorder = Recorder()
    platform = Platform(name="test", messenger=lambda app: recorder, serve=lambda runtime: None)
    settings = Settings(DATABASE_URL=database_url)  # type: ignore[call-arg]
    runtime = build_runtime(settings, platform, FixedClock())
    try:
        assert runtime.worker == worker_id("test") and runtime.worker.startswith("test-")
        assert runtime.dispatcher.messenger is recorder
        assert runtime.dispatcher.now() == START
        assert runtime.app.after_commit == runtime.loop.kick  # sent by the loop, kicked at once
        assert runtime.app.charts is runtime.dispatcher.charts
    finally:
        runtime.close()


def test_the_console_runs_core_and_dispatch_on_its_moved_clock(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(DATABASE_URL=database_url)  # type: ignore[call-arg]
    runtime = build_runtime(settings, bundle(settings), FixedClock())
    try:
        assert isinstance(runtime.clock, ConsoleClock)
        runtime.clock.shift(timedelta(days=14))
        assert runtime.dispatcher.now() == START + timedelta(days=14)
        assert runtime.app.after_commit == runtime.dispatcher.run_once  # printed at once
        runtime.app.handle(Invocation("console", "Console", "alice", "alice", "help"))
        network = runtime.app.network("console")
        assert network is not None and network.announcements_channel == "announcements"
    finally:
        runtime.close()
