"""Follow-ups: what a referral's moves schedule, and what each scheduled row says when due.

Rows are written with the change that causes them and cancelled when it is undone; when one
falls due, its composer looks at the referral as it is then, so a reminder about a referral
that has moved on is skipped rather than sent.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from core.referrals.cards import actions_for
from core.referrals.contact import add_months
from core.referrals.feedback import ASK_AGAIN_DAYS
from core.referrals.model import CLOSED_STATUSES, Move, Referral, Status
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ui import Action, Reply, Style

FEEDBACK = "followup.feedback"
UNANSWERED = "reminder.unanswered"
UNANSWERED_REFERRER = "reminder.unanswered_referrer"
REALITY_CHECK = "reminder.reality_check"
ERASE_CONTACT = "retention.contact"
UNANSWERED_DAYS = 3
UNANSWERED_REFERRER_DAYS = 6
REALITY_CHECK_DAYS = 7

# Statuses in which the referrer can say whether the client was served well.
FEEDBACK_STATUSES = frozenset(
    {Status.ACCEPTED, Status.CONTACTED, Status.WON, Status.LOST, Status.PAID}
)


def subject(referral: Referral) -> str:
    return f"referral:{referral.id}"


def _later(ctx: Context, referral: Referral, kind: str, days: int, key: str) -> None:
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            kind,
            ctx.now + timedelta(days=days),
            {"referral": referral.number},
            key=key,
            subject=subject(referral),
        )
    )


def after_offer(ctx: Context, referral: Referral) -> None:
    _later(ctx, referral, UNANSWERED, UNANSWERED_DAYS, f"unanswered:{referral.id}")
    _later(
        ctx,
        referral,
        UNANSWERED_REFERRER,
        UNANSWERED_REFERRER_DAYS,
        f"unanswered-referrer:{referral.id}",
    )


def _reality_check(ctx: Context, referral: Referral) -> None:
    ctx.uow.outbox.cancel(ctx.network.id, subject(referral), (REALITY_CHECK,))
    _later(
        ctx,
        referral,
        REALITY_CHECK,
        REALITY_CHECK_DAYS,
        f"reality:{referral.id}:{len(referral.events)}",
    )


def after_move(ctx: Context, referral: Referral, move: Move) -> None:
    """Schedule what the move calls for, and cancel what it made pointless."""
    about = subject(referral)
    outbox = ctx.uow.outbox
    if move.target is not Status.OFFERED:
        outbox.cancel(ctx.network.id, about, (UNANSWERED, UNANSWERED_REFERRER))
    if move.target is Status.ACCEPTED:
        _later(ctx, referral, FEEDBACK, ctx.network.followup_days, f"feedback:{referral.id}:1")
        _reality_check(ctx, referral)
    elif move.target is Status.CONTACTED:
        _reality_check(ctx, referral)
    elif move.target in (Status.WON, Status.LOST):
        outbox.cancel(ctx.network.id, about, (REALITY_CHECK,))
    elif move.target in (Status.DECLINED, Status.CANCELLED):
        outbox.cancel(ctx.network.id, about, (FEEDBACK, REALITY_CHECK))
    if move.target in CLOSED_STATUSES and referral.contact:
        # The first close starts the clock (won, then paid, keeps the won date).
        ctx.schedule(
            OutboxItem(
                ctx.network.id,
                ERASE_CONTACT,
                erase_contact_at(ctx, ctx.now),
                {"referral": referral.number},
                key=f"erase-contact:{referral.id}",
                subject=about,
            )
        )


def ask_again(ctx: Context, referral: Referral) -> None:
    """ "Too early to say": one new question in a week, replacing any still waiting."""
    ctx.uow.outbox.cancel(ctx.network.id, subject(referral), (FEEDBACK,))
    key = f"feedback:{referral.id}:{ctx.now:%Y%m%dT%H%M%S}"
    _later(ctx, referral, FEEDBACK, ASK_AGAIN_DAYS, key)


# When a row falls due: the message it becomes now, or None when it no longer applies.
Composer = Callable[[Context, OutboxItem, Referral], tuple[int, Reply] | None]


def _client_name(ctx: Context, referral: Referral) -> str:
    client = ctx.uow.clients.get(ctx.network.id, referral.client_id)
    return client.name if client else "?"


def feedback_actions(ctx: Context, referral: Referral) -> tuple[Action, ...]:
    t = ctx.t
    scores = tuple(
        Action(str(score), "feedback", f"{referral.number} {score}") for score in range(1, 6)
    )
    later = Action(
        t("action.feedback_later"), "feedback", f"{referral.number} later", Style.DEFAULT
    )
    return (*scores, later)


def _feedback(ctx: Context, item: OutboxItem, referral: Referral) -> tuple[int, Reply] | None:
    if referral.status not in FEEDBACK_STATUSES:
        return None
    if ctx.uow.feedback.get(ctx.network.id, referral.id) is not None:
        return None
    t = ctx.t
    text = t(
        "followup.feedback",
        client=_client_name(ctx, referral),
        member=ctx.name(referral.receiver_id),
        number=referral.number,
    )
    return referral.referrer_id, Reply(
        text=text,
        footer=t("followup.feedback_how", number=referral.number),
        actions=feedback_actions(ctx, referral),
    )


def _unanswered(ctx: Context, item: OutboxItem, referral: Referral) -> tuple[int, Reply] | None:
    if referral.status is not Status.OFFERED:
        return None
    receiver = ctx.member(referral.receiver_id)
    return receiver.id, Reply(
        text=ctx.t(
            "followup.unanswered",
            number=referral.number,
            client=_client_name(ctx, referral),
            referrer=ctx.name(referral.referrer_id),
            count=UNANSWERED_DAYS,
        ),
        actions=actions_for(ctx, referral, receiver.id, receiver.is_admin),
    )


def _unanswered_referrer(
    ctx: Context, item: OutboxItem, referral: Referral
) -> tuple[int, Reply] | None:
    if referral.status is not Status.OFFERED:
        return None
    referrer = ctx.member(referral.referrer_id)
    return referrer.id, Reply(
        text=ctx.t(
            "followup.unanswered_referrer",
            number=referral.number,
            client=_client_name(ctx, referral),
            receiver=ctx.name(referral.receiver_id),
            count=UNANSWERED_REFERRER_DAYS,
        ),
        actions=actions_for(ctx, referral, referrer.id, referrer.is_admin),
    )


def _reality(ctx: Context, item: OutboxItem, referral: Referral) -> tuple[int, Reply] | None:
    if referral.status not in (Status.ACCEPTED, Status.CONTACTED):
        return None
    receiver = ctx.member(referral.receiver_id)
    return receiver.id, Reply(
        text=ctx.t(
            "followup.reality_check",
            number=referral.number,
            client=_client_name(ctx, referral),
            referrer=ctx.name(referral.referrer_id),
            count=REALITY_CHECK_DAYS,
        ),
        actions=actions_for(ctx, referral, receiver.id, receiver.is_admin),
    )


def erase_contact(ctx: Context, item: OutboxItem) -> None:
    """The retention job (core/jobs.py): the client's contact goes from the referral and from
    every row that copied it (a notice still waiting, a failed one, a note); the referral and
    its figures stay."""
    referral = ctx.uow.referrals.get(ctx.network.id, int(item.payload["referral"]))
    if referral is None or not referral.contact:
        return
    ctx.uow.referrals.erase_contact(ctx.network.id, referral.id)
    parts = [part.strip() for part in referral.contact.split(",")]
    ctx.uow.erasure.replace_everywhere(
        ctx.network.id, (referral.contact, *parts), ctx.t("mydata.contact_erased")
    )


def erase_contact_at(ctx: Context, closed_at: datetime) -> datetime:
    return add_months(closed_at, ctx.network.contact_retention_months)


def reschedule_contact_erasure(ctx: Context) -> int:
    """After the retention period changed: every closed referral still holding a contact has
    its erasure due that long after it first closed (at once if that is past); how many."""
    network_id = ctx.network.id
    moved = 0
    for referral_id, number, closed_at in ctx.uow.erasure.closed_with_contact(network_id):
        due = erase_contact_at(ctx, closed_at)
        about = f"referral:{referral_id}"
        if not ctx.uow.erasure.reschedule(network_id, ERASE_CONTACT, about, due):
            ctx.schedule(
                OutboxItem(
                    network_id,
                    ERASE_CONTACT,
                    due,
                    {"referral": number},
                    key=f"erase-contact:{referral_id}:{ctx.now:%Y%m%dT%H%M%S}",
                    subject=about,
                )
            )
        moved += 1
    return moved


# The messages composed from the referral as it is when they fall due.
COMPOSERS: dict[str, Composer] = {
    FEEDBACK: _feedback,
    UNANSWERED: _unanswered,
    UNANSWERED_REFERRER: _unanswered_referrer,
    REALITY_CHECK: _reality,
}
