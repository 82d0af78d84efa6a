"""`/meeting`: the club's weekly meeting, who comes, who is excused, who stands in.

Marks are stored the moment they are given: a check-in pressed during the window is kept
whatever happens to the process afterwards, and the closing job only fills in those who did
not answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.meetings import absences, calendar
from core.meetings.model import MARK_WORDS, Attendance, Mark, checkin_open
from core.meetings.posts import post
from core.meetings.visitors import expected_lines
from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import Command, Param, Verb
from core.shared.errors import InvalidValue
from core.shared.schedule import parse_weekly
from core.shared.tenancy import Member, Role
from core.shared.text import check_length
from core.shared.ui import Field, Reply
from core.shared.ui import InputKind as K

MAX_NAME = 200
_LEAD_WORDS = ("weekly", "every", "each", "hebdo", "hebdomadaire", "chaque", "tous", "les", "le")


def _mark_word(text: str) -> Mark:
    found = MARK_WORDS.get(text.strip().lower())
    if found is None:
        raise InvalidValue(
            "error.invalid_choice", value=text, choices=", ".join(m.value for m in Mark)
        )
    return found


@dataclass(frozen=True)
class DateArgs:
    date: str


@dataclass(frozen=True)
class ReasonArgs:
    date: str
    reason: str


@dataclass(frozen=True)
class ScheduleArgs:
    when: str
    place: str


@dataclass(frozen=True)
class SubstituteArgs:
    who: str
    profession: str


@dataclass(frozen=True)
class MarkArgs:
    member: Member
    mark: Mark
    date: str


def _is_secretary(ctx: Context) -> bool:
    return Role.SECRETARY in ctx.actor.roles


def show(ctx: Context, args: DateArgs) -> Reply:
    """The next meeting (or the one named): when, where, who is expected, who is excused."""
    t = ctx.t
    if calendar.weekly(ctx.network) is None:
        return Reply(text=t("meeting.none", schedule=f"/{ctx.typed('meeting')} schedule"))
    starts = calendar.meeting_on(ctx, args.date)
    meeting = ctx.uow.meetings.at(ctx.network.id, starts)
    marks = ctx.uow.meetings.marks(ctx.network.id, meeting.id) if meeting else {}
    members = ctx.uow.members.all(ctx.network.id)
    excused, substitutes, present, expected = [], [], [], []
    for member in members:
        found = marks.get(member.id)
        if found is None:
            expected.append(member.display_name)
        elif found.mark in (Mark.ABSENT, Mark.MEDICAL):
            excused.append(member.display_name)
        elif found.mark is Mark.SUBSTITUTE:
            substitutes.append(
                t(
                    "meeting.substitute_line",
                    member=member.display_name,
                    name=found.substitute_name,
                    profession=found.substitute_profession or "-",
                )
            )
        else:
            present.append(member.display_name)
    place = (meeting.place if meeting else "") or ctx.network.meeting_place or "-"
    fields = [Field(t("meeting.place"), place)]
    if meeting is not None and meeting.cancelled:
        fields.append(Field(t("meeting.cancelled"), meeting.cancel_reason or "-"))
    fields += [
        Field(t("meeting.expected"), ", ".join(expected) or "-"),
        Field(t("meeting.present"), ", ".join(present) or "-"),
        Field(t("meeting.excused"), ", ".join(excused) or "-"),
        Field(t("meeting.substitutes"), "\n".join(substitutes) or "-"),
        Field(t("meeting.visitors"), "\n".join(expected_lines(ctx, starts)) or "-"),
    ]
    return Reply(
        title=t("meeting.title", when=calendar.when(ctx, starts)),
        fields=tuple(fields),
        footer=t("meeting.footer", meeting=f"/{ctx.typed('meeting')}"),
    )


def schedule(ctx: Context, args: ScheduleArgs) -> Reply:
    """`/meeting schedule weekly thu 07:30 | place`: the weekly meeting (`off` stops it)."""
    words = args.when.strip().split()
    while words and words[0].lower() in _LEAD_WORDS:
        words = words[1:]
    found = parse_weekly(" ".join(words))
    place = check_length(" ".join(args.place.split()), ctx.t("param.place"), "place")
    ctx.network.meeting_schedule = str(found) if found else "off"
    if place or found is None:
        ctx.network.meeting_place = place
    ctx.uow.networks.update(ctx.network)
    calendar.schedule_next(ctx.uow, ctx.network, ctx.now)
    ctx.uow.audit.add(
        AuditEntry(
            ctx.network.id,
            ctx.actor.id,
            ctx.now,
            "meeting.schedule",
            f"{ctx.network.meeting_schedule} | {ctx.network.meeting_place}",
        )
    )
    if found is None:
        return Reply(text=ctx.t("meeting.schedule_off"))
    starts = calendar.next_meeting(ctx)
    return Reply(
        text=ctx.t(
            "meeting.scheduled",
            day=ctx.t(f"meeting.weekday.{found.weekday}"),
            time=f"{found.at:%H:%M}",
            place=ctx.network.meeting_place or "-",
            next=calendar.when(ctx, starts),
        )
    )


def cancel(ctx: Context, args: ReasonArgs) -> Reply:
    """`/meeting cancel DATE | reason`: no meeting that day (holidays); nobody is marked."""
    starts = calendar.meeting_on(ctx, args.date, ahead=True)
    reason = check_length(args.reason.strip(), ctx.t("param.reason"), "reason")
    meeting = ctx.uow.meetings.at(ctx.network.id, starts, lock=True) or calendar.ensure(ctx, starts)
    if meeting.cancelled:
        return Reply(text=ctx.t("meeting.already_cancelled", when=calendar.when(ctx, starts)))
    meeting.cancelled, meeting.cancel_reason = True, reason
    ctx.uow.meetings.update(meeting)
    ctx.uow.outbox.cancel(
        ctx.network.id, calendar.subject_of(starts), (calendar.CHECKIN, calendar.CLOSE)
    )
    ctx.uow.audit.add(
        AuditEntry(
            ctx.network.id,
            ctx.actor.id,
            ctx.now,
            "meeting.cancel",
            f"{ctx.moment(starts)} {reason}",
        )
    )
    channel = ctx.network.announcements_channel
    if channel:
        post(
            ctx,
            channel,
            Reply(
                text=ctx.t(
                    "meeting.cancelled_post", when=calendar.when(ctx, starts), reason=reason or "-"
                )
            ),
            "meeting.post",
        )
    return Reply(text=ctx.t("meeting.cancelled_done", when=calendar.when(ctx, starts)))


def _store(
    ctx: Context,
    starts: datetime,
    mark: Mark,
    reason: str = "",
    name: str = "",
    profession: str = "",
    member: Member | None = None,
) -> Attendance:
    meeting = calendar.ensure(ctx, starts)
    if meeting.cancelled:
        raise InvalidValue("error.meeting_cancelled", when=calendar.when(ctx, starts))
    who = member or ctx.actor
    previous = ctx.uow.meetings.marks(ctx.network.id, meeting.id).get(who.id)
    attendance = Attendance(
        meeting.id,
        who.id,
        mark,
        ctx.now,
        reason,
        name,
        profession,
        by_id=ctx.actor.id if who.id != ctx.actor.id else None,
    )
    ctx.uow.meetings.mark(ctx.network.id, attendance)
    if (
        meeting.closed
        and mark is Mark.ABSENT
        and (previous is None or previous.mark is not Mark.ABSENT)
    ):
        absences.after_absence(ctx, who, ctx.now)
    return attendance


def here(ctx: Context, args: DateArgs) -> Reply:
    """The "I'm here" button: open from the meeting's start for `checkin-minutes`."""
    starts = calendar.meeting_on(ctx, args.date)
    meeting = calendar.ensure(ctx, starts)
    if not checkin_open(meeting, ctx.now, ctx.network.checkin_minutes):
        raise InvalidValue(
            "error.checkin_closed",
            when=calendar.when(ctx, starts),
            minutes=ctx.network.checkin_minutes,
        )
    _store(ctx, starts, Mark.PRESENT)
    return Reply(text=ctx.t("meeting.checked_in", when=calendar.when(ctx, starts)))


def late(ctx: Context, args: DateArgs) -> Reply:
    starts = calendar.meeting_on(ctx, args.date, ahead=True)
    _store(ctx, starts, Mark.LATE)
    return Reply(text=ctx.t("meeting.late_noted", when=calendar.when(ctx, starts)))


def absent(ctx: Context, args: ReasonArgs) -> Reply:
    starts = calendar.meeting_on(ctx, args.date, ahead=True)
    reason = check_length(args.reason.strip(), ctx.t("param.reason"), "reason")
    _store(ctx, starts, Mark.ABSENT, reason)
    count = absences.count(ctx, ctx.actor.id, ctx.now)
    return Reply(
        text=ctx.t("meeting.absent_noted", when=calendar.when(ctx, starts)),
        footer=ctx.t(
            "meeting.absences_so_far",
            count=count,
            allowed=ctx.network.absences_allowed,
            months=ctx.network.absence_window_months,
            substitute=f"/{ctx.typed('meeting')} substitute",
        ),
    )


def medical(ctx: Context, args: ReasonArgs) -> Reply:
    starts = calendar.meeting_on(ctx, args.date, ahead=True)
    reason = check_length(args.reason.strip(), ctx.t("param.reason"), "reason")
    _store(ctx, starts, Mark.MEDICAL, reason)
    return Reply(text=ctx.t("meeting.medical_noted", when=calendar.when(ctx, starts)))


def _split_day(ctx: Context, text: str) -> tuple[datetime, str]:
    """`2025-03-06 Jean Dupont`, `jeudi Jean Dupont`, `6 mars Jean Dupont`: the meeting, the
    name. A name alone is for the next meeting."""
    words = text.split()
    for taken in (3, 2, 1):
        if len(words) > taken:
            try:
                starts = calendar.meeting_on(ctx, " ".join(words[:taken]), ahead=True)
            except InvalidValue as refused:
                if refused.key in ("error.meeting_not_that_day", "error.meeting_over"):
                    raise
                continue
            return starts, " ".join(words[taken:])
    return calendar.next_meeting(ctx), " ".join(words)


def substitute(ctx: Context, args: SubstituteArgs) -> Reply:
    """`/meeting substitute DATE Name | profession`: someone stands in; it counts as presence."""
    starts, name = _split_day(ctx, args.who)
    if not name:
        raise InvalidValue("error.substitute_name", concerns="who")
    if len(name) > MAX_NAME:
        raise InvalidValue("error.meeting_text_long", limit=MAX_NAME, concerns="who")
    profession = " ".join(args.profession.split())
    if len(profession) > MAX_NAME:
        raise InvalidValue("error.meeting_text_long", limit=MAX_NAME, concerns="profession")
    _store(ctx, starts, Mark.SUBSTITUTE, name=name, profession=profession)
    return Reply(text=ctx.t("meeting.substitute_noted", name=name, when=calendar.when(ctx, starts)))


def mark(ctx: Context, args: MarkArgs) -> Reply:
    """`/meeting DATE mark @member present|absent|late|medical|substitute` (admins, secretary)."""
    starts = calendar.meeting_on(ctx, args.date)
    if starts > ctx.now and args.mark in (Mark.PRESENT, Mark.LATE):
        raise InvalidValue("error.meeting_not_yet", when=calendar.when(ctx, starts))
    _store(ctx, starts, args.mark, member=args.member)
    ctx.uow.audit.add(
        AuditEntry(
            ctx.network.id,
            ctx.actor.id,
            ctx.now,
            "meeting.mark",
            f"{ctx.moment(starts)} {args.member.display_name}: {args.mark.value}",
        )
    )
    return Reply(
        text=ctx.t(
            "meeting.marked",
            member=args.member.display_name,
            mark=ctx.t(f"meeting.mark.{args.mark.value}"),
            when=calendar.when(ctx, starts),
        )
    )


def _date(required: bool = False) -> Param:
    return Param("date", K.TEXT, required=required)


MEETING = Command(
    "meeting",
    (
        Verb("", (Param("date", K.TEXT, required=False, rest=True),), handler=show, args=DateArgs),
        Verb(
            "schedule",
            (Param("when", K.TEXT), Param("place", K.TEXT, required=False)),
            admin_only=True,
            pipe=True,
            handler=schedule,
            args=ScheduleArgs,
        ),
        Verb(
            "cancel",
            (_date(True), Param("reason", K.LONG_TEXT, required=False)),
            admin_only=True,
            pipe=True,
            handler=cancel,
            args=ReasonArgs,
        ),
        Verb(
            "here", (Param("date", K.TEXT, required=False, rest=True),), handler=here, args=DateArgs
        ),
        Verb(
            "late", (Param("date", K.TEXT, required=False, rest=True),), handler=late, args=DateArgs
        ),
        Verb(
            "absent",
            (_date(), Param("reason", K.LONG_TEXT, required=False)),
            pipe=True,
            handler=absent,
            args=ReasonArgs,
        ),
        Verb(
            "medical",
            (_date(), Param("reason", K.LONG_TEXT, required=False)),
            pipe=True,
            handler=medical,
            args=ReasonArgs,
        ),
        Verb(
            "substitute",
            (Param("who", K.TEXT), Param("profession", K.TEXT, required=False)),
            pipe=True,
            handler=substitute,
            args=SubstituteArgs,
        ),
        Verb(
            "mark",
            (
                Param("member", K.MEMBER),
                Param("mark", K.CHOICE, choices=tuple(Mark), read=_mark_word),
                Param("date", K.TEXT, required=False, rest=True),
            ),
            admin_only=True,
            also_allowed=_is_secretary,
            follows_word=True,
            handler=mark,
            args=MarkArgs,
        ),
    ),
)

COMMANDS = (MEETING,)
