"""The outbox: every message the bot will send, as a row written with the change that caused it.

A dispatcher in each bot process claims due rows atomically, sends them, and marks them; a
failed send is retried with backoff; nothing is dropped silently and nothing is sent twice.
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


MAX_ATTEMPTS = 6
FIRST_RETRY = timedelta(seconds=30)
CLAIM_TIMEOUT = timedelta(minutes=5)


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: 30 s, 1 min, 2 min, 4 min, 8 min."""
    return FIRST_RETRY * int(2 ** max(attempts - 1, 0))


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
