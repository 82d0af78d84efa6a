"""Runs the sections in order, each in isolation (a section that fails becomes a row saying
so), and gathers their rows."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass

from bench import console, dispatch, footprint, latency, stats_section
from bench.profiles import Profile
from bench.report import SECTIONS, Results, Row

NAMES = ("latency", "console", "dispatch", "stats", "footprint")


@dataclass
class Run:
    results: Results
    seconds: float


def _guarded(results: Results, section: str, step: Callable[[], list[Row]]) -> None:
    started = time.perf_counter()
    try:
        results.add(*step())
    except Exception as error:
        results.fail(section, error)
    print(f"{section}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


def run(profile: Profile, pg_url: str, only: Collection[str] = NAMES) -> Run:
    started = time.perf_counter()
    results = Results()
    measured: list[latency.LatencyResult] = []

    def latency_rows() -> list[Row]:
        measured.append(latency.run(profile))
        return measured[0].rows

    steps: dict[str, tuple[str, Callable[[], list[Row]]]] = {
        "latency": (SECTIONS[0], latency_rows),
        "console": (SECTIONS[1], lambda: console.run(profile)),
        "dispatch": (SECTIONS[2], lambda: dispatch.run(profile, pg_url)),
        "stats": (SECTIONS[3], lambda: stats_section.run(profile)),
    }
    for name, (section, step) in steps.items():
        if name in only:
            _guarded(results, section, step)
    if "footprint" in only:
        section = SECTIONS[4]
        if measured:
            results.add(footprint.memory(measured[0].apport_rss, measured[0].bare_rss))
        else:
            results.skip(section, "resident memory of apport slack", "needs the latency section")
        _guarded(results, section, lambda: [footprint.startup(profile)])
    return Run(results, time.perf_counter() - started)
