"""The composition root: the engine (migrated), `Apport`, the outbox dispatcher and its loop,
the worker id and the chart renderer, built once for whichever platform runs.

A platform brings a `Platform` bundle (bot/console_main.py, bot/slack_main.py,
bot/discord_main.py): how it reads mentions and channels, how it spells commands, the network
settings it starts with, its messenger, and `serve()`, which runs it until it stops.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine

from bot.clock import SystemClock
from bot.metrics import Metrics
from bot.scheduler import DispatchLoop
from bot.service import HealthServer, Service
from bot.settings import Settings
from bot.wiring import build_app, build_engine
from core.app import Apport, FirstAdmin
from core.commands import MentionReader
from core.dispatcher import Dispatcher
from core.shared.ports import Clock, Messenger
from core.shared.text import plain_channel, plain_mention
from storage.database import unit_of_work_factory

HEALTH_HOST = "0.0.0.0"  # the orchestrator probing it runs elsewhere


@dataclass(frozen=True)
class Platform:
    """What one platform supplies to the runtime."""

    name: str  # the first part of the worker id
    messenger: Callable[[Apport], Messenger]  # called once core exists (a client may need it)
    serve: Callable[[Runtime], None]  # runs the platform until it stops
    mention: MentionReader = plain_mention
    channel: MentionReader = plain_channel
    command_names: Mapping[str, str] | None = None  # how the platform spells each command
    network_defaults: Mapping[str, object] | None = None  # settings of a network it creates
    # Who may claim a network with no admin: the platform's own authority, unless it says
    # its first member is the admin (the console).
    first_admin: FirstAdmin = FirstAdmin.PLATFORM_ADMIN
    # The clock every part runs on, given the engine and the real clock (the console's moves).
    clock: Callable[[Engine, Clock], Clock] | None = None
    # Notices go out in the committing thread (the console) rather than from the loop.
    dispatch_inline: bool = False
    # Releases what the bundle took before the runtime existed (Slack's log redaction).
    release: Callable[[], None] | None = None


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    clock: Clock
    app: Apport
    messenger: Messenger
    dispatcher: Dispatcher
    loop: DispatchLoop
    worker: str
    service: Service
    health: HealthServer | None = None

    def close(self) -> None:
        if self.health is not None:
            self.health.stop()
        self.loop.stop()
        self.dispatcher.stop()  # the lease ends: nothing waits for it to expire
        self.engine.dispose()


def worker_id(name: str) -> str:
    """Names the process that claims outbox rows: platform, host, process id."""
    return f"{name}-{socket.gethostname()}-{os.getpid()}"


def build_runtime(settings: Settings, platform: Platform, clock: Clock | None = None) -> Runtime:
    engine = build_engine(settings)
    clock = clock or SystemClock()
    if platform.clock is not None:
        clock = platform.clock(engine, clock)
    app = build_app(
        engine,
        settings,
        clock,
        mention=platform.mention,
        channel=platform.channel,
        network_defaults=platform.network_defaults,
        command_names=platform.command_names,
        first_admin=platform.first_admin,
    )
    messenger = platform.messenger(app)
    worker = worker_id(platform.name)
    dispatcher = Dispatcher(
        unit_of_work_factory(engine, relaxed_commits=True),
        messenger,
        clock.now,
        worker,
        command_names=platform.command_names,
        charts=app.charts,
        lease=timedelta(seconds=settings.lease_seconds),
        delivery_window=timedelta(hours=settings.delivery_hours),
    )
    # The loop's ticks renew the lease: a tick at least every third of it.
    loop = DispatchLoop(dispatcher, min(settings.dispatch_seconds, settings.lease_seconds / 3))
    app.after_commit = dispatcher.run_once if platform.dispatch_inline else loop.kick
    metrics = Metrics()
    app.observe, loop.observe = metrics.command, metrics.dispatched
    metrics.watch(engine, clock, loop)
    service = Service(engine, loop, metrics)
    return Runtime(settings, engine, clock, app, messenger, dispatcher, loop, worker, service)


def run(settings: Settings, platform: Platform) -> int:
    """Build the runtime, serve the platform, then release what the runtime holds."""
    try:
        runtime = build_runtime(settings, platform)
        try:
            if settings.health_port is not None:
                runtime.health = HealthServer(runtime.service, HEALTH_HOST, settings.health_port)
                runtime.health.start()
            platform.serve(runtime)
        finally:
            runtime.close()
    finally:
        if platform.release is not None:
            platform.release()
    return 0
