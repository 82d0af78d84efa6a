"""Thanking givers: at once and privately when a referral is won, publicly with `/thanks`.

The private thanks rides on the notice the referrer gets when the receiver marks the referral
won (one message, in the same transaction as the move). `/thanks N | message` is the
receiver's public thank-you, posted to the announcements channel without the amount unless the
receiver asks for it (`/thanks N amount | message`, `montant` in French); the referrer is told
privately too. A referral is thanked publicly once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from core.asks.model import AMOUNT_WORDS, MAX_THANKS, Thanks, split_amount_word
from core.referrals.cards import money, status_label
from core.referrals.model import Referral, Status
from core.shared.context import Context
from core.shared.declare import Command, Param, Verb
from core.shared.errors import InvalidValue, NotAllowed, ReferralNotFound, TextTooLong
from core.shared.outbox import OutboxItem
from core.shared.ui import InputKind as K
from core.shared.ui import Reply
from core.shared.ui_codec import encode_reply

KIND = "thanks.public"
THANKED = frozenset({Status.WON, Status.PAID})


def private_line(ctx: Context, referral: Referral) -> str:
    """The referrer's thanks, added to the notice that tells them the referral was won."""
    return ctx.t(
        "thanks.private",
        referrer=ctx.name(referral.referrer_id),
        who=ctx.name(referral.receiver_id),
        amount=money(ctx, referral, referral.closed_amount),
    )


def hint(ctx: Context, referral: Referral) -> str:
    """What the receiver may do once the referral is won: thank the giver publicly."""
    return ctx.t(
        "thanks.hint",
        referrer=ctx.name(referral.referrer_id),
        thanks=f"/{ctx.typed('thanks')}",
        number=referral.number,
    )


@dataclass(frozen=True)
class ThanksArgs:
    number: int
    show_amount: str
    message: str


def _public(ctx: Context, referral: Referral, with_amount: bool, message: str) -> Reply:
    t = ctx.t
    text = t(
        "thanks.public",
        who=ctx.actor.display_name,
        referrer=ctx.name(referral.referrer_id),
        number=referral.number,
    )
    if with_amount:
        text += " " + t("thanks.public_amount", amount=money(ctx, referral, referral.closed_amount))
    return Reply(
        title=t("thanks.title"),
        text=text,
        lines=(t("thanks.quote", message=message),) if message else (),
    )


def thanks(ctx: Context, args: ThanksArgs) -> Reply:
    """`/thanks N [amount] | message`: the receiver of referral N thanks its referrer."""
    t = ctx.t
    network = ctx.network
    referral = ctx.uow.referrals.get(network.id, args.number)
    if referral is None:
        raise ReferralNotFound(number=args.number)
    if referral.receiver_id != ctx.actor.id:
        raise NotAllowed("error.thanks_receiver_only", number=args.number)
    if referral.status not in THANKED:
        raise InvalidValue(
            "error.thanks_not_won",
            number=args.number,
            status=status_label(ctx, referral.status),
        )
    message = args.message.strip()
    with_amount = bool(args.show_amount)
    if not with_amount:  # `/thanks 3 | amount | message`, or the word typed in a form
        with_amount, message = split_amount_word(message)
    if len(message) > MAX_THANKS:
        raise TextTooLong(
            field=t("param.message"), limit=MAX_THANKS, length=len(message), concerns="message"
        )
    thanked = Thanks(0, network.id, referral.id, ctx.actor.id, message, with_amount, ctx.now)
    if not ctx.uow.asks.add_thanks(thanked):
        earlier = ctx.uow.asks.thanks_for(network.id, referral.id)
        raise InvalidValue(
            "error.thanks_already",
            number=args.number,
            date=ctx.local(earlier.at, "%Y-%m-%d") if earlier else "-",
        )
    post = _public(ctx, referral, with_amount, message)
    referrer = ctx.name(referral.referrer_id)
    ctx.notify(
        referral.referrer_id,
        Reply(
            text=t("thanks.told", who=ctx.actor.display_name, number=referral.number),
            lines=post.lines,
        ),
        kind="thanks.told",
    )
    channel = network.announcements_channel
    if not channel:
        return Reply(text=t("thanks.sent_privately", referrer=referrer))
    ctx.schedule(
        OutboxItem(
            network.id,
            KIND,
            ctx.now,
            {"reply": encode_reply(post)},
            channel=channel,
            key=f"{KIND}:{referral.id}:{uuid.uuid4().hex[:8]}",
            subject=f"thanks:{referral.number}",
        )
    )
    return Reply(
        text=t("thanks.posted", referrer=referrer),
        lines=(post.text, *post.lines),
    )


THANKS = Command(
    "thanks",
    (
        Verb(
            "",
            (
                Param("number", K.NUMBER),
                Param("show_amount", K.CHOICE, required=False, choices=AMOUNT_WORDS),
                Param("message", K.LONG_TEXT, required=False),
            ),
            handler=thanks,
            args=ThanksArgs,
        ),
    ),
    pipe=True,
)
