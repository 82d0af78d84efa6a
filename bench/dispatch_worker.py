"""One dispatcher process of the dispatch section: Apport's own `Dispatcher` against a
messenger that does nothing but note what it was handed."""

from __future__ import annotations

import time
from datetime import datetime
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event

from core.dispatcher import Dispatcher
from core.shared.ui import Notice
from storage.database import make_engine, unit_of_work_factory


class NullMessenger:
    def __init__(self) -> None:
        self.keys: list[str] = []

    def send(self, notice: Notice) -> str | None:
        self.keys.append(notice.key)
        return None


def drain(dispatcher: Dispatcher) -> None:
    """Run until a run finds nothing due (what the others hold, they send)."""
    while dispatcher.run_once().handled:
        pass


def dispatcher_for(url: str, now: datetime, worker: str) -> tuple[Dispatcher, NullMessenger]:
    engine = make_engine(url)
    engine.connect().close()  # the first connection is not part of the work
    messenger = NullMessenger()
    uows = unit_of_work_factory(engine, relaxed_commits=True)  # as the bot wires it
    return Dispatcher(uows, messenger, lambda: now, worker), messenger


def work(
    url: str, now: datetime, worker: str, ready: Event, go: Event, results: Queue[object]
) -> None:
    """A child process: connect and look once (nothing is due yet), say ready, wait for the
    start, drain, report the keys."""
    dispatcher, messenger = dispatcher_for(url, now, worker)
    dispatcher.run_once()
    ready.set()
    go.wait()
    drain(dispatcher)
    results.put((worker, messenger.keys, time.perf_counter()))
