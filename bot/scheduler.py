"""The dispatch loop: an APScheduler interval job in each bot process.

Each process keeps its own in-memory scheduler (APScheduler's FAQ: a job store shared by
several processes runs jobs twice or misses them); what is due lives in the outbox table,
which every process's dispatcher claims from atomically. Each run renews the dispatcher's
lease, so the interval must be well under the lease (the runtime keeps it under a third).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from core.dispatcher import Dispatcher, DispatchReport

log = logging.getLogger(__name__)

JOB_ID = "apport-dispatch"


class DispatchLoop:
    def __init__(self, dispatcher: Dispatcher, seconds: float) -> None:
        self.dispatcher = dispatcher
        self.scheduler = BackgroundScheduler(timezone=UTC)
        # Two instances, one at a time: a kick that comes while a run is under way (and may
        # have claimed before the kick's rows were committed) waits for it, then runs. With
        # one instance APScheduler would skip that kick, and its rows would wait a tick.
        self._one_at_a_time = threading.Lock()
        self._stopping = threading.Event()  # a run waiting for the lock when we stop: skip it
        self.seconds = seconds
        self.last_run: float | None = None  # monotonic time the last run ended
        self.observe: Callable[[DispatchReport], None] | None = None  # told of every run
        self.scheduler.add_job(
            self._run,
            "interval",
            seconds=seconds,
            id=JOB_ID,
            max_instances=2,
            coalesce=True,
            next_run_time=datetime.now(UTC),
        )

    def _run(self) -> None:
        with self._one_at_a_time:
            if self._stopping.is_set():
                return
            try:
                report = self.dispatcher.run_once()
            except Exception:  # the next run gives back what this one could not
                log.exception("dispatch run failed")
                return
            finally:
                self.last_run = time.monotonic()
        if self.observe is not None:
            self.observe(report)
        if report.handled:
            log.info("dispatched: %s", report)

    def seconds_since_run(self) -> float | None:
        """How long ago the last run ended; None before the first."""
        return None if self.last_run is None else time.monotonic() - self.last_run

    def start(self) -> None:
        self.scheduler.start()

    def kick(self) -> None:
        """Run now rather than at the next tick (after a command queued notices)."""
        try:
            self.scheduler.modify_job(JOB_ID, next_run_time=datetime.now(UTC))
        except Exception:  # never fail a command because the kick could not be scheduled
            log.exception("could not kick the dispatch job")

    def stop(self) -> None:
        self._stopping.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
