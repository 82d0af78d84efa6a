"""The club's meeting and visitor figures, for `/stats` and the monthly digest."""

from __future__ import annotations

from datetime import datetime

from core.meetings.visitors import stage_counts
from core.shared.context import Context
from core.shared.ui import Field
from core.stats.model import Month


def attendance_share(ctx: Context, start: datetime, end: datetime) -> float | None:
    counts = ctx.uow.meetings.attendance(ctx.network.id, start, end)
    held = sum(h for h, _ in counts.values())
    came = sum(c for _, c in counts.values())
    return came / held if held else None


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{round(share * 100)}%"


def visitor_field(ctx: Context, start: datetime, end: datetime) -> Field:
    """Visitors per month in [start, end) and the share of them who became members."""
    t = ctx.t
    zone = ctx.network.timezone
    month = Month.of(start, zone)
    per_month = []
    everyone = []
    while month.start(zone) < end:
        found = ctx.uow.visitors.between(
            ctx.network.id, month.start(zone), min(month.plus(1).start(zone), end)
        )
        everyone += found
        per_month.append(
            t("stats.visitors_month", month=t(f"meeting.month.{month.month}"), count=len(found))
        )
        month = month.plus(1)
    came, members = stage_counts(ctx, everyone)
    share = members / came if came else None
    return Field(
        t("stats.visitors"),
        t(
            "stats.visitors_value",
            months=", ".join(per_month),
            members=members,
            share=_percent(share),
        ),
    )


def stats_fields(ctx: Context, start: datetime, end: datetime) -> list[Field]:
    """Nothing for a club that holds no meetings and had no visitors in the period."""
    if ctx.network.meeting_schedule == "off" and not ctx.uow.visitors.between(
        ctx.network.id, start, end
    ):
        return []
    return [
        Field(ctx.t("stats.attendance"), _percent(attendance_share(ctx, start, end))),
        visitor_field(ctx, start, end),
    ]
