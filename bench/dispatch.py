"""Section 3: due outbox rows claimed, composed and handed to a messenger that does nothing, by
Apport's `Dispatcher`: on SQLite, on PostgreSQL, and by two dispatcher processes on PostgreSQL,
checking that every message went out exactly once. The floor is `outbox_rows.raw_dispatch` on
the same database: the claims and the one-row updates, in raw SQL, and nothing else."""

from __future__ import annotations

import multiprocessing
import queue
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, func, select

from bench import outbox_rows, postgres
from bench.dispatch_worker import dispatcher_for, drain, work
from bench.measure import timed
from bench.profiles import Profile
from bench.report import Goal, Row, ratio, us
from storage.database import make_engine, migrate
from storage.tables import MemberRow, OutboxRow

SECTION = "3. Dispatch"
GOAL = 0.001
NOW = datetime(2025, 3, 20, 16, 0, tzinfo=UTC)
MEMBERS = 50
ROUNDS = 5
WARM_UP = 5


@dataclass(frozen=True)
class Database:
    url: str
    engine: Engine
    network_id: int
    members: list[int]


def _prepare(url: str) -> Database:
    from bench.generate import generate

    engine = make_engine(url)
    migrate(engine)
    made = generate(engine, members=MEMBERS, referrals=0, key="dispatch")
    with engine.connect() as connection:
        members = list(
            connection.scalars(select(MemberRow.id).where(MemberRow.network_id == made.network_id))
        )
    return Database(url, engine, made.network_id, members)


def _queue(db: Database, count: int) -> set[str]:
    return outbox_rows.queue(db.engine, db.network_id, db.members, count, outbox_rows.due_time(NOW))


def _exactly_once(db: Database, expected: set[str], sent: Iterable[str]) -> str:
    """'' when every queued key was handed over once and marked sent, else what went wrong."""
    counted = Counter(sent)
    twice = sum(1 for n in counted.values() if n > 1)
    missing = len(expected - set(counted))
    with db.engine.connect() as connection:
        marked = connection.scalar(
            select(func.count()).where(OutboxRow.key.in_(list(expected)), OutboxRow.state == "sent")
        )
    if twice or missing or marked != len(expected):
        return f"NOT exactly once: {twice} twice, {missing} missing, {marked} marked sent"
    return ""


@dataclass(frozen=True)
class Timing:
    ours: float  # seconds per message
    floor: float
    check: str  # '' when exactly once held


def _one_process(db: Database, rows: int) -> Timing:
    """Floor and dispatcher take turns over a few rounds, so drift on the machine hits both."""
    dispatcher, messenger = dispatcher_for(db.url, NOW, "bench-1")
    for drained in (lambda: outbox_rows.raw_dispatch(db.engine, NOW), lambda: drain(dispatcher)):
        _queue(db, WARM_UP)  # untimed: the first statements compile
        drained()
    messenger.keys.clear()
    keys: set[str] = set()
    ours = floor = 0.0
    share = max(1, rows // ROUNDS)
    for start in range(0, rows, share):
        count = min(share, rows - start)
        _queue(db, count)
        floor += timed(lambda: outbox_rows.raw_dispatch(db.engine, NOW))
        keys |= _queue(db, count)
        ours += timed(lambda: drain(dispatcher))
    return Timing(ours / rows, floor / rows, _exactly_once(db, keys, messenger.keys))


def _two_processes(db: Database, rows: int) -> tuple[float, str, list[int]]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    go = context.Event()
    readies = [context.Event(), context.Event()]
    workers = [
        context.Process(
            target=work, args=(db.url, NOW, f"bench-{n}", readies[n], go, results), daemon=True
        )
        for n in range(2)
    ]
    for worker in workers:
        worker.start()
    try:
        for ready in readies:
            if not ready.wait(120):
                raise RuntimeError("a dispatcher process did not start")
        keys = _queue(db, rows)
        started = time.perf_counter()
        go.set()
        found = [results.get(timeout=1800) for _ in workers]
        took = time.perf_counter() - started
    except queue.Empty:
        raise RuntimeError("a dispatcher process did not finish") from None
    finally:
        for worker in workers:
            worker.join(30)
            if worker.is_alive():
                worker.kill()
    sent = [key for _, handed, _ in found for key in handed]
    shares = [len(handed) for _, handed, _ in found]
    return took / rows, _exactly_once(db, keys, sent), shares


def _row(measure: str, timing: Timing, floor_label: str, note: str) -> Row:
    return Row(
        SECTION,
        measure,
        us(timing.ours),
        f"{us(timing.floor)} ({floor_label})",
        ratio(timing.ours, timing.floor),
        (Goal(f"< {us(GOAL)}", timing.ours < GOAL),),
        "; ".join(filter(None, [timing.check or "exactly once", note])),
    )


def run(profile: Profile, pg_url: str) -> list[Row]:
    rows = profile.dispatch_rows
    label = "raw claim + mark"
    found: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="apport-bench-dispatch-") as name:
        db = _prepare(f"sqlite:///{Path(name) / 'dispatch.db'}")
        try:
            timing = _one_process(db, rows)
        finally:
            db.engine.dispose()
        found.append(_row("per message, SQLite, 1 dispatcher", timing, label, f"{rows:,} rows"))
    if not pg_url or postgres.version(pg_url) is None:
        why = "PostgreSQL not reachable" if pg_url else "no PostgreSQL URL"
        for processes in ("1 dispatcher", "2 processes"):
            measure = f"per message, PostgreSQL, {processes}"
            found.append(Row(SECTION, measure, note=f"skipped: {why}"))
        return found
    with postgres.schema(pg_url) as url:
        db = _prepare(url)
        try:
            single = _one_process(db, rows)
            per, check, shares = _two_processes(db, rows)
        finally:
            db.engine.dispose()
    found.append(_row("per message, PostgreSQL, 1 dispatcher", single, label, f"{rows:,} rows"))
    both = Timing(per, single.floor, check)
    note = f"{rows:,} rows, shared {shares[0]:,} / {shares[1]:,}"
    found.append(_row("per message, PostgreSQL, 2 processes", both, f"{label}, 1 process", note))
    return found
