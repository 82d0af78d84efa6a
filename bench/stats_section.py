"""Section 4: `/stats` (this month, with its chart) through `Apport.handle`, wired as the bot
wires it, on the generated network of `bench.generate` (the one `python -m bench.stats` times
command by command), against `bench.stats_sql`: the same figures, one hand-written query each.
Skipped, with a note, where core has no `/stats` yet."""

from __future__ import annotations

import importlib
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import stats_sql
from bench.dataset import Dataset, cached
from bench.measure import interleaved, median
from bench.profiles import Profile
from bench.report import Goal, Row, ms, ratio

SECTION = "4. Stats"
GOAL = 1.3
GOAL_REFERRALS = 1_000_000
COMPARED = (
    "given",
    "accepted",
    "won",
    "lost",
    "closed",
    "commission_due",
    "commission_paid",
    "contacts",
    "feedback_count",
)


def missing() -> str:
    """Why the section cannot run here ('' when it can)."""
    try:
        commands = importlib.import_module("core.commands").COMMANDS
        importlib.import_module("core.stats.model")
        importlib.import_module("storage.stats")
    except (ImportError, AttributeError) as error:
        return f"/stats is not in core, or does not import ({error})"
    shown = commands["stats"].verb("") if "stats" in commands else None
    if shown is None or shown.handler is None:
        return "/stats is not in core yet"
    return ""


@dataclass
class FixedClock:
    at: datetime

    def now(self) -> datetime:
        return self.at


def _differences(ours: Any, floor: dict[str, Any]) -> list[str]:
    found = []
    for name in COMPARED:
        mine, theirs = getattr(ours, name), floor[name]
        if name in ("closed", "commission_due", "commission_paid"):
            same = abs(stats_sql.money(mine) - theirs) <= stats_sql.money("0.05")
        else:
            same = int(mine) == int(theirs)
        if not same:
            found.append(f"{name} {mine} vs {theirs}")
    return found


def run(profile: Profile) -> list[Row]:
    why = missing()
    if why:
        return [Row(SECTION, "/stats against hand-written SQL", note=f"skipped: {why}")]
    dataset = cached(profile.members, profile.stats_referrals)
    with tempfile.TemporaryDirectory(prefix="apport-bench-stats-") as name:
        return _measure(profile, dataset, dataset.copy_to(Path(name)))


def _measure(profile: Profile, dataset: Dataset, url: str) -> list[Row]:
    from bot.settings import Settings
    from bot.wiring import build_app, build_engine
    from core.app import Invocation
    from core.stats.model import PeriodKind, chart_months, current_period, month_bounds

    settings = Settings(_env_file=None, DATABASE_URL=url)  # type: ignore[call-arg]
    engine = build_engine(settings)
    now = dataset.generated_until
    app = build_app(engine, settings, FixedClock(now))
    invocation = Invocation(
        dataset.key, "Bench network", dataset.admin_external_id, "Member 0001", "stats", ""
    )
    with app.uow_factory() as uow:
        network = uow.networks.get(dataset.network_id)
        assert network is not None
        period = current_period(PeriodKind.MONTH, now, network.timezone)
        bounds = month_bounds(chart_months(period, network.created_at), network.timezone)
        ours = uow.stats.figures(network.id, period.start, period.end)
        ours_series = uow.stats.monthly(network.id, bounds)

    def command() -> None:
        reply = app.handle(invocation)
        if reply.error:
            raise RuntimeError(f"/stats answered an error: {reply.text}")

    def floor_figures() -> dict[str, Any]:
        with engine.connect() as connection:
            return stats_sql.figures(connection, network.id, period.start, period.end)

    def floor() -> None:
        with engine.connect() as connection:
            stats_sql.figures(connection, network.id, period.start, period.end)
            stats_sql.monthly(connection, network.id, bounds)

    charts = app.charts

    def without_chart() -> None:
        app.charts = None
        try:
            command()
        finally:
            app.charts = charts

    try:
        command()  # warm-up: the first chart imports matplotlib
        differences = _differences(ours, floor_figures())
        with engine.connect() as connection:
            if stats_sql.monthly(connection, network.id, bounds) != ours_series:
                differences.append("the chart's monthly series")
        with_chart, floor_all = interleaved(profile.runs, command, floor)
        no_chart, floor_only = interleaved(profile.runs, without_chart, floor_figures)
    finally:
        engine.dispose()
    size = f"{dataset.referrals:,} referrals, {dataset.members:,} members"
    check = f"figures differ: {', '.join(differences)}" if differences else "same figures"
    full, sql = median(with_chart), median(floor_all)
    # The goal is set for 1,000,000 referrals: on a small network the chart's
    # drawing, a fixed cost, outweighs queries that take a few tens of milliseconds.
    at_scale = dataset.referrals >= GOAL_REFERRALS
    goals = (Goal(f"ratio ≤ {GOAL}", (ratio(full, sql) or 0) <= GOAL),) if at_scale else ()
    scale = "" if at_scale else f"; the goal is for {GOAL_REFERRALS:,} referrals"
    bare, sql_only = median(no_chart), median(floor_only)
    return [
        Row(
            SECTION,
            "/stats (this month, with its chart)",
            ms(full),
            f"{ms(sql)} (one SQL query per figure, chart series included)",
            ratio(full, sql),
            goals,
            f"{size}; {check}; {profile.runs} runs{scale}",
        ),
        Row(
            SECTION,
            "/stats without its chart (no series, no drawing)",
            ms(bare),
            f"{ms(sql_only)} (one SQL query per figure)",
            ratio(bare, sql_only),
            (),
            f"the chart (its two series and drawing) adds about {ms(max(full - bare, 0))}",
        ),
    ]
