"""Message rows: the notice each becomes when it falls due, composed from reads alone.

A row carries its reply (a notice to a member, a channel post, a post in a thread), or is one
of the follow-ups composed from its referral as it is now, or a party's copy of a referral's
card (posted once, then updated in place). A row whose subject moved on, or whose recipient is
gone, becomes no notice at all and is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from core.recruitment import services as recruitment
from core.referrals import cards, followups, payments
from core.shared.context import Context, thread_root_key
from core.shared.i18n import Translator
from core.shared.outbox import OutboxItem, OutboxState
from core.shared.tenancy import Member
from core.shared.ui import CardInPlace, Notice, Reply
from core.shared.ui_codec import decode_reply, neutralised

# Reminders: a member with several due at once gets them in one message listing them.
REMINDERS = frozenset(
    {
        followups.FEEDBACK,
        followups.UNANSWERED,
        followups.UNANSWERED_REFERRER,
        followups.REALITY_CHECK,
        payments.RECEIVER_NOTICE,
        recruitment.REMINDER,
        "reminder.charter",
    }
)
GROUPED = "reminders"  # the kind of the message that lists them


def is_reminder(item: OutboxItem) -> bool:
    return item.kind in REMINDERS and not item.channel


def together(notices: list[Notice], t: Translator) -> Notice:
    """Reminders to one member as one message: a line each (what it asks, and how to answer
    it); the first one's key identifies the message."""
    lines = tuple(
        " ".join(part for part in (n.reply.text, n.reply.footer) if part) for n in notices
    )
    first = notices[0]
    return replace(
        first,
        reply=Reply(
            title=t("reminders.title", count=len(notices)),
            lines=lines,
            footer=t("reminders.footer"),
        ),
        kind=GROUPED,
    )


# A member of the row's network by id, or None when there is no such member.
Recipient = Callable[[int], Member | None]


class MustWait(Exception):
    """The row cannot go out yet (what it follows is not sent): try again shortly."""

    reason = "waiting for an earlier message"


class ThreadNotStarted(MustWait):
    """A thread post came due before the thread's first post was sent."""

    reason = "waiting for the thread's first post"


class EarlierCardNotSent(MustWait):
    """An earlier change of the same card for the same member is not sent yet: this one goes
    after it, so the card is posted once and its changes are told in order."""

    reason = "waiting for the card's earlier change"


def compose(ctx: Context, item: OutboxItem, recipient: Recipient) -> Notice | None:
    """The notice `item` becomes now, or None when it no longer applies."""
    network = ctx.network
    if item.kind == cards.CARD:
        return _card(ctx, item, recipient)
    composer = followups.COMPOSERS.get(item.kind)
    if composer is not None:
        referral = ctx.uow.referrals.get(network.id, int(item.payload["referral"]))
        composed = composer(ctx, item, referral) if referral else None
        if composed is None:
            return None
        member_id, reply = composed
        return _to_member(ctx, item, recipient(member_id), reply)
    reply = decode_reply(item.payload["reply"])
    if item.channel:
        thread = str(item.payload.get("thread", ""))
        opens = bool(item.payload.get("opens", False))
        return Notice(
            network.id,
            network.key,
            neutralised(reply),  # a channel post never pings everyone
            channel=item.channel,
            kind=item.kind,
            key=item.key,
            locale=network.locale,
            thread=thread,
            thread_title=str(item.payload.get("thread_title", "")),
            thread_ref="" if opens or not thread else _thread_ref(ctx, thread),
            opens_thread=opens,
        )
    if item.member_id is None:
        return None
    return _to_member(ctx, item, recipient(item.member_id), reply)


def _thread_ref(ctx: Context, thread: str) -> str:
    root = ctx.uow.outbox.by_key(ctx.network.id, thread_root_key(thread))
    if root is None or root.state in (OutboxState.FAILED, OutboxState.CANCELLED):
        return ""  # no first post to hang from: post on its own
    if root.state is not OutboxState.SENT:
        raise ThreadNotStarted()
    return root.ref


def _card(ctx: Context, item: OutboxItem, recipient: Recipient) -> Notice | None:
    member = recipient(item.member_id) if item.member_id is not None else None
    if member is None:
        return None
    if ctx.uow.outbox.waiting_before(item):
        raise EarlierCardNotSent()
    composed = cards.copy_for(ctx, item, member)
    if composed is None:
        return None
    reply, in_place = composed
    return _to_member(ctx, item, member, reply, in_place)


def _to_member(
    ctx: Context,
    item: OutboxItem,
    member: Member | None,
    reply: Reply,
    card: CardInPlace | None = None,
) -> Notice | None:
    if member is None:
        return None
    return Notice(
        ctx.network.id,
        ctx.network.key,
        reply,
        member_id=member.id,
        external_id=member.external_id,
        name=member.display_name,
        kind=item.kind,
        key=item.key,
        locale=ctx.network.locale,
        card=card,
    )
