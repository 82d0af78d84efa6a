"""Stats: periods in the network's time, the figures storage computes, and the activity light.

Storage computes every figure with aggregates in the database (see `StatsRepository`); this
module holds what the figures mean and the rules applied to them, written down in
docs/stats.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

ZERO = Decimal("0.00")
CHART_MONTHS = 12
ACTIVITY_MONTHS = 6
TOP_GIVERS = 3
DIGEST_AT = time(9, 0)


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    def plus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def start(self, timezone: str) -> datetime:
        """Midnight on the 1st, in the network's time zone, as UTC."""
        local = datetime(self.year, self.month, 1, tzinfo=ZoneInfo(timezone))
        return local.astimezone(UTC)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @staticmethod
    def of(moment: datetime, timezone: str) -> Month:
        local = moment.astimezone(ZoneInfo(timezone))
        return Month(local.year, local.month)


@dataclass(frozen=True)
class Period:
    """[start, end) in UTC: whole months of the network's calendar."""

    kind: PeriodKind
    first: Month
    months: int
    timezone: str

    @property
    def last(self) -> Month:
        return self.first.plus(self.months - 1)

    @property
    def start(self) -> datetime:
        return self.first.start(self.timezone)

    @property
    def end(self) -> datetime:
        return self.first.plus(self.months).start(self.timezone)


def current_period(kind: PeriodKind, now: datetime, timezone: str) -> Period:
    """The month, quarter or year that `now` falls in (so far), in the network's time."""
    month = Month.of(now, timezone)
    if kind is PeriodKind.MONTH:
        return Period(kind, month, 1, timezone)
    if kind is PeriodKind.QUARTER:
        return Period(kind, Month(month.year, (month.month - 1) // 3 * 3 + 1), 3, timezone)
    return Period(kind, Month(month.year, 1), 12, timezone)


def previous_month(now: datetime, timezone: str) -> Period:
    return Period(PeriodKind.MONTH, Month.of(now, timezone).plus(-1), 1, timezone)


def chart_months(period: Period, created_at: datetime | None) -> list[Month]:
    """The months a chart shows: the twelve up to the period's last month, none before the
    network's first month."""
    last = period.last
    months = [last.plus(-i) for i in range(CHART_MONTHS - 1, -1, -1)]
    if created_at is not None:
        first = Month.of(created_at, period.timezone)
        months = [m for m in months if (m.year, m.month) >= (first.year, first.month)] or [last]
    return months


def month_bounds(months: list[Month], timezone: str) -> list[datetime]:
    """n+1 boundaries (UTC) for n consecutive months."""
    return [m.start(timezone) for m in months] + [months[-1].plus(1).start(timezone)]


def first_working_day(month: Month) -> date:
    day = date(month.year, month.month, 1)
    while day.weekday() >= 5:  # Saturday, Sunday
        day += timedelta(days=1)
    return day


def next_digest(after: datetime, timezone: str) -> datetime:
    """The first working day of a month at 09:00 network time strictly after `after` (UTC)."""
    zone = ZoneInfo(timezone)
    month = Month.of(after, timezone)
    for _ in range(3):
        due = datetime.combine(first_working_day(month), DIGEST_AT, zone).astimezone(UTC)
        if due > after:
            return due
        month = month.plus(1)
    raise AssertionError("unreachable: a month always has a first working day")


@dataclass(frozen=True)
class Figures:
    """A network's (or one member's) figures for a period. See docs/stats.md."""

    given: int = 0
    received: int = 0  # one member's figures: referrals they received
    accepted: int = 0
    won: int = 0
    lost: int = 0
    closed: Decimal = ZERO  # business closed (before tax) on referrals won in the period
    commission_due: Decimal = ZERO  # on those referrals
    commission_paid: Decimal = ZERO  # confirmed paid in the period
    earned_due: Decimal = ZERO  # one member's figures: commissions on referrals they gave
    earned_paid: Decimal = ZERO
    contact_days: float | None = None  # median days from referral to first contact
    contacts: int = 0  # how many first contacts that median is over
    feedback: float | None = None  # average score
    feedback_count: int = 0

    @property
    def conversion(self) -> float | None:
        """Won among the referrals that reached an outcome (won or lost) in the period."""
        decided = self.won + self.lost
        return self.won / decided if decided else None


@dataclass(frozen=True)
class Giver:
    member_id: int
    given: int
    closed: Decimal  # business closed so far on the referrals they gave in the period


@dataclass(frozen=True)
class Activity:
    """What the activity light is computed from, for one member over the last six months."""

    member_id: int
    given: int = 0
    received: int = 0  # referrals received that call for an answer
    answered: int = 0  # of those, accepted or declined
    followups: int = 0  # referrals given whose feedback was asked
    followups_answered: int = 0  # of those, with feedback given
    feedback: float | None = None  # average score received
    feedback_count: int = 0


@dataclass(frozen=True)
class ActivityWindow:
    since: datetime  # six months ago
    now: datetime
    answer_before: datetime  # a referral received after this is not yet expected answered
    feedback_asked_before: datetime  # accepted before this, its feedback was asked


def activity_window(now: datetime, followup_days: int, answer_days: int) -> ActivityWindow:
    return ActivityWindow(
        since=now - timedelta(days=round(ACTIVITY_MONTHS * 30.44)),
        now=now,
        answer_before=now - timedelta(days=answer_days),
        feedback_asked_before=now - timedelta(days=followup_days),
    )


class Light(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


POINTS = {Light.GREEN: 2, Light.AMBER: 1, Light.RED: 0}


def _share(part: int, whole: int, green: float, amber: float) -> Light | None:
    if whole == 0:
        return None
    share = part / whole
    return Light.GREEN if share >= green else Light.AMBER if share >= amber else Light.RED


@dataclass(frozen=True)
class Verdict:
    light: Light
    criteria: dict[str, Light | None] = field(default_factory=dict)
    expected: int = ACTIVITY_MONTHS  # referrals given that make "given" green


def expected_given(joined_at: datetime | None, window: ActivityWindow) -> int:
    """One referral a month of membership in the window: six, fewer for newer members."""
    if joined_at is None or joined_at <= window.since:
        return ACTIVITY_MONTHS
    months = (window.now - joined_at).days // 30 + 1
    return max(1, min(ACTIVITY_MONTHS, months))


def verdict(activity: Activity, expected: int = ACTIVITY_MONTHS) -> Verdict:
    """The traffic light (docs/stats.md): each criterion that applies is green (2 points),
    amber (1) or red (0); the light is green from 1.5 points on average, amber from 0.75, red
    below; a member who gave nothing is never green."""
    given = (
        Light.GREEN
        if activity.given >= expected
        else Light.AMBER
        if activity.given > 0
        else Light.RED
    )
    feedback: Light | None = None
    if activity.feedback_count and activity.feedback is not None:
        feedback = (
            Light.GREEN
            if activity.feedback >= 4
            else Light.AMBER
            if activity.feedback >= 3
            else Light.RED
        )
    criteria: dict[str, Light | None] = {
        "given": given,
        "answers": _share(activity.answered, activity.received, 0.9, 0.5),
        "followups": _share(activity.followups_answered, activity.followups, 0.75, 0.25),
        "feedback": feedback,
    }
    counted = [POINTS[light] for light in criteria.values() if light is not None]
    average = sum(counted) / len(counted)
    light = Light.GREEN if average >= 1.5 else Light.AMBER if average >= 0.75 else Light.RED
    if light is Light.GREEN and activity.given == 0:
        light = Light.AMBER
    return Verdict(light, criteria, expected)


@dataclass(frozen=True)
class LedgerLine:
    """One referral as the treasurer's export shows it."""

    number: int
    created_at: datetime
    referrer: str
    receiver: str
    client: str
    status: str
    estimated_value: Decimal | None
    closed_amount: Decimal | None
    commission_due: Decimal | None
    commission_paid: Decimal | None
    charter_version: int
    won_at: datetime | None
    paid_at: datetime | None
    currency: str = ""  # the referral's own, fixed when it was made
