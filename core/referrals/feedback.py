"""Feedback: the referrer's word on whether the client was served well."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

SCORES = range(1, 6)
ALERT_AT_OR_BELOW = 2
ASK_AGAIN_DAYS = 7


@dataclass
class Feedback:
    network_id: int
    referral_id: int
    giver_id: int  # the referrer
    member_id: int  # who served the client (the receiver)
    score: int
    comment: str
    at: datetime
