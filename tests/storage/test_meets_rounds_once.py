"""A pairing round and its notices go out once, however many bot processes dispatch."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from core.app import Apport, FirstAdmin, Invocation
from core.dispatcher import Dispatcher
from core.shared.ui import Notice
from storage.database import unit_of_work_factory

START = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # a Wednesday


class Clock:
    def __init__(self) -> None:
        self.at = START

    def now(self) -> datetime:
        return self.at


class Recorder:
    def __init__(self) -> None:
        self.sent: list[Notice] = []
        self.lock = threading.Lock()

    def send(self, notice: Notice) -> str | None:
        with self.lock:
            self.sent.append(notice)
        return None


def test_two_dispatchers_run_a_round_once(engine: Engine) -> None:
    clock = Clock()
    app = Apport(unit_of_work_factory(engine), clock, first_admin=FirstAdmin.FIRST_MEMBER)
    members = [f"m{i}" for i in range(9)]
    for name in members:
        reply = app.handle(Invocation("club", "Club", name, name, "meets"))
        assert not reply.error, reply.text
    clock.at += timedelta(days=6)  # past Monday 09:00
    recorder = Recorder()
    dispatchers = [
        Dispatcher(unit_of_work_factory(engine), recorder, clock.now, worker, batch=2)
        for worker in ("one", "two")
    ]
    threads = [threading.Thread(target=d.run_once) for d in dispatchers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for dispatcher in dispatchers:
        dispatcher.run_once()  # what the other one queued meanwhile
    told = sorted(n.external_id for n in recorder.sent if "Pairing round" in n.reply.text)
    assert told == sorted(members), "each member told once"
    assert all("Pairing round 1:" in n.reply.text for n in recorder.sent if "round" in n.reply.text)
