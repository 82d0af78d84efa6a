"""Meetings, attendance and visitors: the records, and the rules read from them.

A meeting is one occurrence of the network's weekly schedule (or a date it was cancelled on).
Each member has at most one attendance mark per meeting: present, late, absent, medical or
substitute (someone stands in). Late and substitute count as presence; only plain absences
count towards the absence rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Mark(StrEnum):
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    MEDICAL = "medical"
    SUBSTITUTE = "substitute"


# Marks that count as the member being there (a substitute stands in for them).
ATTENDED = frozenset({Mark.PRESENT, Mark.LATE, Mark.SUBSTITUTE})
# Marks the absence rule counts: medical absences and substitutes are not held against anyone.
COUNTED_ABSENCES = frozenset({Mark.ABSENT})
# French words accepted beside the English ones.
MARK_WORDS = {
    "present": Mark.PRESENT,
    "présent": Mark.PRESENT,
    "late": Mark.LATE,
    "retard": Mark.LATE,
    "absent": Mark.ABSENT,
    "medical": Mark.MEDICAL,
    "médical": Mark.MEDICAL,
    "substitute": Mark.SUBSTITUTE,
    "remplaçant": Mark.SUBSTITUTE,
    "remplacant": Mark.SUBSTITUTE,
}


@dataclass
class Meeting:
    id: int
    network_id: int
    starts_at: datetime
    place: str = ""
    cancelled: bool = False
    cancel_reason: str = ""
    closed: bool = False  # the check-in window ended and non-answers were marked absent


@dataclass
class Attendance:
    meeting_id: int
    member_id: int
    mark: Mark
    at: datetime
    reason: str = ""
    substitute_name: str = ""
    substitute_profession: str = ""
    by_id: int | None = None  # who set it, when not the member (admin, secretary, the job)


@dataclass
class Visitor:
    id: int
    network_id: int
    number: int
    host_id: int
    name: str
    profession: str
    company: str
    contact: str
    visit_at: datetime  # the meeting they are expected at
    created_at: datetime
    came: bool | None = None  # the host's answer after the meeting
    notes: str = ""
    candidate_number: int | None = None  # the candidacy they were proposed for
    erased: bool = False  # their contact was erased after the retention period


def checkin_open(meeting: Meeting, now: datetime, minutes: int) -> bool:
    """The "I'm here" window: from the meeting's start for `minutes`."""
    return meeting.starts_at <= now < meeting.starts_at + timedelta(minutes=minutes)


def counted_absences(marks: Iterable[tuple[datetime, Mark]], since: datetime) -> int:
    """Absences the rule counts among (meeting time, mark) since `since`."""
    return sum(1 for at, mark in marks if at >= since and mark in COUNTED_ABSENCES)


class AbsenceStep(StrEnum):
    NONE = "none"
    WARN = "warn"  # one more and the limit is reached: the member gets a friendly word
    REACHED = "reached"  # the limit is reached: the admins are told


def absence_step(before: int, after: int, allowed: int) -> AbsenceStep:
    """What crossing from `before` to `after` counted absences calls for, with `allowed`
    absences in the window: a step is taken once, when the count first reaches it."""
    if before < allowed <= after:
        return AbsenceStep.REACHED
    if allowed > 1 and before < allowed - 1 <= after:
        return AbsenceStep.WARN
    return AbsenceStep.NONE


def months_ago(now: datetime, months: int) -> datetime:
    """About `months` months before `now` (30.44 days a month)."""
    return now - timedelta(days=round(months * 30.44))
