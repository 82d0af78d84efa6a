"""Posting a referral, moving it through its lifecycle, and the member's ledger."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from core.directory import services as directory
from core.referrals import followups
from core.referrals.cards import card, status_label
from core.referrals.clients import Client
from core.referrals.contact import parse_contact
from core.referrals.model import MOVES, OPEN_STATUSES, Event, Move, Referral, Status
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Prefixed, Verb
from core.shared.errors import (
    InvalidValue,
    NotAllowed,
    ReferralNotFound,
    SelfReferral,
    UsageError,
    concerning,
)
from core.shared.money import parse_amount
from core.shared.tenancy import Member
from core.shared.text import check_length, normalise_client_name
from core.shared.ui import InputKind as K
from core.shared.ui import Reply

_DIGITS = re.compile(r"[0-9]{1,9}")


def _temperature(text: str) -> int:
    if not _DIGITS.fullmatch(text.strip()) or not 1 <= int(text) <= 5:
        raise InvalidValue("error.invalid_temperature", value=text)
    return int(text)


@dataclass(frozen=True)
class ReferArgs:
    receiver: Member
    client: str
    need: str
    value: Decimal | None
    temperature: int | None
    contact: str


def _client(ctx: Context, name: str) -> Client:
    """The registered client with this name, or a new one owned by the referrer."""
    key = normalise_client_name(name)
    if not key:
        raise InvalidValue("error.invalid_client", value=name, concerns="client")
    existing = ctx.uow.clients.by_key(ctx.network.id, key)
    if existing is not None:
        return existing
    return ctx.uow.clients.add(Client(0, ctx.network.id, name, key, ctx.actor.id, ctx.now))


def refer(ctx: Context, args: ReferArgs) -> Reply:
    t = ctx.t
    client_name = check_length(" ".join(args.client.split()), t("param.client"), "client")
    need = check_length(args.need.strip(), t("param.need"), "need")
    value = args.value
    temperature = args.temperature or 1
    with concerning("contact"):
        contact = parse_contact(args.contact) if args.contact else ""
    receiver = args.receiver
    if receiver.id == ctx.actor.id:
        raise SelfReferral(concerns="receiver")
    ctx.require_charter()
    charter = ctx.uow.charters.current(ctx.network.id)
    client = _client(ctx, client_name)
    referral = ctx.uow.referrals.add(
        Referral(
            id=0,
            network_id=ctx.network.id,
            number=ctx.uow.referrals.next_number(ctx.network.id),
            referrer_id=ctx.actor.id,
            receiver_id=receiver.id,
            client_id=client.id,
            client_owner_id=client.owner_id,
            need=need,
            temperature=temperature,
            charter_version=charter.version if charter else 0,
            created_at=ctx.now,
            estimated_value=value,
            updated_at=ctx.now,
            events=[Event(ctx.actor.id, ctx.now, None, Status.OFFERED)],
            contact=contact,
        )
    )
    followups.after_offer(ctx, referral)
    owner_line = ""
    if client.owner_id != ctx.actor.id:
        owner_line = t("refer.owned_by", client=client.name, owner=ctx.name(client.owner_id))
        ctx.notify(
            client.owner_id,
            Reply(
                text=t(
                    "notice.owner_client_referred",
                    client=client.name,
                    referrer=ctx.actor.display_name,
                    receiver=receiver.display_name,
                    number=referral.number,
                )
            ),
        )
    incoming = card(ctx, referral, receiver.id, receiver.is_admin)
    ctx.notify(
        receiver.id,
        replace(
            incoming,
            text=t(
                "notice.new_referral",
                number=referral.number,
                referrer=ctx.actor.display_name,
                client=client.name,
            )
            + (f"\n{owner_line}" if owner_line else ""),
        ),
        kind="referral.offered",
    )
    sent = t(
        "refer.sent", number=referral.number, receiver=receiver.display_name, client=client.name
    )
    return Reply(text=sent + (f"\n{owner_line}" if owner_line else ""))


def _visible(ctx: Context, number: int) -> Referral:
    referral = ctx.uow.referrals.get(ctx.network.id, number)
    if referral is None:
        raise ReferralNotFound(number=number)
    if referral.party_of(ctx.actor.id) is None and not ctx.actor.is_admin:
        raise NotAllowed("error.not_your_referral", number=number)
    return referral


@dataclass(frozen=True)
class ReferralArgs:
    number: int
    action: str
    note: str


def referral(ctx: Context, args: ReferralArgs) -> Reply:
    """`/referral N` shows one; `/referral N VERB [note]` moves it on."""
    if not args.action:
        if args.note:
            raise UsageError(command="referral", verb="")
        found = _visible(ctx, args.number)
        return card(ctx, found, ctx.actor.id, ctx.actor.is_admin)
    return _move(ctx, args.number, args.action, args.note)


def _move(ctx: Context, number: int, verb: str, note: str) -> Reply:
    t = ctx.t
    found = _visible(ctx, number)
    move = found.check_move(verb, ctx.actor.id, ctx.actor.is_admin)
    note = check_length(note.strip(), t("param.note"), "note")
    if verb == "accept":
        ctx.require_charter()
    if verb == "won":
        if not note:
            raise InvalidValue("error.won_needs_amount", number=number)
        with concerning("note"):
            amount = parse_amount(note)
        charter = ctx.uow.charters.get(ctx.network.id, found.charter_version)
        found.closed_amount = amount
        found.commission_due = charter.rule.due_on(amount) if charter else Decimal("0.00")
        found.commission_paid = Decimal("0.00")
        note = ctx.money(amount)
    elif verb == "paid":
        found.commission_paid = found.commission_due
    event = found.apply(move, ctx.actor.id, ctx.now, note)
    ctx.uow.referrals.update(found, event)
    followups.after_move(ctx, found, move)
    _tell_other_party(ctx, found, move)
    shown = card(ctx, found, ctx.actor.id, ctx.actor.is_admin)
    return replace(
        shown, text=t(f"moved.{verb}", number=number, due=ctx.money(found.commission_due))
    )


def _tell_other_party(ctx: Context, found: Referral, move: Move) -> None:
    t = ctx.t
    if ctx.actor.id not in (found.referrer_id, found.receiver_id):
        # An admin confirmed payment: both parties hear it from the admin's side.
        text = t("notice.paid_by_admin", number=found.number, due=ctx.money(found.commission_due))
        for party in (found.referrer_id, found.receiver_id):
            ctx.notify(party, Reply(text=text), kind=f"referral.{move.target.value}")
        return
    other = found.receiver_id if ctx.actor.id == found.referrer_id else found.referrer_id
    member = ctx.member(other)
    shown = card(ctx, found, member.id, member.is_admin)
    text = t(
        f"notice.{move.verb}",
        number=found.number,
        who=ctx.actor.display_name,
        amount=ctx.money(found.closed_amount),
        due=ctx.money(found.commission_due),
        note=found.events[-1].note or "-",
    )
    ctx.notify(other, replace(shown, text=text), kind=f"referral.{move.target.value}")


@dataclass(frozen=True)
class ReferralsArgs:
    filter: str


def referrals(ctx: Context, args: ReferralsArgs) -> Reply:
    t = ctx.t
    which = args.filter
    mine = ctx.uow.referrals.for_member(ctx.network.id, ctx.actor.id)
    if which == "given":
        mine = [r for r in mine if r.referrer_id == ctx.actor.id]
    elif which == "received":
        mine = [r for r in mine if r.receiver_id == ctx.actor.id]
    elif which == "open":
        mine = [r for r in mine if r.status in OPEN_STATUSES]
    if not mine:
        return Reply(text=t("referrals.none"))
    lines = []
    due_to_me = owed_by_me = Decimal("0.00")
    for item in mine:
        client = ctx.uow.clients.get(ctx.network.id, item.client_id)
        given = item.referrer_id == ctx.actor.id
        other = ctx.name(item.receiver_id if given else item.referrer_id)
        outstanding = (item.commission_due or 0) - (item.commission_paid or 0)
        if given:
            due_to_me += outstanding
        else:
            owed_by_me += outstanding
        lines.append(
            t(
                "referrals.line_given" if given else "referrals.line_received",
                number=item.number,
                other=other,
                client=client.name if client else "?",
                status=status_label(ctx, item.status),
                amount=ctx.money(item.closed_amount),
                due=ctx.money(item.commission_due),
                paid=ctx.money(item.commission_paid),
            )
        )
    summary = t(
        "referrals.summary",
        count=len(mine),
        due_to_me=ctx.money(due_to_me),
        owed_by_me=ctx.money(owed_by_me),
    )
    average, count = ctx.uow.feedback.quality(ctx.network.id, ctx.actor.id)
    if average is not None:
        summary += "\n" + t("quality.mine", score=f"{average:.1f}", count=count)
    return Reply(
        title=t(f"referrals.title{'.' + which if which else ''}"),
        lines=tuple(lines),
        footer=summary,
    )


def clients(ctx: Context, args: NoArgs) -> Reply:
    t = ctx.t
    owned = ctx.uow.clients.owned_by(ctx.network.id, ctx.actor.id)
    if not owned:
        return Reply(text=t("clients.none"))
    lines = tuple(
        t("clients.line", client=c.name, since=ctx.local(c.created_at, "%Y-%m-%d")) for c in owned
    )
    return Reply(title=t("clients.title"), text=t("clients.explain"), lines=lines)


REFER = Command(
    "refer",
    (
        Verb(
            "",
            (
                Param("receiver", K.MEMBER, form_optional=True),  # -> suggestions
                Param("client", K.TEXT),
                Param("need", K.LONG_TEXT),
                Param("value", K.AMOUNT, required=False),
                Param(
                    "temperature",
                    K.NUMBER,
                    required=False,
                    choices=tuple("12345"),
                    read=_temperature,
                ),
                Param("contact", K.TEXT, required=False),
            ),
            has_form=True,
            handler=refer,
            args=ReferArgs,
            form_fallback=directory.suggest_from_form,
            prefixed=Prefixed("?", directory.SUGGEST),
        ),
    ),
    pipe=True,
)
REFERRAL = Command(
    "referral",
    (
        Verb(
            "",
            (
                Param("number", K.NUMBER),
                Param("action", K.CHOICE, required=False, choices=tuple(MOVES)),
                Param("note", K.TEXT, required=False, rest=True),
            ),
            handler=referral,
            args=ReferralArgs,
        ),
    ),
)
REFERRALS = Command(
    "referrals",
    (
        Verb(
            "",
            (Param("filter", K.CHOICE, required=False, choices=("given", "received", "open")),),
            handler=referrals,
            args=ReferralsArgs,
        ),
    ),
)
CLIENTS = Command("clients", (Verb("", handler=clients),))
