"""Commission payments: a commission still due after `payment-days` reminds the receiver; after
twice that, the admins are told.

Both rows are scheduled when the referral is won, as jobs (core/jobs.py) with keys of their
own, so a retried command or a second win schedules nothing twice. When one falls due it looks
at the referral as it is then: paid, or settled by a correction, it says nothing.
"""

from __future__ import annotations

from datetime import timedelta

from core.referrals.cards import actions_for, card, money
from core.referrals.model import Referral, Status
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ui import Reply

# The jobs' kinds, and the kinds of the notices they write (a notice is not a job).
REMIND_RECEIVER = "payment.due"
TELL_ADMINS = "payment.overdue"
RECEIVER_NOTICE = "referral.payment_due"
ADMINS_NOTICE = "referral.payment_overdue"


def subject(referral: Referral) -> str:
    return f"referral:{referral.id}"


def _schedule(ctx: Context, referral: Referral, kind: str, days: int) -> None:
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            kind,
            ctx.now + timedelta(days=days),
            {"referral": referral.number},
            key=f"{kind}:{referral.id}",
            subject=subject(referral),
        )
    )


def after_won(ctx: Context, referral: Referral) -> None:
    """A commission is due: the receiver's reminder and the admins' notice wait for it."""
    days = ctx.network.payment_days
    _schedule(ctx, referral, REMIND_RECEIVER, days)
    _schedule(ctx, referral, TELL_ADMINS, 2 * days)


def after_correction(ctx: Context, referral: Referral) -> None:
    """A corrected referral still won and owing commission keeps its reminders; one whose
    commission is settled has nothing left to remind."""
    if referral.status is Status.WON and referral.outstanding > 0:
        return
    ctx.uow.outbox.cancel(ctx.network.id, subject(referral), (REMIND_RECEIVER, TELL_ADMINS))


def _unpaid(ctx: Context, item: OutboxItem) -> Referral | None:
    referral = ctx.uow.referrals.get(ctx.network.id, int(item.payload["referral"]))
    if referral is None or referral.status is not Status.WON or referral.outstanding <= 0:
        return None
    return referral


def _client_name(ctx: Context, referral: Referral) -> str:
    client = ctx.uow.clients.get(ctx.network.id, referral.client_id)
    return client.name if client else "?"


def remind_receiver(ctx: Context, item: OutboxItem) -> None:
    """The job: the receiver hears the commission is still due."""
    referral = _unpaid(ctx, item)
    if referral is None:
        return
    receiver = ctx.member(referral.receiver_id)
    text = ctx.t(
        "payment.remind_receiver",
        number=referral.number,
        client=_client_name(ctx, referral),
        referrer=ctx.name(referral.referrer_id),
        due=money(ctx, referral, referral.outstanding),
        count=ctx.network.payment_days,
    )
    ctx.notify(
        receiver.id,
        Reply(text=text, actions=actions_for(ctx, referral, receiver.id, receiver.is_admin)),
        kind=RECEIVER_NOTICE,
    )


def tell_admins(ctx: Context, item: OutboxItem) -> None:
    """The job: every admin hears the commission is still due after twice `payment-days`."""
    referral = _unpaid(ctx, item)
    if referral is None:
        return
    text = ctx.t(
        "payment.tell_admins",
        number=referral.number,
        client=_client_name(ctx, referral),
        referrer=ctx.name(referral.referrer_id),
        receiver=ctx.name(referral.receiver_id),
        due=money(ctx, referral, referral.outstanding),
        count=2 * ctx.network.payment_days,
    )
    for admin in ctx.uow.members.all(ctx.network.id):
        if admin.is_admin:
            shown = card(ctx, referral, admin.id, admin.is_admin)
            ctx.notify(
                admin.id,
                Reply(text=text, fields=shown.fields, actions=shown.actions),
                kind=ADMINS_NOTICE,
            )
