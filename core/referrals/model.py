"""Referrals, their lifecycle and who may move them on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from core.shared.errors import IllegalTransition, WrongActor


class Status(StrEnum):
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    CONTACTED = "contacted"
    WON = "won"
    LOST = "lost"
    PAID = "paid"


# The message naming each status, listed so a tool can find every one.
STATUS_KEYS: dict[Status, str] = {
    Status.OFFERED: "status.offered",
    Status.ACCEPTED: "status.accepted",
    Status.DECLINED: "status.declined",
    Status.CANCELLED: "status.cancelled",
    Status.CONTACTED: "status.contacted",
    Status.WON: "status.won",
    Status.LOST: "status.lost",
    Status.PAID: "status.paid",
}


class Party(StrEnum):
    REFERRER = "referrer"
    RECEIVER = "receiver"


OPEN_STATUSES = frozenset({Status.OFFERED, Status.ACCEPTED, Status.CONTACTED})
# Once a referral reaches one of these, its client's contact details are kept only so long.
CLOSED_STATUSES = frozenset(
    {Status.DECLINED, Status.CANCELLED, Status.WON, Status.LOST, Status.PAID}
)


def capped(due: Decimal, closed_amount: Decimal) -> Decimal:
    """A commission never exceeds the business it was earned on."""
    return min(due, closed_amount)


# The verb people type, the states it may leave, where it leads, and whose move it is.
# `paid` is the referrer's (they confirm the money arrived); an admin may confirm it too.
@dataclass(frozen=True)
class Move:
    verb: str
    sources: frozenset[Status]
    target: Status
    party: Party
    admin_may: bool = False


MOVES: dict[str, Move] = {
    "accept": Move("accept", frozenset({Status.OFFERED}), Status.ACCEPTED, Party.RECEIVER),
    "decline": Move("decline", frozenset({Status.OFFERED}), Status.DECLINED, Party.RECEIVER),
    "cancel": Move("cancel", frozenset({Status.OFFERED}), Status.CANCELLED, Party.REFERRER),
    "contacted": Move("contacted", frozenset({Status.ACCEPTED}), Status.CONTACTED, Party.RECEIVER),
    "won": Move("won", frozenset({Status.ACCEPTED, Status.CONTACTED}), Status.WON, Party.RECEIVER),
    "lost": Move(
        "lost", frozenset({Status.ACCEPTED, Status.CONTACTED}), Status.LOST, Party.RECEIVER
    ),
    "paid": Move("paid", frozenset({Status.WON}), Status.PAID, Party.REFERRER, admin_may=True),
}


def first_step(status: Status, verb: str) -> Move | None:
    """The move that starts the shortest way from `status` to a state `verb` may leave; None
    when `verb` can be made now or never again (the referral is closed)."""
    wanted = MOVES[verb].sources
    if status in wanted:
        return None
    seen = {status}
    frontier: list[tuple[Status, Move | None]] = [(status, None)]
    while frontier:
        following: list[tuple[Status, Move | None]] = []
        for reached, first in frontier:
            for move in MOVES.values():
                if reached not in move.sources or move.target in seen:
                    continue
                step = first or move
                if move.target in wanted:
                    return step
                seen.add(move.target)
                following.append((move.target, step))
        frontier = following
    return None


@dataclass(frozen=True)
class Event:
    actor_id: int
    at: datetime
    from_status: Status | None
    to_status: Status
    note: str = ""


@dataclass
class Referral:
    id: int
    network_id: int
    number: int
    referrer_id: int
    receiver_id: int
    client_id: int
    client_owner_id: int
    need: str
    temperature: int
    charter_version: int
    created_at: datetime
    currency: str = "EUR"  # the network's currency when the referral was made; never relabelled
    estimated_value: Decimal | None = None
    status: Status = Status.OFFERED
    closed_amount: Decimal | None = None
    commission_due: Decimal | None = None
    commission_paid: Decimal | None = None
    updated_at: datetime | None = None
    events: list[Event] = field(default_factory=list)
    contact: str = ""  # the client's e-mail and/or phone: only the parties and admins see it

    @property
    def closed_at(self) -> datetime | None:
        """When the business was won (the first `won` of its history), if it was."""
        return next((e.at for e in self.events if e.to_status is Status.WON), None)

    @property
    def outstanding(self) -> Decimal:
        """Commission still owed to the referrer."""
        return (self.commission_due or Decimal("0.00")) - (self.commission_paid or Decimal("0.00"))

    def party_of(self, member_id: int) -> Party | None:
        if member_id == self.referrer_id:
            return Party.REFERRER
        if member_id == self.receiver_id:
            return Party.RECEIVER
        return None

    def check_move(self, verb: str, actor_id: int, actor_is_admin: bool) -> Move:
        """The move `verb` if `actor_id` may make it now; raises otherwise."""
        move = MOVES[verb]
        if self.party_of(actor_id) is not move.party and not (move.admin_may and actor_is_admin):
            raise WrongActor(
                "error.wrong_actor_" + move.party.value,
                number=self.number,
                target=move.target.value,
            )
        if self.status not in move.sources:
            raise IllegalTransition(
                number=self.number, target=move.target.value, status=self.status.value
            )
        return move

    def apply(self, move: Move, actor_id: int, at: datetime, note: str = "") -> Event:
        event = Event(actor_id, at, self.status, move.target, note)
        self.status = move.target
        self.updated_at = at
        self.events.append(event)
        return event
