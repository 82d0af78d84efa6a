"""The absence rule: `absences-allowed` per `absence-window-months`, medical absences and
substitutes aside. The member gets a friendly word one absence before the limit; the admins
are told when it is reached. Each step is taken when an absence at a held meeting makes the
count reach it, so it is said once."""

from __future__ import annotations

from datetime import datetime

from core.meetings.model import AbsenceStep, Mark, absence_step, counted_absences, months_ago
from core.shared.context import Context
from core.shared.tenancy import Member
from core.shared.ui import Reply

NOTICE = "meeting.absences"


def count(ctx: Context, member_id: int, now: datetime) -> int:
    since = months_ago(now, ctx.network.absence_window_months)
    marks = ctx.uow.meetings.marks_of(ctx.network.id, member_id, since)
    return counted_absences(((at, a.mark) for at, a in marks if at <= now), since)


def after_absence(ctx: Context, member: Member, now: datetime) -> None:
    """One more counted absence was just recorded for `member` (at a meeting up to `now`)."""
    after = count(ctx, member.id, now)
    allowed = ctx.network.absences_allowed
    step = absence_step(after - 1, after, allowed)
    t = ctx.t
    if step is AbsenceStep.WARN:
        ctx.notify(
            member.id,
            Reply(
                text=t(
                    "meeting.absence_warning",
                    count=after,
                    allowed=allowed,
                    months=ctx.network.absence_window_months,
                )
            ),
            kind=NOTICE,
        )
    elif step is AbsenceStep.REACHED:
        notice = Reply(
            text=t(
                "meeting.absence_limit_admins",
                member=member.display_name,
                count=after,
                months=ctx.network.absence_window_months,
            )
        )
        for admin in ctx.uow.members.all(ctx.network.id):
            if admin.is_admin:
                ctx.notify(admin.id, notice, kind=NOTICE)


def counts_against(mark: Mark | None) -> bool:
    return mark is Mark.ABSENT
