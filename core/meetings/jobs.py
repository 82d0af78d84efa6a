"""The meeting's jobs (core/jobs.py): the agenda the day before, the check-in at the start,
the closing of the check-in window. Each runs once per meeting (its outbox row is claimed
by one dispatcher, and what it writes commits with its mark), and each reads the meeting as
it is when it falls due: a cancelled meeting gets no check-in."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.charter.default_text import SECTION_KEYS
from core.meetings import absences, calendar, visitors
from core.meetings.model import Attendance, Mark
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ui import Action, Field, Reply, Style

CHECKIN_NOTICE = "meeting.checkin_button"


def _starts(item: OutboxItem) -> datetime:
    return datetime.fromisoformat(str(item.payload["at"]))


def _rule_of_the_week(ctx: Context, starts: datetime) -> str:
    current = ctx.uow.charters.current(ctx.network.id)
    if current is None:
        return ""
    sections = current.sections(ctx.network.locale)
    rules = [
        line.strip()
        for key in SECTION_KEYS
        for line in sections.get(key, "").splitlines()
        if line.strip()
    ]
    if not rules:
        return ""
    return rules[starts.isocalendar().week % len(rules)]


def agenda(ctx: Context, item: OutboxItem) -> tuple[str, Reply] | None:
    """The day before: hosts reminded, the check-in scheduled, the agenda posted."""
    network = ctx.network
    starts = _starts(item)
    calendar.schedule_next(ctx.uow, network, starts + timedelta(minutes=1))
    if calendar.weekly(network) is None:
        return None
    meeting = calendar.ensure(ctx, starts)
    if meeting.cancelled:
        return None
    if not calendar.schedule_after(ctx.uow, network, calendar.CHECKIN, starts, starts):
        return None  # this meeting's agenda already ran (the schedule was set twice at once)
    visitors.remind_hosts(ctx, starts)
    if not network.announcements_channel:
        return None
    t = ctx.t
    marks = ctx.uow.meetings.marks(network.id, meeting.id)
    excused = [ctx.name(m) for m, a in marks.items() if a.mark in (Mark.ABSENT, Mark.MEDICAL)]
    fields = [
        Field(t("meeting.place"), meeting.place or network.meeting_place or "-"),
        Field(t("meeting.visitors"), "\n".join(visitors.expected_lines(ctx, starts)) or "-"),
        Field(t("meeting.excused"), ", ".join(excused) or "-"),
    ]
    rule = _rule_of_the_week(ctx, starts)
    if rule:
        fields.append(Field(t("meeting.rule_of_the_week"), rule))
    return network.announcements_channel, Reply(
        title=t("meeting.agenda_title", when=calendar.when(ctx, starts)),
        fields=tuple(fields),
        footer=t("meeting.agenda_footer", meeting=f"/{ctx.typed('meeting')}"),
    )


def checkin(ctx: Context, item: OutboxItem) -> None:
    """At the start: every member not excused gets the "I'm here" button."""
    network = ctx.network
    starts = _starts(item)
    meeting = calendar.ensure(ctx, starts)
    if meeting.cancelled or meeting.closed:
        return
    calendar.schedule_after(
        ctx.uow,
        network,
        calendar.CLOSE,
        starts + timedelta(minutes=network.checkin_minutes),
        starts,
    )
    marks = ctx.uow.meetings.marks(network.id, meeting.id)
    t = ctx.t
    day = ctx.local(starts, "%Y-%m-%d")
    button = Reply(
        text=t(
            "meeting.checkin_prompt",
            when=calendar.when(ctx, starts),
            minutes=network.checkin_minutes,
        ),
        actions=(
            Action(t("action.meeting_here"), "meeting", f"here {day}", Style.PRIMARY),
            Action(t("action.meeting_late"), "meeting", f"late {day}"),
        ),
    )
    for member in ctx.uow.members.all(network.id):
        if member.id in marks or (member.joined_at is not None and member.joined_at > starts):
            continue
        ctx.notify(member.id, button, kind=CHECKIN_NOTICE)


def close(ctx: Context, item: OutboxItem) -> None:
    """After the window: who did not answer is absent; the absence rule is read; the hosts
    of the day's visitors are asked how it went. A second run finds the meeting closed."""
    network = ctx.network
    starts = _starts(item)
    meeting = ctx.uow.meetings.at(network.id, starts, lock=True)
    if meeting is None or meeting.cancelled or meeting.closed:
        return
    meeting.closed = True
    ctx.uow.meetings.update(meeting)
    for member in ctx.uow.members.all(network.id):
        if member.joined_at is not None and member.joined_at > starts:
            continue
        ctx.uow.meetings.mark(
            network.id,
            Attendance(meeting.id, member.id, Mark.ABSENT, ctx.now),
            only_if_unmarked=True,
        )
    marks = ctx.uow.meetings.marks(network.id, meeting.id)
    for member in ctx.uow.members.all(network.id):
        found = marks.get(member.id)
        if found is not None and absences.counts_against(found.mark):
            absences.after_absence(ctx, member, ctx.now)
    visitors.ask_hosts(ctx, starts)
