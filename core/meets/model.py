"""One-to-ones: two members meet to learn each other's trade, and what moves a meeting on.

A one-to-one is proposed by one member to another (or suggested by a pairing round). One of
the two is always the one it waits on: the other member answers a proposal (accept, decline,
or move it to another time), and a move waits on the member who did not make it. Once it is
accepted and its time has passed, either may say it happened, with a note of what they learned
that only its author ever reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from core.shared.errors import ApportError

MAX_PLACE = 300
MAX_NOTE = 2000

# Reminders before the time, and the questions after it.
DAY_BEFORE = timedelta(days=1)
HOUR_BEFORE = timedelta(hours=1)
FIRST_CHECK = timedelta(hours=2)  # after the time: did it happen?
SECOND_CHECK = timedelta(days=3)  # asked once more
DROP_AFTER = timedelta(days=7)  # still unconfirmed: dropped
RECALL_AFTER = timedelta(days=30)  # a note's author is reminded of the other's ideal client


class MeetState(StrEnum):
    PAIRED = "paired"  # a pairing round put the two together; nobody proposed a time yet
    PROPOSED = "proposed"  # waiting on one of the two
    ACCEPTED = "accepted"  # booked
    DONE = "done"  # one of the two said it happened
    DECLINED = "declined"
    DROPPED = "dropped"  # its time passed and nobody said it happened

    @property
    def open(self) -> bool:
        return self in (MeetState.PAIRED, MeetState.PROPOSED, MeetState.ACCEPTED)


class MeetError(ApportError):
    key = "error.meet_state"


@dataclass
class Meet:
    id: int
    network_id: int
    number: int
    proposer_id: int
    partner_id: int
    state: MeetState
    created_at: datetime
    at: datetime | None = None
    place: str = ""
    waiting_on: int | None = None  # who answers next
    round: int | None = None  # the pairing round that suggested it
    done_at: datetime | None = None
    notes: dict[int, str] = field(default_factory=dict)  # by author: private to each

    @property
    def members(self) -> tuple[int, int]:
        return (self.proposer_id, self.partner_id)

    def other(self, member_id: int) -> int:
        return self.partner_id if member_id == self.proposer_id else self.proposer_id

    def is_party(self, member_id: int) -> bool:
        return member_id in self.members

    def _party(self, by: int) -> None:
        if not self.is_party(by):
            raise MeetError("error.meet_not_yours", number=self.number)

    def _open(self) -> None:
        """Refused once it is over: declined, dropped or done."""
        if not self.state.open:
            raise MeetError("error.meet_closed", number=self.number, state=self.state.value)

    def accept(self, by: int) -> None:
        self._party(by)
        self._open()
        if self.state is MeetState.ACCEPTED:
            raise MeetError("error.meet_already_accepted", number=self.number)
        if self.at is None:
            raise MeetError("error.meet_no_time", number=self.number)
        if self.waiting_on != by:
            raise MeetError("error.meet_not_your_turn", number=self.number)
        self.state = MeetState.ACCEPTED
        self.waiting_on = None

    def decline(self, by: int) -> None:
        self._party(by)
        self._open()
        self.state = MeetState.DECLINED
        self.waiting_on = None

    def move(self, by: int, at: datetime, place: str) -> None:
        """A (new) time proposed by `by`: the other member answers it."""
        self._party(by)
        self._open()
        self.at = at
        if place:
            self.place = place
        self.state = MeetState.PROPOSED
        self.waiting_on = self.other(by)

    def confirm(self, by: int, note: str, now: datetime) -> bool:
        """`by` says it happened, with a note; True when this is the first to say so."""
        self._party(by)
        if self.state is MeetState.DONE:
            if note:
                self.notes[by] = note
            return False
        self._open()
        if self.state is not MeetState.ACCEPTED:
            raise MeetError("error.meet_not_booked", number=self.number)
        if self.at is None or self.at > now:
            raise MeetError("error.meet_not_yet", number=self.number)
        self.state = MeetState.DONE
        self.done_at = now
        if note:
            self.notes[by] = note
        return True

    def drop(self) -> bool:
        """Nobody said it happened: dropped, unless it moved on meanwhile."""
        if self.state is not MeetState.ACCEPTED:
            return False
        self.state = MeetState.DROPPED
        return True
