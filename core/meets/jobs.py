"""A one-to-one's scheduled jobs: reminders before it, the questions after it, the recall.

Each is an outbox row about the one-to-one (`meet:ID`), written when it is booked or said to
have happened, and checked against the one-to-one as it is when it falls due: a reminder of a
time that moved, or a question about a one-to-one someone already confirmed, does nothing.
Every notice a job queues has a key of its own, so a job that runs twice tells once.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from core.meets import cards
from core.meets.model import (
    DAY_BEFORE,
    DROP_AFTER,
    FIRST_CHECK,
    HOUR_BEFORE,
    RECALL_AFTER,
    SECOND_CHECK,
    Meet,
    MeetState,
)
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ui import Reply
from core.shared.ui_codec import encode_reply

REMIND = "meet.remind"
CHECK = "meet.check"
RECALL = "meet.recall"
NOTICE = "meet.notice"


def subject(meet: Meet) -> str:
    return f"meet:{meet.id}"


def _stamp(moment: datetime) -> str:
    return moment.isoformat()


def cancel(ctx: Context, meet: Meet) -> None:
    """Its reminders and questions are no longer due (it moved, was declined or happened)."""
    ctx.uow.outbox.cancel(ctx.network.id, subject(meet), (REMIND, CHECK))


def schedule_reminders(ctx: Context, meet: Meet) -> None:
    """Booked: a reminder the day before and an hour before, then whether it happened."""
    if meet.at is None:
        return
    cancel(ctx, meet)
    # Each booking's rows have keys of their own: a time booked again after a move is
    # reminded again.
    booking = uuid.uuid4().hex[:12]
    for which, before in (("day", DAY_BEFORE), ("hour", HOUR_BEFORE)):
        due = meet.at - before
        if due > ctx.now:
            _job(ctx, meet, REMIND, due, {"which": which}, f"{booking}:{which}")
    _job(
        ctx,
        meet,
        CHECK,
        meet.at + FIRST_CHECK,
        {"asked": 0, "booking": booking},
        f"{booking}:check0",
    )


def _job(
    ctx: Context, meet: Meet, kind: str, due: datetime, payload: dict[str, object], key: str
) -> None:
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            kind,
            due,
            {"meet": meet.number, "at": _stamp(meet.at) if meet.at else "", **payload},
            key=f"{subject(meet)}:{key}",
            subject=subject(meet),
        )
    )


def _tell(ctx: Context, member_id: int, reply: Reply, key: str) -> None:
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            NOTICE,
            ctx.now,
            {"reply": encode_reply(reply)},
            member_id=member_id,
            key=key,
        )
    )


def _current(ctx: Context, item: OutboxItem) -> Meet | None:
    """The one-to-one the row is about, when it is still booked at the row's time."""
    meet = ctx.uow.meets.get(ctx.network.id, int(item.payload["meet"]))
    if meet is None or meet.at is None or _stamp(meet.at) != item.payload.get("at"):
        return None
    return meet


def remind(ctx: Context, item: OutboxItem) -> None:
    """The day before, and an hour before: both members are reminded."""
    meet = _current(ctx, item)
    if meet is None or meet.state is not MeetState.ACCEPTED or meet.at is None:
        return
    if meet.at <= ctx.now:
        return  # its time came while the reminder waited: the question after it follows
    key = "meet.reminder.day" if item.payload.get("which") == "day" else "meet.reminder.hour"
    for member in meet.members:
        text = ctx.t(
            key,
            number=meet.number,
            name=ctx.name(meet.other(member)),
            when=cards.when_text(ctx, meet),
            where=cards.where_text(ctx, meet),
        )
        _tell(ctx, member, cards.card(ctx, meet, member, text), f"{item.key}:{member}")


def check(ctx: Context, item: OutboxItem) -> None:
    """After the time: did it happen? Asked twice; still unconfirmed, it is dropped."""
    meet = _current(ctx, item)
    if meet is None or meet.state is not MeetState.ACCEPTED or meet.at is None:
        return
    asked = int(item.payload.get("asked", 0))
    if asked >= 2:
        meet.drop()
        ctx.uow.meets.update(meet)
        return
    for member in meet.members:
        text = ctx.t(
            "meet.check" if asked == 0 else "meet.check_again",
            number=meet.number,
            name=ctx.name(meet.other(member)),
            meet=f"/{ctx.typed('meet')}",
        )
        _tell(ctx, member, cards.card(ctx, meet, member, text), f"{item.key}:{member}")
    after = SECOND_CHECK if asked == 0 else DROP_AFTER - SECOND_CHECK
    due = max(item.due_at, ctx.now) + after
    booking = str(item.payload.get("booking", ""))
    _job(
        ctx,
        meet,
        CHECK,
        due,
        {"asked": asked + 1, "booking": booking},
        f"{booking}:check{asked + 1}",
    )


def schedule_recall(ctx: Context, meet: Meet, member_id: int) -> None:
    """A while after it happened, its author is reminded of the other member's ideal client."""
    if meet.done_at is None:
        return
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            RECALL,
            ctx.now + RECALL_AFTER,
            {"meet": meet.number, "member": member_id},
            key=f"{subject(meet)}:recall:{member_id}",
            subject=subject(meet),
        )
    )


def recall(ctx: Context, item: OutboxItem) -> None:
    """What I noted, and the other member's ideal client from their profile."""
    meet = ctx.uow.meets.get(ctx.network.id, int(item.payload["meet"]))
    member = int(item.payload["member"])
    if meet is None or meet.state is not MeetState.DONE or not meet.is_party(member):
        return
    t = ctx.t
    other = meet.other(member)
    found = ctx.uow.directory.profiles(ctx.network.id, other)
    profile = found[0] if found else None
    lines = []
    note = meet.notes.get(member, "")
    if note:
        lines.append(t("meet.recall.note", note=note))
    if profile is not None and (profile.keywords or profile.pitch):
        ideal = " – ".join(part for part in (profile.keywords, profile.pitch) if part)
        lines.append(t("meet.recall.ideal", name=profile.name, ideal=ideal))
    else:
        lines.append(t("meet.recall.no_profile", name=ctx.name(other)))
    reply = Reply(
        text=t("meet.recall", number=meet.number, name=ctx.name(other)),
        lines=tuple(lines),
        footer=t("meet.recall.refer", refer=f"/{ctx.typed('refer')}", name=ctx.name(other)),
    )
    _tell(ctx, member, reply, f"{item.key}:notice")
