"""Wires and runs the console adapter."""

from __future__ import annotations

import sys

from adapters.console.messenger import ConsoleMessenger
from adapters.console.shell import NETWORK_KEY, ConsoleSession, read_lines
from bot.settings import Settings
from bot.wiring import build_app, build_engine
from core.app import Apport


def _write(line: str) -> None:
    print(line, flush=True)


def run_console(settings: Settings) -> int:
    engine = build_engine(settings)
    holder: list[Apport] = []
    messenger = ConsoleMessenger(_write, lambda _network_id: holder[0].locale_of(NETWORK_KEY))
    app = build_app(engine, settings, messenger)
    holder.append(app)
    session = ConsoleSession(app, settings.console_network, settings.console_user, _write)
    interactive = sys.stdin.isatty()
    session.run(read_lines(interactive, lambda: f"{session.user}> "), interactive)
    engine.dispose()
    return 0
