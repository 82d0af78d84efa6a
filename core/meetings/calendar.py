"""Which meeting a member means, and the jobs that follow the weekly schedule.

The schedule is the network's `meeting_schedule` (`thu 07:30`). The agenda job runs the day
before each meeting; it schedules the check-in at the meeting's start and the next agenda, so
the whole calendar lives in the outbox and survives restarts.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from core.meetings.dates import is_weekday, parse_day
from core.meetings.model import Meeting
from core.shared.context import Context
from core.shared.errors import InvalidValue
from core.shared.outbox import OutboxItem
from core.shared.ports import UnitOfWork
from core.shared.schedule import Weekly, parse_weekly
from core.shared.tenancy import Network

AGENDA = "meeting.agenda"
CHECKIN = "meeting.checkin"
CLOSE = "meeting.close"
SUBJECT = "meeting-schedule"
AGENDA_BEFORE = timedelta(days=1)


def weekly(network: Network) -> Weekly | None:
    return parse_weekly(network.meeting_schedule)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def subject_of(starts_at: datetime) -> str:
    return f"meeting:{starts_at:%Y-%m-%dT%H:%M}"


def schedule_next(uow: UnitOfWork, network: Network, after: datetime) -> None:
    """Replace the pending agenda with the one for the first meeting whose agenda is still
    ahead (a meeting less than a day away gets its agenda at once)."""
    uow.outbox.cancel(network.id, SUBJECT, (AGENDA,))
    found = weekly(network)
    if found is None:
        return
    starts = found.next_after(after, network.timezone)
    due = max(starts - AGENDA_BEFORE, after)
    key = f"{SUBJECT}:{starts:%Y-%m-%dT%H:%M}:{uuid.uuid4().hex[:12]}"
    uow.outbox.add(
        OutboxItem(network.id, AGENDA, due, {"at": iso(starts)}, key=key, subject=SUBJECT)
    )


def schedule_after(
    uow: UnitOfWork, network: Network, kind: str, due: datetime, starts_at: datetime
) -> bool:
    """A check-in or closing job for one meeting: once per meeting (its key); False when it
    was scheduled already."""
    key = f"{kind}:{starts_at:%Y-%m-%dT%H:%M}:{network.meeting_schedule}"
    return uow.outbox.add(
        OutboxItem(
            network.id, kind, due, {"at": iso(starts_at)}, key=key, subject=subject_of(starts_at)
        )
    )


def next_meeting(ctx: Context) -> datetime:
    """The meeting under way (its check-in still open), or the next one."""
    found = _required(ctx)
    window = timedelta(minutes=ctx.network.checkin_minutes)
    return found.next_after(ctx.now - window, ctx.network.timezone)


def _required(ctx: Context) -> Weekly:
    found = weekly(ctx.network)
    if found is None:
        raise InvalidValue("error.meeting_none_scheduled", schedule="/meeting schedule")
    return found


def meeting_on(
    ctx: Context, text: str, ahead: bool = False, upcoming: bool = False
) -> datetime:
    """The start of the meeting `text` names (empty: the next one, or the one under way
    unless `upcoming`). `ahead`: it must not be over (a weekday alone then means the next
    one to come)."""
    found = _required(ctx)
    zone = ZoneInfo(ctx.network.timezone)
    today = ctx.now.astimezone(zone).date()
    day = parse_day(text, today)
    if day is None:
        if upcoming:
            return found.next_after(ctx.now, ctx.network.timezone)
        return next_meeting(ctx)
    if day.weekday() != found.weekday:
        raise InvalidValue(
            "error.meeting_not_that_day",
            value=text,
            day=ctx.t(f"meeting.weekday.{found.weekday}"),
            time=f"{found.at:%H:%M}",
        )
    starts = datetime.combine(day, found.at, zone).astimezone(ZoneInfo("UTC"))
    over = starts + timedelta(minutes=ctx.network.checkin_minutes) <= ctx.now
    if ahead and over:
        if is_weekday(text):
            return starts + timedelta(days=7)
        raise InvalidValue("error.meeting_over", date=ctx.local(starts, "%Y-%m-%d"))
    return starts


def ensure(ctx: Context, starts_at: datetime) -> Meeting:
    return ctx.uow.meetings.ensure(ctx.network.id, starts_at, ctx.network.meeting_place)


def when(ctx: Context, starts_at: datetime) -> str:
    """A meeting's day and time as members read them (`Thursday 6 March, 07:30`)."""
    local = starts_at.astimezone(ZoneInfo(ctx.network.timezone))
    return ctx.t(
        "meeting.when",
        weekday=ctx.t(f"meeting.weekday.{local.weekday()}"),
        day=local.day,
        month=ctx.t(f"meeting.month.{local.month}"),
        time=f"{local:%H:%M}",
    )
