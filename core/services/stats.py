"""`/stats [month|quarter|year]`, `/stats me`, `/stats activity` and `/stats export` (admins).

Every figure comes from `uow.stats` (aggregates in the database); the rules for reading them
(what counts as given, won, a first contact, the activity light) are in docs/stats.md.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from core.network import Member
from core.services import digest, stats_report
from core.services.context import Context
from core.stats import (
    TOP_GIVERS,
    Activity,
    LedgerLine,
    Light,
    PeriodKind,
    current_period,
    expected_given,
    verdict,
)
from core.ui import Attachment, Field, Reply

LIGHT_LINES = 50  # members listed by `/stats activity`; the rest are counted
_ORDER = {Light.RED: 0, Light.AMBER: 1, Light.GREEN: 2}


def _kind(args: dict[str, str]) -> PeriodKind:
    return PeriodKind(args.get("period") or PeriodKind.MONTH.value)


def _lights(ctx: Context) -> list[tuple[Member, Activity, Light, str]]:
    """Every member's light, reds first."""
    window = stats_report.window(ctx)
    activities = ctx.uow.stats.activity(ctx.network.id, window)
    found = []
    for member in ctx.uow.members.all(ctx.network.id):
        activity = activities.get(member.id, Activity(member.id))
        judged = verdict(activity, expected_given(member.joined_at, window))
        found.append(
            (member, activity, judged.light, stats_report.light_text(ctx, activity, judged))
        )
    found.sort(key=lambda item: (_ORDER[item[2]], item[0].display_name.casefold()))
    return found


def _light_counts(ctx: Context, lights: Iterable[Light]) -> str:
    counted = list(lights)
    return ctx.t(
        "stats.lights_value",
        green=counted.count(Light.GREEN),
        amber=counted.count(Light.AMBER),
        red=counted.count(Light.RED),
    )


def show(ctx: Context, args: dict[str, str]) -> Reply:
    """The network's figures for this month, quarter or year so far, with the chart."""
    t = ctx.t
    network = ctx.network
    digest.ensure_scheduled(ctx.uow, network, ctx.now)
    period = current_period(_kind(args), ctx.now, network.timezone)
    figures = ctx.uow.stats.figures(network.id, period.start, period.end)
    givers = ctx.uow.stats.top_givers(network.id, period.start, period.end, TOP_GIVERS)
    fields = stats_report.network_fields(ctx, figures, givers)
    footer = t("stats.footer", stats=f"/{ctx.typed('stats')}")
    if ctx.actor.is_admin:
        footer += "\n" + t("stats.footer_admin", stats=f"/{ctx.typed('stats')}")
    chart = stats_report.chart(ctx, period)
    return Reply(
        title=t("stats.title", period=stats_report.period_label(ctx, period), network=network.name),
        fields=tuple(fields),
        footer=footer,
        files=(chart,) if chart else (),
    )


def me(ctx: Context, args: dict[str, str]) -> Reply:
    """My figures for the period, my activity light, and my chart."""
    t = ctx.t
    network = ctx.network
    digest.ensure_scheduled(ctx.uow, network, ctx.now)
    period = current_period(_kind(args), ctx.now, network.timezone)
    me = ctx.actor
    figures = ctx.uow.stats.figures(network.id, period.start, period.end, me.id)
    window = stats_report.window(ctx)
    activity = ctx.uow.stats.activity(network.id, window, me.id).get(me.id, Activity(me.id))
    judged = verdict(activity, expected_given(me.joined_at, window))
    fields = stats_report.member_fields(ctx, figures)
    fields.append(Field(t("stats.light"), stats_report.light_text(ctx, activity, judged)))
    chart = stats_report.chart(ctx, period, me.id)
    return Reply(
        title=t(
            "stats.title_me", period=stats_report.period_label(ctx, period), name=me.display_name
        ),
        fields=tuple(fields),
        footer=t("stats.light_rule"),
        files=(chart,) if chart else (),
    )


def activity(ctx: Context, args: dict[str, str]) -> Reply:
    """The activity lights over six months: everyone's for admins, my own for members."""
    t = ctx.t
    if not ctx.actor.is_admin:
        return me_light(ctx)
    lights = _lights(ctx)
    lines = [t("stats.light_line", name=m.display_name, text=text) for m, _, _, text in lights]
    footer = [_light_counts(ctx, (light for _, _, light, _ in lights)), t("stats.light_rule")]
    if len(lines) > LIGHT_LINES:
        footer.insert(1, t("stats.lights_more", count=len(lines) - LIGHT_LINES))
    return Reply(
        title=t("stats.lights_title", network=ctx.network.name),
        lines=tuple(lines[:LIGHT_LINES]),
        footer="\n".join(footer),
    )


def me_light(ctx: Context) -> Reply:
    me = ctx.actor
    window = stats_report.window(ctx)
    found = ctx.uow.stats.activity(ctx.network.id, window, me.id).get(me.id, Activity(me.id))
    judged = verdict(found, expected_given(me.joined_at, window))
    return Reply(
        title=ctx.t("stats.light_title_me", name=me.display_name),
        text=stats_report.light_text(ctx, found, judged),
        footer=ctx.t("stats.light_rule"),
    )


REFERRAL_COLUMNS = (
    "number",
    "created_at",
    "referrer",
    "receiver",
    "client",
    "status",
    "estimated_value",
    "closed_amount",
    "commission_due",
    "commission_paid",
    "currency",
    "charter_version",
    "won_at",
    "paid_at",
)
LEDGER_COLUMNS = (
    "number",
    "won_at",
    "payee",
    "payer",
    "client",
    "closed_amount",
    "commission_due",
    "commission_paid",
    "outstanding",
    "currency",
    "status",
    "paid_at",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object, zone: ZoneInfo) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with `'`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(zone).isoformat(timespec="minutes")
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _csv(rows: Iterable[Iterable[object]], zone: ZoneInfo) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_cell(value, zone) for value in row])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheets read accents


def _referral_row(line: LedgerLine, currency: str) -> tuple[object, ...]:
    return (
        line.number,
        line.created_at,
        line.referrer,
        line.receiver,
        line.client,
        line.status,
        line.estimated_value,
        line.closed_amount,
        line.commission_due,
        line.commission_paid,
        currency,
        line.charter_version,
        line.won_at,
        line.paid_at,
    )


def _ledger_row(line: LedgerLine, currency: str) -> tuple[object, ...]:
    due = line.commission_due or Decimal("0.00")
    paid = line.commission_paid or Decimal("0.00")
    return (
        line.number,
        line.won_at,
        line.referrer,
        line.receiver,
        line.client,
        line.closed_amount,
        due,
        paid,
        due - paid,
        currency,
        line.status,
        line.paid_at,
    )


def export(ctx: Context, args: dict[str, str]) -> Reply:
    """Two CSV files for the treasurer: every referral, and the commission ledger."""
    ctx.require_admin()
    network = ctx.network
    zone = ZoneInfo(network.timezone)
    lines = ctx.uow.stats.ledger(network.id)
    currency = network.currency
    referrals = _csv([REFERRAL_COLUMNS, *(_referral_row(line, currency) for line in lines)], zone)
    commissions = [line for line in lines if line.commission_due is not None]
    ledger = _csv([LEDGER_COLUMNS, *(_ledger_row(line, currency) for line in commissions)], zone)
    stamp = ctx.local(ctx.now, "%Y%m%d")
    return Reply(
        text=ctx.t("stats.exported", referrals=len(lines), commissions=len(commissions)),
        files=(
            Attachment(f"apport-referrals-{stamp}.csv", referrals, "text/csv"),
            Attachment(f"apport-commissions-{stamp}.csv", ledger, "text/csv"),
        ),
    )
