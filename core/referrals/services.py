"""Posting a referral, moving it through its lifecycle, and the member's ledger."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from core.asks import thanks
from core.directory import services as directory
from core.referrals import followups, payments
from core.referrals.cards import card, card_key, money, show_card, status_label, totals
from core.referrals.clients import Client
from core.referrals.contact import parse_contact
from core.referrals.model import (
    MOVES,
    OPEN_STATUSES,
    Event,
    Move,
    Party,
    Referral,
    Status,
    capped,
    first_step,
)
from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Prefixed, Verb
from core.shared.errors import (
    IllegalTransition,
    InvalidValue,
    NotAllowed,
    ReferralNotFound,
    SelfReferral,
    UsageError,
    concerning,
)
from core.shared.money import Priced, in_currency, parse_money, read_priced
from core.shared.tenancy import Member
from core.shared.text import check_length, normalise_client_name
from core.shared.ui import InputKind as K
from core.shared.ui import Reply

CORRECT = "correct"

# What the other party hears after each move; a decline or a loss names its reason when the
# receiver gave one (a missing reason is left out of the sentence).
NOTICES = {
    "accept": "notice.accept",
    "decline": "notice.decline",
    "cancel": "notice.cancel",
    "contacted": "notice.contacted",
    "won": "notice.won",
    "lost": "notice.lost",
    "paid": "notice.paid",
}
# A line of `/referrals`: given or received, with its amounts once it is won.
LEDGER_LINES = {
    (True, True): "referrals.line_given",
    (True, False): "referrals.line_given_open",
    (False, True): "referrals.line_received",
    (False, False): "referrals.line_received_open",
}
NOTICES_WITH_REASON = {"decline": "notice.decline_reason", "lost": "notice.lost_reason"}
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
    value: Priced | None
    temperature: int | None
    contact: str


def _client(ctx: Context, name: str, receiver: Member) -> Client:
    """The registered client with this name, or a new one owned by the referrer.

    A client is never referred to the member who owns it: they would owe a commission on their
    own client."""
    key = normalise_client_name(name)
    if not key:
        raise InvalidValue("error.invalid_client", value=name, concerns="client")
    existing = ctx.uow.clients.by_key(ctx.network.id, key)
    if existing is not None:
        if existing.owner_id == receiver.id:
            raise InvalidValue(
                "error.refer_to_owner",
                client=existing.name,
                owner=receiver.display_name,
                concerns="receiver",
            )
        return existing
    return ctx.uow.clients.add(Client(0, ctx.network.id, name, key, ctx.actor.id, ctx.now))


def refer(ctx: Context, args: ReferArgs) -> Reply:
    t = ctx.t
    client_name = check_length(" ".join(args.client.split()), t("param.client"), "client")
    need = check_length(args.need.strip(), t("param.need"), "need")
    value = None
    if args.value is not None:
        with concerning("value"):
            value = in_currency(args.value, ctx.network.currency)
    temperature = args.temperature or 1
    with concerning("contact"):
        contact = parse_contact(args.contact) if args.contact else ""
    receiver = args.receiver
    if receiver.id == ctx.actor.id:
        raise SelfReferral(concerns="receiver")
    ctx.require_charter()
    charter = ctx.uow.charters.current(ctx.network.id)
    client = _client(ctx, client_name, receiver)
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
            currency=ctx.network.currency,
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
    # Each party's copy of the card, updated in place as the referral moves on.
    offered = t(
        "notice.new_referral",
        number=referral.number,
        referrer=ctx.actor.display_name,
        client=client.name,
    )
    show_card(ctx, referral, receiver.id, offered + (f"\n{owner_line}" if owner_line else ""))
    given = t(
        "card.given", number=referral.number, receiver=receiver.display_name, client=client.name
    )
    show_card(ctx, referral, ctx.actor.id, given)
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
    """`/referral N` shows one; `/referral N VERB [note]` moves it on; `/referral N correct
    AMOUNT | reason` corrects the amount won."""
    if not args.action:
        if args.note:
            raise UsageError(command="referral", verb="")
        found = _visible(ctx, args.number)
        return card(ctx, found, ctx.actor.id, ctx.actor.is_admin)
    if args.action == CORRECT:
        return _correct(ctx, args.number, args.note)
    return _move(ctx, args.number, args.action, args.note)


def _commission(ctx: Context, found: Referral, amount: Decimal) -> Decimal:
    """The commission on `amount` under the charter the referral was made under."""
    charter = ctx.uow.charters.get(ctx.network.id, found.charter_version)
    if charter is None:
        return Decimal("0.00")
    return capped(charter.rule.due_on(amount), amount)


def _move(ctx: Context, number: int, verb: str, note: str) -> Reply:
    t = ctx.t
    found = _visible(ctx, number)
    try:
        move = found.check_move(verb, ctx.actor.id, ctx.actor.is_admin)
    except IllegalTransition as refused:
        raise _what_first(ctx, found, verb) or refused from None
    note = check_length(note.strip(), t("param.note"), "note")
    if verb == "accept":
        ctx.require_charter()
    if verb == "won":
        if not note:
            raise InvalidValue("error.won_needs_amount", number=number)
        with concerning("note"):
            amount = parse_money(note, found.currency)
        found.closed_amount = amount
        found.commission_due = _commission(ctx, found, amount)
        found.commission_paid = Decimal("0.00")
        note = money(ctx, found, amount)
    elif verb == "paid":
        found.commission_paid = found.commission_due
    event = found.apply(move, ctx.actor.id, ctx.now, note)
    ctx.uow.referrals.update(found, event)
    followups.after_move(ctx, found, move)
    settled = verb == "won" and found.commission_due == 0
    if settled:
        # Nothing is owed: the referral closes at once, with no payment to confirm.
        event = found.apply(MOVES["paid"], ctx.actor.id, ctx.now, t("referral.no_commission"))
        ctx.uow.referrals.update(found, event)
        followups.after_move(ctx, found, MOVES["paid"])
    elif verb == "won":
        payments.after_won(ctx, found)
    _tell_other_party(ctx, found, move, settled)
    shown = card(ctx, found, ctx.actor.id, ctx.actor.is_admin)
    key = "moved.won_settled" if settled else f"moved.{verb}"
    text = t(key, number=number, due=money(ctx, found, found.commission_due))
    footer = thanks.hint(ctx, found) if verb == "won" else shown.footer
    return replace(shown, text=text, footer=footer, card=card_key(found))


def _what_first(ctx: Context, found: Referral, verb: str) -> IllegalTransition | None:
    """A move the referral's state refuses, saying what must happen first: the actor's own
    move to make (with its command), or the other party's to wait for."""
    first = first_step(found.status, verb)
    if first is None:
        return None
    mine = found.party_of(ctx.actor.id) is first.party or (first.admin_may and ctx.actor.is_admin)
    if mine:
        hint = ctx.t(f"guidance.first.{first.verb}", number=found.number)
    else:
        who = found.receiver_id if first.party is Party.RECEIVER else found.referrer_id
        hint = ctx.t(f"guidance.wait.{first.verb}", who=ctx.name(who))
    return IllegalTransition(
        "error.illegal_transition.first",
        number=found.number,
        verb=verb,
        status=found.status.value,
        first=hint,
    )


def _correct(ctx: Context, number: int, note: str) -> Reply:
    """The receiver corrects the amount won within `correction-days` of the win; an admin at
    any time. The commission is computed again under the referral's charter version."""
    t = ctx.t
    found = _visible(ctx, number)
    is_receiver = found.receiver_id == ctx.actor.id
    if not is_receiver and not ctx.actor.is_admin:
        raise NotAllowed("error.correct_receiver_or_admin", number=number)
    closed_at = found.closed_at
    if found.closed_amount is None or closed_at is None:
        raise InvalidValue(
            "error.correct_not_won", number=number, status=status_label(ctx, found.status)
        )
    typed, _, reason = note.partition("|")
    reason = check_length(reason.strip(), t("param.reason"), "note")
    if not typed.strip() or not reason:
        raise InvalidValue("error.correct_usage", number=number, concerns="note")
    with concerning("note"):
        amount = parse_money(typed, found.currency)
    days = ctx.network.correction_days
    if not ctx.actor.is_admin and ctx.now > closed_at + timedelta(days=days):
        raise NotAllowed(
            "error.correct_too_late", number=number, count=days, won=ctx.day(closed_at)
        )
    old_amount, old_due = found.closed_amount, found.commission_due or Decimal("0.00")
    if amount == old_amount:
        raise InvalidValue("error.correct_same", number=number, amount=money(ctx, found, amount))
    found.closed_amount = amount
    found.commission_due = _commission(ctx, found, amount)
    found.updated_at = ctx.now
    ctx.uow.referrals.update(found)
    if found.status is Status.WON and found.commission_due == 0:
        # Corrected to nothing owed: closed at once, as a win with no commission is.
        event = found.apply(MOVES["paid"], ctx.actor.id, ctx.now, t("referral.no_commission"))
        ctx.uow.referrals.update(found, event)
        followups.after_move(ctx, found, MOVES["paid"])
    ctx.uow.audit.add(
        AuditEntry(
            ctx.network.id,
            ctx.actor.id,
            ctx.now,
            "referral.corrected",
            f"#{number}: {found.currency} {old_amount} -> {amount}, commission {old_due} -> "
            f"{found.commission_due}: {reason}",
        )
    )
    payments.after_correction(ctx, found)
    params = {
        "number": number,
        "who": ctx.actor.display_name,
        "old": money(ctx, found, old_amount),
        "amount": money(ctx, found, amount),
        "old_due": money(ctx, found, old_due),
        "due": money(ctx, found, found.commission_due),
        "paid": money(ctx, found, found.commission_paid),
        "reason": reason,
    }
    text = t("notice.corrected", **params)
    if found.status is Status.PAID and found.outstanding != 0:
        text += "\n" + t("notice.corrected_balance", balance=money(ctx, found, found.outstanding))
    for party in (found.referrer_id, found.receiver_id):
        show_card(ctx, found, party, "" if party == ctx.actor.id else text)
    shown = card(ctx, found, ctx.actor.id, ctx.actor.is_admin)
    return replace(shown, text=t("moved.correct", **params), card=card_key(found))


def _tell_other_party(ctx: Context, found: Referral, move: Move, settled: bool = False) -> None:
    """Both parties' copies of the card are updated in place; the other party is told in one
    line what changed (the actor knows: their copy changes silently)."""
    t = ctx.t
    if ctx.actor.id not in (found.referrer_id, found.receiver_id):
        # An admin confirmed payment: both parties hear it from the admin's side.
        text = t(
            "notice.paid_by_admin", number=found.number, due=money(ctx, found, found.commission_due)
        )
        for party in (found.referrer_id, found.receiver_id):
            show_card(ctx, found, party, text)
        return
    other = found.receiver_id if ctx.actor.id == found.referrer_id else found.referrer_id
    show_card(ctx, found, ctx.actor.id)
    note = found.events[-1].note
    if settled:
        key = "notice.won_settled"
    elif note and move.verb in NOTICES_WITH_REASON:
        key = NOTICES_WITH_REASON[move.verb]
    else:
        key = NOTICES[move.verb]
    text = t(
        key,
        number=found.number,
        who=ctx.actor.display_name,
        amount=money(ctx, found, found.closed_amount),
        due=money(ctx, found, found.commission_due),
        note=note,
    )
    if move.verb == "won" and other == found.referrer_id:
        text += "\n" + thanks.private_line(ctx, found)
    show_card(ctx, found, other, text)


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
    due_to_me: list[Referral] = []
    owed_by_me: list[Referral] = []
    for item in mine:
        client = ctx.uow.clients.get(ctx.network.id, item.client_id)
        given = item.referrer_id == ctx.actor.id
        other = ctx.name(item.receiver_id if given else item.referrer_id)
        (due_to_me if given else owed_by_me).append(item)
        lines.append(
            t(
                LEDGER_LINES[given, item.closed_amount is not None],
                number=item.number,
                other=other,
                client=client.name if client else "?",
                status=status_label(ctx, item.status),
                amount=money(ctx, item, item.closed_amount),
                due=money(ctx, item, item.commission_due),
                paid=money(ctx, item, item.commission_paid),
            )
        )
    summary = t(
        "referrals.summary",
        count=len(mine),
        due_to_me=totals(ctx, due_to_me),
        owed_by_me=totals(ctx, owed_by_me),
    )
    average, count = ctx.uow.feedback.quality(ctx.network.id, ctx.actor.id)
    if average is not None:
        summary += "\n" + t("quality.mine", score=ctx.decimal(average), count=count)
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
        t("clients.line", client=c.name, since=ctx.day(c.created_at)) for c in owned
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
                Param("value", K.AMOUNT, required=False, read=read_priced),
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
                Param("action", K.CHOICE, required=False, choices=(*MOVES, CORRECT)),
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

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (REFER, REFERRAL, REFERRALS, CLIENTS)
