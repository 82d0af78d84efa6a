"""The monthly digest: on the first working day of each month, at 09:00 network time, the
announcements channel gets last month's figures and chart, thanking the top givers by name.

Like charter reminders, it lives in the outbox: each digest schedules the next one, so the
schedule survives restarts and several bot processes never post it twice. A network gets its
first one when it is created (or, for a network older than this feature, at its first `/stats`).
"""

from __future__ import annotations

from datetime import datetime

from core.meetings import figures as meeting_figures
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ports import UnitOfWork
from core.shared.tenancy import Network
from core.shared.ui import Reply
from core.stats import report as stats_report
from core.stats.model import TOP_GIVERS, Month, Period, PeriodKind, next_digest

KIND = "stats.digest"
SUBJECT = "stats-digest"


def schedule_next(uow: UnitOfWork, network: Network, after: datetime) -> None:
    """The digest due on the next first working day of a month, about the month before it."""
    due = next_digest(after, network.timezone)
    month = Month.of(due, network.timezone).plus(-1)
    uow.outbox.add(
        OutboxItem(
            network.id,
            KIND,
            due,
            {"month": str(month)},
            key=f"{SUBJECT}:{month}",
            subject=SUBJECT,
        )
    )


def ensure_scheduled(uow: UnitOfWork, network: Network, now: datetime) -> None:
    if not uow.outbox.pending(network.id, SUBJECT):
        schedule_next(uow, network, now)


def _month(item: OutboxItem) -> Month:
    year, month = str(item.payload["month"]).split("-")
    return Month(int(year), int(month))


def compose(ctx: Context, item: OutboxItem) -> tuple[str, Reply] | None:
    """Schedule the next digest; the post for the announcements channel, if there is one."""
    network = ctx.network
    schedule_next(ctx.uow, network, max(item.due_at, ctx.now))
    period = Period(PeriodKind.MONTH, _month(item), 1, network.timezone)
    channel = network.announcements_channel
    if not channel or (network.created_at is not None and period.end <= network.created_at):
        return None  # nowhere to post, or a month before the network existed
    t = ctx.t
    figures = ctx.uow.stats.figures(network.id, period.start, period.end)
    givers = ctx.uow.stats.top_givers(network.id, period.start, period.end, TOP_GIVERS)
    if givers:
        thanks = t("digest.thanks", givers=stats_report.givers_text(ctx, givers))
    else:
        thanks = t("digest.no_referrals")
    chart = stats_report.chart(ctx, period)
    return channel, Reply(
        title=t(
            "digest.title", period=stats_report.period_label(ctx, period), network=network.name
        ),
        text=thanks,
        fields=(
            *stats_report.network_fields(ctx, figures, givers),
            *meeting_figures.stats_fields(ctx, period.start, period.end),
        ),
        footer=t("digest.footer", stats=f"/{ctx.typed('stats')}"),
        files=(chart,) if chart else (),
    )
