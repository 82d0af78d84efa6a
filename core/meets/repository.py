"""What one-to-ones need from storage (the port `storage/meets.py` implements)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Protocol

from core.meets.model import Meet
from core.meets.pairing import Met, Pair


class MeetRepository(Protocol):
    def next_number(self, network_id: int) -> int: ...
    def add(self, meet: Meet) -> Meet: ...
    def get(self, network_id: int, number: int) -> Meet | None:
        """The one-to-one with its notes, its row locked until commit (see storage/locks)."""
        ...

    def update(self, meet: Meet) -> None:
        """Store its state, time, place, turn and notes."""
        ...

    def of_member(self, network_id: int, member_id: int) -> list[Meet]:
        """The member's one-to-ones, newest first (notes: only the member's own)."""
        ...

    def open_between(self, network_id: int, a: int, b: int) -> Meet | None:
        """An open one-to-one between the two, if there is one."""
        ...

    def history(self, network_id: int, since: datetime) -> list[Met]:
        """Every two members paired or proposed to meet since `since` (declined ones too)."""
        ...

    def last_round(self, network_id: int) -> int:
        """The number of the latest pairing round (0 before the first)."""
        ...

    def of_round(self, network_id: int, round_number: int) -> list[Meet]: ...
    def paused(self, network_id: int, at: datetime) -> dict[int, datetime]:
        """Members out of the rounds at `at`, and until when."""
        ...

    def pause(self, network_id: int, member_id: int, until: datetime | None) -> None:
        """Out of the rounds until `until`; None: back in."""
        ...

    def met_pairs(self, network_id: int, before: datetime) -> set[Pair]:
        """Two members who said a one-to-one of theirs happened before `before`."""
        ...

    def referral_pairs(self, network_id: int, start: datetime, end: datetime) -> Counter[Pair]:
        """Referrals exchanged in [start, end) by each two members (cancelled ones left out)."""
        ...

    def shared_clients(self, network_id: int) -> Counter[Pair]:
        """How many clients each two members both had referrals about."""
        ...
