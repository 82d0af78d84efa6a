"""`/stats [month|quarter|year]`, `/stats me`, `/stats activity` and `/stats export` (admins).

Every figure comes from `uow.stats` (aggregates in the database); the rules for reading them
(what counts as given, won, a first contact, the activity light) are in docs/stats.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from core.meetings import engagement_report
from core.meetings import figures as meeting_figures
from core.meets import effect as meets_effect
from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.tenancy import Member
from core.shared.ui import Attachment, Field, Reply
from core.shared.ui import InputKind as K
from core.stats import digest, ledger_files, reciprocity
from core.stats import report as stats_report
from core.stats.model import (
    TOP_GIVERS,
    Activity,
    LedgerLine,
    Light,
    PeriodKind,
    current_period,
    expected_given,
    verdict,
)

LIGHT_LINES = 50  # members listed by `/stats activity`; the rest are counted
_ORDER = {Light.RED: 0, Light.AMBER: 1, Light.GREEN: 2}


@dataclass(frozen=True)
class PeriodArgs:
    period: PeriodKind | None


def _kind(args: PeriodArgs) -> PeriodKind:
    return args.period or PeriodKind.MONTH


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


def show(ctx: Context, args: PeriodArgs) -> Reply:
    """The network's figures for this month, quarter or year so far, with the chart."""
    t = ctx.t
    network = ctx.network
    digest.ensure_scheduled(ctx.uow, network, ctx.now)
    period = current_period(_kind(args), ctx.now, network.timezone)
    chart = stats_report.chart_meanwhile(ctx, period)  # drawn while the figures are read
    figures = ctx.uow.stats.figures(network.id, period.start, period.end)
    givers = ctx.uow.stats.top_givers(network.id, period.start, period.end, TOP_GIVERS)
    fields = stats_report.network_fields(ctx, figures, givers)
    fields += meeting_figures.stats_fields(ctx, period.start, period.end)
    footer = t("stats.footer", stats=f"/{ctx.typed('stats')}")
    if ctx.actor.is_admin:
        fields += meets_effect.fields(ctx, period.start, period.end)
        footer += "\n" + t("stats.footer_admin", stats=f"/{ctx.typed('stats')}")
    drawn = chart()
    return Reply(
        title=t("stats.title", period=stats_report.period_label(ctx, period), network=network.name),
        fields=tuple(fields),
        footer=footer,
        files=(drawn,) if drawn else (),
    )


def me(ctx: Context, args: PeriodArgs) -> Reply:
    """My figures for the period, my activity light, and my chart."""
    t = ctx.t
    network = ctx.network
    digest.ensure_scheduled(ctx.uow, network, ctx.now)
    period = current_period(_kind(args), ctx.now, network.timezone)
    me = ctx.actor
    chart = stats_report.chart_meanwhile(ctx, period, me.id)  # drawn while the figures are read
    figures = ctx.uow.stats.figures(network.id, period.start, period.end, me.id)
    window = stats_report.window(ctx)
    activity = ctx.uow.stats.activity(network.id, window, me.id).get(me.id, Activity(me.id))
    judged = verdict(activity, expected_given(me.joined_at, window))
    fields = stats_report.member_fields(ctx, figures)
    fields.append(Field(t("stats.light"), stats_report.light_text(ctx, activity, judged)))
    fields.extend(reciprocity.fields(ctx))
    fields += engagement_report.member_fields(ctx, me)
    drawn = chart()
    return Reply(
        title=t(
            "stats.title_me", period=stats_report.period_label(ctx, period), name=me.display_name
        ),
        fields=tuple(fields),
        footer=t("stats.light_rule"),
        files=(drawn,) if drawn else (),
    )


def activity(ctx: Context, args: NoArgs) -> Reply:
    """The activity lights over six months: everyone's for admins, my own for members."""
    t = ctx.t
    if not ctx.actor.is_admin:
        return me_light(ctx)
    lights = _lights(ctx)
    lines = [t("stats.light_line", name=m.display_name, text=text) for m, _, _, text in lights]
    footer = [_light_counts(ctx, (light for _, _, light, _ in lights)), t("stats.light_rule")]
    if len(lines) > LIGHT_LINES:
        footer.insert(1, t("stats.lights_more", count=len(lines) - LIGHT_LINES))
    engaged = engagement_report.network_lines(ctx)
    lines = [
        *lines[:LIGHT_LINES],
        t("engagement.title", months=ctx.network.engagement_months),
        *engaged[:LIGHT_LINES],
    ]
    return Reply(
        title=t("stats.lights_title", network=ctx.network.name),
        lines=tuple(lines),
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


def referrals_csv(ctx: Context, lines: list[LedgerLine]) -> bytes:
    """Every referral as a CSV file (local times, formulas defused), for the treasurer."""
    sheet = ledger_files.referral_sheet(ctx.t, lines, ctx.network.currency)
    return ledger_files.csv_file(ctx.t, ZoneInfo(ctx.network.timezone), sheet)


def export(ctx: Context, args: NoArgs) -> Reply:
    """For the treasurer: every referral and the commission ledger, as two CSV files and one
    workbook holding both."""
    ctx.require_admin()
    network, t = ctx.network, ctx.t
    zone = ZoneInfo(network.timezone)
    lines = ctx.uow.stats.ledger(network.id)
    referrals = ledger_files.referral_sheet(t, lines, network.currency)
    ledger = ledger_files.ledger_sheet(t, lines, network.currency)
    ctx.uow.audit.add(AuditEntry(network.id, ctx.actor.id, ctx.now, "export.ledger"))
    stamp = ctx.local(ctx.now, "%Y%m%d")
    csv_mime, xlsx_mime = ledger_files.CSV_MIME, ledger_files.XLSX_MIME
    return Reply(
        text=t("stats.exported", referrals=len(referrals.rows), commissions=len(ledger.rows)),
        files=(
            Attachment(
                f"apport-referrals-{stamp}.csv", ledger_files.csv_file(t, zone, referrals), csv_mime
            ),
            Attachment(
                f"apport-commissions-{stamp}.csv", ledger_files.csv_file(t, zone, ledger), csv_mime
            ),
            Attachment(
                f"apport-ledger-{stamp}.xlsx",
                ledger_files.workbook(t, zone, (referrals, ledger)),
                xlsx_mime,
            ),
        ),
    )


PERIODS = tuple(kind.value for kind in PeriodKind)


def _period() -> Param:
    return Param("period", K.CHOICE, required=False, choices=PERIODS, enum=PeriodKind)


STATS = Command(
    "stats",
    (
        Verb("", (_period(),), handler=show, args=PeriodArgs),
        Verb("me", (_period(),), handler=me, args=PeriodArgs),
        Verb("activity", handler=activity),
        Verb("export", admin_only=True, handler=export),
        Verb("pairs", admin_only=True, handler=meets_effect.pairs),
    ),
)

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (STATS,)
