"""Times `/stats` and the directory on a generated network (2,000 members, 200,000 referrals).

    .venv/bin/python -m bench.stats                       # SQLite, in a temporary file
    .venv/bin/python -m bench.stats --url postgresql+psycopg://postgres@127.0.0.1:5432/bench
    .venv/bin/python -m bench.stats --members 200 --referrals 20000   # a quicker run

The database must be empty (a fresh SQLite file is made when no URL is given). Each timing is
the best of `--repeat` runs, after one warm-up run (the first chart imports matplotlib).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from adapters.charts.matplotlib_chart import MatplotlibCharts
from bench.generate import Generated, generate
from core.app import Apport, FirstAdmin, Invocation
from core.stats.model import PeriodKind, activity_window, current_period
from storage.database import make_engine, migrate, unit_of_work_factory


class _Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at


def _best(run: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Best and median wall time, and the best CPU time of this process (on SQLite, the work
    itself, whatever else the machine runs; on PostgreSQL the server's share is not in it)."""
    run()  # warm-up
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(times), statistics.median(times), min(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="")
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--referrals", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    url = options.url or f"sqlite:///{Path(folder.name) / 'bench.db'}"
    engine = make_engine(url)
    migrate(engine)
    started = time.perf_counter()
    made: Generated = generate(engine, options.members, options.referrals)
    print(
        f"{engine.dialect.name}: generated {made.members} members, {made.referrals} referrals, "
        f"{made.events} events, {made.feedback} feedback in {time.perf_counter() - started:.1f}s"
    )
    uows = unit_of_work_factory(engine)
    charts = MatplotlibCharts()
    app = Apport(uows, _Clock(made.now), charts=charts, first_admin=FirstAdmin.FIRST_MEMBER)

    def command(name: str, text: str = "") -> Callable[[], object]:
        def run() -> object:
            reply = app.handle(
                Invocation(
                    made.key, "Bench network", made.admin_external_id, "Member 0001", name, text
                )
            )
            assert not reply.error, reply.text
            return reply

        return run

    def figures(kind: PeriodKind) -> Callable[[], object]:
        period = current_period(kind, made.now, "Europe/Paris")

        def run() -> object:
            with uows() as uow:
                return uow.stats.figures(made.network_id, period.start, period.end)

        return run

    def activity() -> object:
        with uows() as uow:
            return uow.stats.activity(made.network_id, activity_window(made.now, 14, 3))

    cases: list[tuple[str, Callable[[], object]]] = [
        ("figures, month (SQL only)", figures(PeriodKind.MONTH)),
        ("figures, quarter (SQL only)", figures(PeriodKind.QUARTER)),
        ("figures, year (SQL only)", figures(PeriodKind.YEAR)),
        ("activity lights, everyone (SQL only)", activity),
        ("/stats  (figures and chart)", command("stats")),
        ("/stats year", command("stats", "year")),
        ("/stats me", command("stats", "me")),
        ("/stats activity", command("stats", "activity")),
        ("/members accountant restaurant", command("members", "accountant restaurant")),
        (
            "/refer ? bookkeeping for a restaurant",
            command("refer", "? bookkeeping for a restaurant"),
        ),
        ("/stats export (two CSV files)", command("stats", "export")),
    ]
    print(f"{'':40} {'best':>8} {'median':>8} {'cpu':>8}")
    for label, run in cases:
        best, median, cpu = _best(run, options.repeat)
        print(f"{label:40} {best * 1000:7.0f}ms {median * 1000:7.0f}ms {cpu * 1000:7.0f}ms")
    engine.dispose()
    folder.cleanup()


if __name__ == "__main__":
    main()
