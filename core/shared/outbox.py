"""The outbox: every message the bot will send, as a row written with the change that caused it.

A dispatcher in each bot process claims due rows atomically, sends them, and marks them. Each
dispatcher holds a lease it renews while it runs; the rows a dispatcher claimed are taken over by
another as soon as its lease has expired (its process died). A send that fails in transport (the
platform is down or slow) is retried with capped backoff through the delivery window; a refusal
that retrying cannot help fails the row at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class OutboxState(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"  # no longer relevant when due (the referral moved on)


MAX_ATTEMPTS = 6  # for a row that cannot be composed (a defect, not an outage)
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(minutes=15)
LEASE = timedelta(seconds=30)  # APPORT_LEASE_SECONDS
# A claim this old is taken over even from a dispatcher that still renews its lease: no run
# holds a row that long (its marks were lost, say, by a database restored behind its back).
STALE_CLAIM = timedelta(hours=1)
DELIVERY_WINDOW = timedelta(hours=48)  # APPORT_DELIVERY_HOURS
# Transport failures in a row before a run stops trying the rest of its batch (the platform is
# down: the rest would each wait for their own timeout to learn the same).
OUTAGE_BREAKER = 3
# A row that failed in transport this many times in a row means an outage: admins are told once.
OUTAGE_ALERT_ATTEMPTS = 3


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff, capped: 30 s, 1 min, 2 min, 4 min, 8 min, then every 15 min."""
    return min(FIRST_RETRY * int(2 ** min(max(attempts - 1, 0), 10)), MAX_RETRY)


@dataclass
class OutboxItem:
    network_id: int
    kind: str
    due_at: datetime
    payload: dict[str, Any] = field(default_factory=dict)
    member_id: int | None = None
    channel: str = ""
    key: str = ""  # idempotency key, unique in the network
    subject: str = ""  # what it is about (`referral:12`), for cancelling
    id: int = 0
    state: OutboxState = OutboxState.PENDING
    attempts: int = 0
    last_error: str = ""
    ref: str = ""  # the platform's reference of what was posted (threads hang from it)
    created_at: datetime | None = None  # when it first fell due (the delivery window's start)
    in_doubt: bool = False  # its last send may have gone out unmarked
