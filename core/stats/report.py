"""Figures as replies: the fields `/stats` and the monthly digest show, the activity light,
and the chart drawn through the renderer port."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from core.referrals.followups import UNANSWERED_DAYS
from core.shared import formats
from core.shared.charts_port import ChartRenderer, MonthlyChart
from core.shared.context import Context
from core.shared.ui import Attachment, Field
from core.stats.model import (
    Activity,
    ActivityWindow,
    Figures,
    Giver,
    Light,
    Period,
    PeriodKind,
    Verdict,
    activity_window,
    chart_months,
    month_bounds,
)

log = logging.getLogger(__name__)


def period_label(ctx: Context, period: Period) -> str:
    t = ctx.t
    first = period.first
    if period.kind is PeriodKind.MONTH:
        return formats.month(date(first.year, first.month, 1), ctx.network.locale)
    if period.kind is PeriodKind.QUARTER:
        return t("stats.quarter", n=(first.month - 1) // 3 + 1, year=first.year)
    return str(first.year)


def _conversion(ctx: Context, figures: Figures) -> str:
    share = figures.conversion
    if share is None:
        return "-"
    return ctx.t.n(
        "stats.conversion_value",
        figures.won + figures.lost,
        percent=ctx.percent(share),
        won=figures.won,
    )


def _contact(ctx: Context, figures: Figures) -> str:
    if figures.contact_days is None:
        return "-"
    days = ctx.t.n("stats.days", round(figures.contact_days, 1))
    return ctx.t.n("stats.days_value", figures.contacts, days=days)


def _feedback(ctx: Context, figures: Figures) -> str:
    if figures.feedback is None:
        return "-"
    return ctx.t.n(
        "stats.feedback_value", figures.feedback_count, score=ctx.decimal(figures.feedback)
    )


def givers_text(ctx: Context, givers: list[Giver]) -> str:
    return ", ".join(
        ctx.t("stats.giver", name=ctx.name(g.member_id), count=g.given) for g in givers
    )


def network_fields(ctx: Context, figures: Figures, givers: list[Giver]) -> list[Field]:
    t = ctx.t
    return [
        Field(t("stats.given"), str(figures.given)),
        Field(t("stats.accepted"), str(figures.accepted)),
        Field(t("stats.won_lost"), t("stats.won_lost_value", won=figures.won, lost=figures.lost)),
        Field(t("stats.closed"), ctx.money(figures.closed)),
        Field(
            t("stats.commissions"),
            t(
                "stats.commissions_value",
                due=ctx.money(figures.commission_due),
                paid=ctx.money(figures.commission_paid),
            ),
        ),
        Field(t("stats.conversion"), _conversion(ctx, figures)),
        Field(t("stats.contact_days"), _contact(ctx, figures)),
        Field(t("stats.feedback"), _feedback(ctx, figures)),
        Field(t("stats.givers"), givers_text(ctx, givers) or "-"),
    ]


def member_fields(ctx: Context, figures: Figures) -> list[Field]:
    t = ctx.t
    return [
        Field(t("stats.given"), str(figures.given)),
        Field(t("stats.received"), str(figures.received)),
        Field(t("stats.accepted"), str(figures.accepted)),
        Field(t("stats.won_lost"), t("stats.won_lost_value", won=figures.won, lost=figures.lost)),
        Field(t("stats.closed_mine"), ctx.money(figures.closed)),
        Field(
            t("stats.commissions_owed"),
            t(
                "stats.commissions_value",
                due=ctx.money(figures.commission_due),
                paid=ctx.money(figures.commission_paid),
            ),
        ),
        Field(
            t("stats.commissions_earned"),
            t(
                "stats.commissions_value",
                due=ctx.money(figures.earned_due),
                paid=ctx.money(figures.earned_paid),
            ),
        ),
        Field(t("stats.conversion"), _conversion(ctx, figures)),
        Field(t("stats.contact_days"), _contact(ctx, figures)),
        Field(t("stats.feedback_received"), _feedback(ctx, figures)),
    ]


def window(ctx: Context) -> ActivityWindow:
    return activity_window(ctx.now, ctx.network.followup_days, UNANSWERED_DAYS)


def light_name(ctx: Context, light: Light) -> str:
    names = {
        Light.GREEN: ctx.t("light.green"),
        Light.AMBER: ctx.t("light.amber"),
        Light.RED: ctx.t("light.red"),
    }
    return names[light]


def light_text(ctx: Context, activity: Activity, verdict: Verdict) -> str:
    feedback = ctx.decimal(activity.feedback) if activity.feedback is not None else ""
    return ctx.t(
        "light.details" if activity.feedback is not None else "light.details_no_feedback",
        light=light_name(ctx, verdict.light),
        given=activity.given,
        expected=verdict.expected,
        answered=activity.answered,
        received=activity.received,
        followups_answered=activity.followups_answered,
        followups=activity.followups,
        feedback=feedback,
    )


def _order(
    ctx: Context, period: Period, member_id: int | None
) -> tuple[ChartRenderer, MonthlyChart, str] | None:
    """What to draw: the renderer, the chart with its two series read from the database, and
    the file's name (None when no renderer is wired)."""
    if ctx.charts is None:
        return None
    t = ctx.t
    months = chart_months(period, ctx.network.created_at)
    series = ctx.uow.stats.monthly(ctx.network.id, month_bounds(months, period.timezone), member_id)
    short = t("chart.month_names").split()
    who = ctx.actor.display_name if member_id is not None else ctx.network.name
    spec = MonthlyChart(
        title=t("chart.title", who=who, first=str(months[0]), last=str(months[-1])),
        months=tuple(f"{short[m.month - 1]} {m.year}" for m in months),
        referrals=tuple(given for given, _ in series),
        business=tuple(closed for _, closed in series),
        month_axis=t("chart.month_axis"),
        referrals_axis=t("chart.referrals_axis"),
        business_axis=t("chart.business_axis", currency=ctx.network.currency),
    )
    scope = "me" if member_id is not None else "network"
    return ctx.charts, spec, f"apport-stats-{scope}-{period.last}.png"


def _draw(renderer: ChartRenderer, spec: MonthlyChart, filename: str) -> Attachment | None:
    try:
        drawn = renderer.monthly(spec)
    except Exception:  # a broken renderer must not cost the figures
        log.exception("drawing the stats chart failed")
        return None
    return Attachment(filename, drawn.png, "image/png")


def chart(ctx: Context, period: Period, member_id: int | None = None) -> Attachment | None:
    """Referrals and closed business per month up to the period's end, as a PNG (None when
    no renderer is wired, or when drawing fails: the figures still go out)."""
    order = _order(ctx, period, member_id)
    return None if order is None else _draw(*order)


PendingChart = Callable[[], Attachment | None]


def chart_meanwhile(ctx: Context, period: Period, member_id: int | None = None) -> PendingChart:
    """`chart`, drawn while the caller goes on: the series are read now, in the caller's unit
    of work (which stays on the caller's thread), and the drawing runs on `ctx.drawing`;
    calling the result waits for the chart. The figures' queries spend most of their time in
    the database, which releases the GIL (SQLite, psycopg), so the two overlap on two cores."""
    order = _order(ctx, period, member_id)
    if order is None:
        return lambda: None
    if ctx.drawing is None:
        drawn = _draw(*order)
        return lambda: drawn
    return ctx.drawing.submit(_draw, *order).result
