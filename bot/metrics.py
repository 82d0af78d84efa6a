"""Prometheus metrics of one process, served at /metrics: commands by name and outcome and
their latency, what the dispatcher delivered, retried and waited for, and the outbox as the
database holds it (read when scraped, so every replica reports the same queue)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func, select

from bot.scheduler import DispatchLoop
from core.dispatcher import DispatchReport
from core.shared.outbox import OutboxState
from core.shared.ports import Clock
from storage.tables import OutboxRow

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
DELIVERY_OUTCOMES = ("sent", "skipped", "retried", "failed")


class OutboxCollector(Collector):
    """The outbox's depth (rows due, not yet sent) and the age of the oldest, read at scrape."""

    def __init__(self, engine: Engine, clock: Clock, loop: DispatchLoop) -> None:
        self.engine = engine
        self.clock = clock
        self.loop = loop

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = self.clock.now()
        waiting = (OutboxState.PENDING.value, OutboxState.CLAIMED.value)
        query = select(func.count(), func.min(OutboxRow.due_at)).where(
            OutboxRow.state.in_(waiting), OutboxRow.due_at <= now
        )
        with self.engine.connect() as connection:
            depth, oldest = connection.execute(query).one()
        yield GaugeMetricFamily(
            "apport_outbox_depth", "Outbox rows due and not yet delivered", value=depth
        )
        age = (now - _aware(oldest, now)).total_seconds() if oldest is not None else 0.0
        yield GaugeMetricFamily(
            "apport_outbox_oldest_due_seconds",
            "How long the oldest undelivered due row has waited",
            value=max(age, 0.0),
        )
        lag = self.loop.seconds_since_run()
        yield GaugeMetricFamily(
            "apport_dispatcher_lag_seconds",
            "Seconds since this process's dispatch loop last finished a run",
            value=lag if lag is not None else float("nan"),
        )


def _aware(at: datetime, like: datetime) -> datetime:
    return at.replace(tzinfo=like.tzinfo) if at.tzinfo is None else at


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.commands = Counter(
            "apport_commands",
            "Commands handled, by name and outcome (ok, refused, failed)",
            ("command", "outcome"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "apport_command_seconds",
            "Time to handle a command, database included",
            ("command",),
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
        )
        self.deliveries = Counter(
            "apport_deliveries",
            "Outbox rows the dispatcher handled, by outcome",
            ("outcome",),
            registry=self.registry,
        )
        self.ratelimited = Counter(
            "apport_ratelimit_waits",
            "Sends the platform answered with a rate limit (the row waits)",
            registry=self.registry,
        )

    def command(self, name: str, outcome: str, seconds: float) -> None:
        self.commands.labels(name, outcome).inc()
        self.latency.labels(name).observe(seconds)

    def dispatched(self, report: DispatchReport) -> None:
        for outcome in DELIVERY_OUTCOMES:
            count = getattr(report, outcome)
            if count:
                self.deliveries.labels(outcome).inc(count)
        if report.ratelimited:
            self.ratelimited.inc(report.ratelimited)

    def watch(self, engine: Engine, clock: Clock, loop: DispatchLoop) -> None:
        self.registry.register(OutboxCollector(engine, clock, loop))

    def page(self) -> bytes:
        return generate_latest(self.registry)
