"""The engagement light read from the network: each indicator loads what it needs for the
whole network once, then judges one member at a time.

Adding an indicator is one line in `INDICATORS`: a function `(ctx, window) -> judge`, where
the judge turns a member into a `Reading` (its message is `engagement.<name>` in the
catalogs, filled with `value` and `goal`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.meetings import engagement
from core.meetings.engagement import Engagement, Inputs, Met, Reading
from core.meetings.model import months_ago
from core.shared.context import Context
from core.shared.tenancy import Member
from core.shared.ui import Field
from core.stats.model import Activity, ActivityWindow


@dataclass(frozen=True)
class Window:
    since: datetime
    now: datetime
    months: int

    def months_of(self, member: Member) -> float:
        """How many months of the window the member was a member."""
        start = max(self.since, member.joined_at or self.since)
        return max((self.now - start).days / 30.44, 0.0)


Judge = Callable[[Member], Reading]
Indicator = Callable[[Context, Window], Judge]


def attendance(ctx: Context, window: Window) -> Judge:
    counts = ctx.uow.meetings.attendance(ctx.network.id, window.since, window.now)
    weight = ctx.network.weight_attendance

    def judge(member: Member) -> Reading:
        held, came = counts.get(member.id, (0, 0))
        return engagement.attendance(Inputs(window.months_of(member), held, came), weight)

    return judge


def _activities(ctx: Context, window: Window) -> dict[int, Activity]:
    span = ActivityWindow(window.since, window.now, window.now, window.now)
    return ctx.uow.stats.activity(ctx.network.id, span)


def referrals(ctx: Context, window: Window) -> Judge:
    activities = _activities(ctx, window)
    weight = ctx.network.weight_referrals

    def judge(member: Member) -> Reading:
        found = activities.get(member.id, Activity(member.id))
        return engagement.referrals(Inputs(window.months_of(member), given=found.given), weight)

    return judge


def visitors(ctx: Context, window: Window) -> Judge:
    counts = ctx.uow.visitors.counts(ctx.network.id, window.since, window.now)
    weight = ctx.network.weight_visitors

    def judge(member: Member) -> Reading:
        inputs = Inputs(window.months_of(member), visitors=counts.get(member.id, 0))
        return engagement.visitors(inputs, weight)

    return judge


def quality(ctx: Context, window: Window) -> Judge:
    activities = _activities(ctx, window)
    weight = ctx.network.weight_quality

    def judge(member: Member) -> Reading:
        found = activities.get(member.id, Activity(member.id))
        inputs = Inputs(
            window.months_of(member), quality=found.feedback, quality_count=found.feedback_count
        )
        return engagement.quality(inputs, weight)

    return judge


INDICATORS: tuple[Indicator, ...] = (attendance, referrals, visitors, quality)


def window_of(ctx: Context) -> Window:
    months = ctx.network.engagement_months
    return Window(months_ago(ctx.now, months), ctx.now, months)


def is_new(ctx: Context, member: Member) -> bool:
    joined = member.joined_at
    return joined is not None and ctx.now - joined < timedelta(days=ctx.network.grace_days)


def judges(ctx: Context) -> list[Judge]:
    window = window_of(ctx)
    return [indicator(ctx, window) for indicator in INDICATORS]


def readings(found: list[Judge], member: Member) -> list[Reading]:
    return [judge(member) for judge in found]


_MARK = {Met.YES: "✓", Met.PARTLY: "~", Met.NO: "✗"}


def reading_text(ctx: Context, reading: Reading) -> str:
    t = ctx.t
    if reading.met is None:
        return t(f"engagement.{reading.name}.none")
    shown = t(f"engagement.{reading.name}", value=_number(ctx, reading), goal=_goal(ctx, reading))
    return f"{shown} {_MARK[reading.met]}"


def _number(ctx: Context, reading: Reading) -> str:
    if reading.name == "attendance":
        return f"{round(reading.value * 100)}%"
    value = round(reading.value, 1)
    text = f"{value:g}"
    return text.replace(".", ",") if ctx.network.locale == "fr" else text


def _goal(ctx: Context, reading: Reading) -> str:
    if reading.name == "attendance":
        return f"{round(reading.goal * 100)}%"
    return f"{reading.goal:g}"


def light_name(ctx: Context, light: Engagement) -> str:
    return ctx.t(f"engagement.light.{light.value}")


def member_fields(ctx: Context, member: Member) -> list[Field]:
    """`/stats me`: my engagement light, explained line by line."""
    found = readings(judges(ctx), member)
    light = engagement.light(found, is_new(ctx, member))
    explained = ", ".join(reading_text(ctx, r) for r in found)
    return [
        Field(
            ctx.t("engagement.title", months=ctx.network.engagement_months),
            f"{light_name(ctx, light)}: {explained}",
        ),
    ]


def network_lines(ctx: Context) -> list[str]:
    """`/stats activity` for admins: everyone's engagement light, reds first."""
    found = judges(ctx)
    order = {Engagement.RED: 0, Engagement.AMBER: 1, Engagement.GREEN: 2, Engagement.GREY: 3}
    rows = []
    for member in ctx.uow.members.all(ctx.network.id):
        member_readings = readings(found, member)
        light = engagement.light(member_readings, is_new(ctx, member))
        explained = ", ".join(reading_text(ctx, r) for r in member_readings)
        rows.append(
            (
                order[light],
                member.display_name.casefold(),
                ctx.t(
                    "engagement.line",
                    name=member.display_name,
                    light=light_name(ctx, light),
                    text=explained,
                ),
            )
        )
    return [line for _, _, line in sorted(rows)]
