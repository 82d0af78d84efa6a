"""The console's bundle: the whole bot in this terminal, on the console's own clock."""

from __future__ import annotations

import sys

from sqlalchemy import Engine

from adapters.console.clock import ConsoleClock
from adapters.console.messenger import ConsoleMessenger
from adapters.console.shell import NETWORK_KEY, ConsoleSession, read_lines
from bot.runtime import Platform, Runtime
from bot.settings import Settings
from core.app import Apport, FirstAdmin
from core.shared.ports import Clock, Messenger
from storage.console_clock import StoredOffset


def _write(line: str) -> None:
    print(line, flush=True)


class Console:
    """The console's parts: its clock is kept so `/clock +14d` can move it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.clock: ConsoleClock | None = None

    def wrap_clock(self, engine: Engine, base: Clock) -> Clock:
        self.clock = ConsoleClock(base, StoredOffset(engine, NETWORK_KEY))
        return self.clock

    def messenger(self, app: Apport) -> Messenger:
        return ConsoleMessenger(_write)

    def serve(self, runtime: Runtime) -> None:
        assert self.clock is not None, "the runtime wraps the clock before serving"
        settings = self.settings
        session = ConsoleSession(
            runtime.app, self.clock, settings.console_network, settings.console_user, _write
        )
        session.after_clock = runtime.dispatcher.run_once
        interactive = sys.stdin.isatty()
        runtime.dispatcher.run_once()
        session.run(read_lines(interactive, lambda: f"{session.user}> "), interactive)


def bundle(settings: Settings) -> Platform:
    console = Console(settings)
    return Platform(
        name="console",
        messenger=console.messenger,
        serve=console.serve,
        # The console has no real channels: announcements and candidate threads print as
        # `[#announcements]` and `[#recruiters > Candidate #1: ...]`.
        network_defaults={
            "announcements_channel": "announcements",
            "recruiters_channel": "recruiters",
        },
        # One person at a terminal: the first member of a network is its admin.
        first_admin=FirstAdmin.FIRST_MEMBER,
        clock=console.wrap_clock,
        # Notices print right after the command that queued them, and after `/clock`.
        dispatch_inline=True,
    )
