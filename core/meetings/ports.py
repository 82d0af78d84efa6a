"""What meetings and visitors need from storage."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Protocol

from core.meetings.model import Attendance, Meeting, Visitor


class MeetingRepository(Protocol):
    def at(self, network_id: int, starts_at: datetime, lock: bool = False) -> Meeting | None:
        """The meeting starting at `starts_at`; `lock` holds it until commit."""
        ...

    def ensure(self, network_id: int, starts_at: datetime, place: str) -> Meeting:
        """The meeting starting at `starts_at`, made if it is not there yet (two processes
        making it at once get the same row)."""
        ...

    def update(self, meeting: Meeting) -> None: ...
    def between(self, network_id: int, start: datetime, end: datetime) -> list[Meeting]:
        """Meetings starting in [start, end), cancelled ones included, oldest first."""
        ...

    def marks(self, network_id: int, meeting_id: int) -> dict[int, Attendance]:
        """Each member's mark at the meeting, by member id."""
        ...

    def mark(self, network_id: int, attendance: Attendance, only_if_unmarked: bool = False) -> bool:
        """Store a member's mark (replacing theirs); with `only_if_unmarked`, only when they
        have none yet. True when it was stored."""
        ...

    def marks_of(
        self, network_id: int, member_id: int, since: datetime
    ) -> list[tuple[datetime, Attendance]]:
        """The member's marks at meetings from `since`, with each meeting's start."""
        ...

    def attendance(
        self, network_id: int, since: datetime, until: datetime
    ) -> dict[int, tuple[int, int]]:
        """Per member: (meetings held and closed in the window that they were marked at,
        those attended)."""
        ...

    def forget_reasons_of(self, network_id: int, member_id: int, placeholder: str) -> None:
        """The member's absence reasons and substitutes' names become `placeholder`."""
        ...


class VisitorRepository(Protocol):
    def add(self, visitor: Visitor) -> Visitor:
        """Store a new visitor under the network's next visitor number."""
        ...

    def get(self, network_id: int, number: int, lock: bool = False) -> Visitor | None: ...
    def update(self, visitor: Visitor) -> None: ...
    def between(self, network_id: int, start: datetime, end: datetime) -> list[Visitor]:
        """Visitors expected in [start, end), in visit order."""
        ...

    def hosted_by(self, network_id: int, host_id: int) -> list[Visitor]: ...
    def counts(
        self, network_id: int, since: datetime, until: datetime, host_ids: Collection[int] = ()
    ) -> dict[int, int]:
        """Visitors who came (or were not said not to) in the window, by host."""
        ...
