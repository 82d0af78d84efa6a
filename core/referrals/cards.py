"""How a referral is shown: the card with its figures, history and the moves the viewer has."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from core.asks.cards import referral_match
from core.referrals.model import MOVES, STATUS_KEYS, Referral, Status
from core.shared.context import Context
from core.shared.money import format_amount
from core.shared.outbox import OutboxItem
from core.shared.tenancy import Member
from core.shared.ui import Action, CardInPlace, Field, Input, InputKind, Reply, Style

# The outbox rows that post a party's copy of a referral's card, or update it in place.
CARD = "referral.card"

_STYLES = {
    "accept": Style.PRIMARY,
    "won": Style.PRIMARY,
    "paid": Style.PRIMARY,
    "decline": Style.DANGER,
    "cancel": Style.DANGER,
    "lost": Style.DANGER,
}


def actions_for(
    ctx: Context, referral: Referral, member_id: int, is_admin: bool
) -> tuple[Action, ...]:
    """The moves `member_id` can make now, as actions (`won` asks the amount first)."""
    t = ctx.t
    actions: list[Action] = []
    party = referral.party_of(member_id)
    for verb, move in MOVES.items():
        mine = party is move.party or (move.admin_may and is_admin)
        if mine and referral.status in move.sources:
            ask = None
            if verb == "won":
                ask = Input("amount", t("param.amount.label"), InputKind.AMOUNT)
            actions.append(
                Action(
                    t(f"action.{verb}"),
                    "referral",
                    f"{referral.number} {verb}",
                    _STYLES.get(verb, Style.DEFAULT),
                    ask,
                )
            )
    return tuple(actions)


def money(ctx: Context, referral: Referral, amount: Decimal | None) -> str:
    """An amount of this referral, in the currency it was made in."""
    if amount is None:
        return "-"
    return format_amount(amount, referral.currency, ctx.network.locale)


def totals(ctx: Context, referrals: Iterable[Referral]) -> str:
    """The commission outstanding on these referrals, one sum per currency (`1,200 EUR`, or
    `1,200 EUR + 300 USD` once the network changed its currency)."""
    sums: dict[str, Decimal] = {}
    for referral in referrals:
        sums[referral.currency] = sums.get(referral.currency, Decimal("0.00")) + (
            referral.outstanding
        )
    shown = [
        format_amount(total, code, ctx.network.locale) for code, total in sums.items() if total
    ]
    return " + ".join(shown) or ctx.money(Decimal("0.00"))


def with_quality(ctx: Context, member_id: int) -> str:
    """A member's name with their quality score, when they have one: `bob (4.5/5, 2)`."""
    average, count = ctx.uow.feedback.quality(ctx.network.id, member_id)
    name = ctx.name(member_id)
    if average is None:
        return name
    return ctx.t("quality.inline", name=name, score=ctx.decimal(average), count=count)


def status_label(ctx: Context, status: Status) -> str:
    return ctx.t(STATUS_KEYS[status])


def card(ctx: Context, referral: Referral, viewer_id: int, viewer_is_admin: bool) -> Reply:
    t = ctx.t
    client = ctx.uow.clients.get(ctx.network.id, referral.client_id)
    client_name = client.name if client else "?"
    fields = [
        Field(t("field.from"), ctx.name(referral.referrer_id)),
        Field(t("field.to"), with_quality(ctx, referral.receiver_id)),
        Field(t("field.client_owner"), ctx.name(referral.client_owner_id)),
        Field(t("field.need"), referral.need),
        Field(t("field.status"), status_label(ctx, referral.status)),
        Field(
            t("field.temperature"),
            t(
                "temperature.value",
                n=referral.temperature,
                meaning=t(f"temperature.{referral.temperature}"),
            ),
        ),
    ]
    if referral.contact and (viewer_is_admin or referral.party_of(viewer_id) is not None):
        fields.append(Field(t("field.contact"), referral.contact))
    if referral.estimated_value is not None:
        fields.append(
            Field(t("field.estimated_value"), money(ctx, referral, referral.estimated_value))
        )
    if referral.closed_amount is not None:
        fields.append(Field(t("field.closed_amount"), money(ctx, referral, referral.closed_amount)))
        fields.append(
            Field(t("field.commission_due"), money(ctx, referral, referral.commission_due))
        )
        fields.append(
            Field(t("field.commission_paid"), money(ctx, referral, referral.commission_paid))
        )
    fields.append(Field(t("field.charter_version"), str(referral.charter_version)))
    answers = referral_match(ctx, referral, client_name)
    if answers is not None:
        fields.insert(4, answers)  # after the need it answers
    history = tuple(
        t(
            "history.line_note" if event.note else "history.line",
            at=ctx.moment(event.at),
            who=ctx.name(event.actor_id),
            status=status_label(ctx, event.to_status),
            note=event.note,
        )
        for event in referral.events
    )
    return Reply(
        title=t("referral.title", number=referral.number, client=client_name),
        fields=tuple(fields),
        lines=history,
        actions=actions_for(ctx, referral, viewer_id, viewer_is_admin),
    )


def card_key(referral: Referral) -> str:
    """The card's name, the same for both parties' copies (and the referral's outbox subject)."""
    return f"referral:{referral.id}"


def show_card(ctx: Context, referral: Referral, member_id: int, line: str = "") -> None:
    """Post `member_id`'s copy of the referral's card, or update it in place where it was
    posted, with `line` saying what changed ("": updated silently, the member made the change).

    The card is drawn when the row is sent, from the referral as it is then: rows sent late
    or out of turn still show the latest state."""
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            CARD,
            ctx.now,
            {"referral": referral.number, "line": line},
            member_id=member_id,
            key=f"{CARD}:{referral.id}:{member_id}:{uuid.uuid4().hex}",
            subject=card_key(referral),
        )
    )


def copy_for(
    ctx: Context, item: OutboxItem, member: Member
) -> tuple[Reply, CardInPlace] | None:
    """What a card row becomes when sent: the fresh card (its line on top) and how to update
    the copy already posted; None when there is nothing to show (the referral is gone, or a
    silent update of a copy that was never posted)."""
    referral = ctx.uow.referrals.get(ctx.network.id, int(item.payload["referral"]))
    if referral is None:
        return None
    key = card_key(referral)
    ref = ctx.uow.cards.ref(ctx.network.id, key, member.id)
    line = str(item.payload.get("line", ""))
    if not ref and not line:
        return None
    shown = card(ctx, referral, member.id, member.is_admin)
    return replace(shown, text=line), CardInPlace(key, ref, shown, line)
