"""Charter breach reports: confidential, for admins, each step kept in the report's history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from core.shared.tenancy import Member, Role


class BreachKind(StrEnum):
    POACHING = "poaching"
    UNPAID = "unpaid"
    SERVICE = "service"
    OTHER = "other"


class BreachState(StrEnum):
    OPEN = "open"
    RAISED = "raised"  # an admin took it up with the member reported on
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


OPEN_BREACH_STATES = frozenset({BreachState.OPEN, BreachState.RAISED})

# Which part of the charter each kind of breach concerns.
CHARTER_SECTION = {
    BreachKind.POACHING: "members",
    BreachKind.UNPAID: "remuneration",
    BreachKind.SERVICE: "clients",
    BreachKind.OTHER: "",
}


@dataclass(frozen=True)
class BreachEvent:
    actor_id: int
    at: datetime
    state: BreachState
    note: str = ""


@dataclass
class Breach:
    id: int
    network_id: int
    number: int
    reporter_id: int
    reported_id: int
    kind: BreachKind
    text: str
    created_at: datetime
    referral_number: int | None = None
    state: BreachState = BreachState.OPEN
    events: list[BreachEvent] = field(default_factory=list)


@dataclass(frozen=True)
class Handlers:
    """Who may act on a report: `role` names them (admins, or recruiters when the member
    reported on is the only admin), `members` are they."""

    role: Role
    members: tuple[Member, ...]


def handlers(members: Sequence[Member], reported_id: int) -> Handlers | None:
    """The admins, but the member reported on; when that member is the only admin (or there
    is none), the recruiters; None when nobody but the member reported on could act."""
    for role in (Role.ADMIN, Role.RECRUITER):
        found = tuple(m for m in members if role in m.roles and m.id != reported_id)
        if found:
            return Handlers(role, found)
    return None
