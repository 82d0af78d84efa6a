"""Wires and runs the console adapter."""

from __future__ import annotations

import sys

from adapters.console.messenger import ConsoleMessenger
from adapters.console.shell import NETWORK_KEY, ConsoleSession, read_lines
from bot.clock import SystemClock
from bot.settings import Settings
from bot.wiring import build_app, build_engine
from core.services.dispatcher import Dispatcher
from storage.database import unit_of_work_factory


def _write(line: str) -> None:
    print(line, flush=True)


def run_console(settings: Settings) -> int:
    engine = build_engine(settings)
    # The console has no real channels: announcements and candidate threads print as
    # `[#announcements]` and `[#recruiters > Candidate #1: ...]`.
    app = build_app(
        engine,
        settings,
        SystemClock(),
        network_defaults={
            "announcements_channel": "announcements",
            "recruiters_channel": "recruiters",
        },
    )
    messenger = ConsoleMessenger(_write)
    # The console's network has its own clock (`/clock +14d`): due means due by that clock.
    dispatcher = Dispatcher(
        unit_of_work_factory(engine, relaxed_commits=True),
        messenger,
        lambda: app.network_time(NETWORK_KEY),
        "console",
        charts=app.charts,
    )
    app.after_commit = dispatcher.run_once
    session = ConsoleSession(app, settings.console_network, settings.console_user, _write)
    session.after_clock = dispatcher.run_once
    interactive = sys.stdin.isatty()
    dispatcher.run_once()
    session.run(read_lines(interactive, lambda: f"{session.user}> "), interactive)
    engine.dispose()
    return 0
