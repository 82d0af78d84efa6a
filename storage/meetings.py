"""Meetings, attendance marks and visitors: core's meeting ports over one SQLAlchemy session."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import case, func, or_, select, update
from sqlalchemy.orm import Session

from core.meetings.model import ATTENDED, Attendance, Mark, Meeting, Visitor
from storage.counters import take_next
from storage.inserts import insert_or_skip
from storage.locks import locked
from storage.tables import AttendanceRow, MeetingRow, NetworkRow, VisitorRow


def _meeting(row: MeetingRow) -> Meeting:
    return Meeting(
        row.id,
        row.network_id,
        row.starts_at,
        row.place,
        row.cancelled,
        row.cancel_reason,
        row.closed,
    )


def _attendance(row: AttendanceRow) -> Attendance:
    return Attendance(
        row.meeting_id,
        row.member_id,
        Mark(row.mark),
        row.at,
        row.reason,
        row.substitute_name,
        row.substitute_profession,
        row.by_id,
    )


class SqlMeetings:
    def __init__(self, session: Session) -> None:
        self.session = session

    def at(self, network_id: int, starts_at: datetime, lock: bool = False) -> Meeting | None:
        query = select(MeetingRow).where(
            MeetingRow.network_id == network_id, MeetingRow.starts_at == starts_at
        )
        if lock:
            query = locked(query, MeetingRow)
        row = self.session.scalars(query).one_or_none()
        return _meeting(row) if row else None

    def ensure(self, network_id: int, starts_at: datetime, place: str) -> Meeting:
        found = self.at(network_id, starts_at)
        if found is not None:
            return found
        row = MeetingRow(
            network_id=network_id,
            starts_at=starts_at,
            place=place,
            cancelled=False,
            cancel_reason="",
            closed=False,
        )
        if insert_or_skip(self.session, row):
            return _meeting(row)
        made = self.at(network_id, starts_at)
        if made is None:
            raise LookupError("a meeting vanished after a conflicting insert")
        return made

    def update(self, meeting: Meeting) -> None:
        row = self.session.get_one(MeetingRow, meeting.id)
        if row.network_id != meeting.network_id:
            raise ValueError("meeting belongs to another network")
        row.place = meeting.place
        row.cancelled = meeting.cancelled
        row.cancel_reason = meeting.cancel_reason
        row.closed = meeting.closed

    def between(self, network_id: int, start: datetime, end: datetime) -> list[Meeting]:
        rows = self.session.scalars(
            select(MeetingRow)
            .where(
                MeetingRow.network_id == network_id,
                MeetingRow.starts_at >= start,
                MeetingRow.starts_at < end,
            )
            .order_by(MeetingRow.starts_at)
        )
        return [_meeting(row) for row in rows]

    def marks(self, network_id: int, meeting_id: int) -> dict[int, Attendance]:
        rows = self.session.scalars(
            select(AttendanceRow).where(
                AttendanceRow.network_id == network_id, AttendanceRow.meeting_id == meeting_id
            )
        )
        return {row.member_id: _attendance(row) for row in rows}

    def mark(self, network_id: int, attendance: Attendance, only_if_unmarked: bool = False) -> bool:
        found = self.session.scalars(
            locked(
                select(AttendanceRow).where(
                    AttendanceRow.meeting_id == attendance.meeting_id,
                    AttendanceRow.member_id == attendance.member_id,
                ),
                AttendanceRow,
            )
        ).one_or_none()
        if found is None:
            row = AttendanceRow(
                network_id=network_id,
                meeting_id=attendance.meeting_id,
                member_id=attendance.member_id,
            )
            self._fill(row, attendance)
            if insert_or_skip(self.session, row):
                return True
            if only_if_unmarked:
                return False
            return self.mark(network_id, attendance)
        if only_if_unmarked:
            return False
        self._fill(found, attendance)
        return True

    @staticmethod
    def _fill(row: AttendanceRow, attendance: Attendance) -> None:
        row.mark = attendance.mark.value
        row.reason = attendance.reason
        row.substitute_name = attendance.substitute_name
        row.substitute_profession = attendance.substitute_profession
        row.by_id = attendance.by_id
        row.at = attendance.at

    def marks_of(
        self, network_id: int, member_id: int, since: datetime
    ) -> list[tuple[datetime, Attendance]]:
        rows = self.session.execute(
            select(MeetingRow.starts_at, AttendanceRow)
            .join(MeetingRow, MeetingRow.id == AttendanceRow.meeting_id)
            .where(
                AttendanceRow.network_id == network_id,
                AttendanceRow.member_id == member_id,
                MeetingRow.starts_at >= since,
                MeetingRow.cancelled.is_(False),
            )
            .order_by(MeetingRow.starts_at)
        )
        return [(at, _attendance(row)) for at, row in rows]

    def attendance(
        self, network_id: int, since: datetime, until: datetime
    ) -> dict[int, tuple[int, int]]:
        attended = func.sum(case((AttendanceRow.mark.in_([m.value for m in ATTENDED]), 1), else_=0))
        rows = self.session.execute(
            select(AttendanceRow.member_id, func.count(), attended)
            .join(MeetingRow, MeetingRow.id == AttendanceRow.meeting_id)
            .where(
                AttendanceRow.network_id == network_id,
                MeetingRow.starts_at >= since,
                MeetingRow.starts_at < until,
                MeetingRow.cancelled.is_(False),
                MeetingRow.closed.is_(True),
            )
            .group_by(AttendanceRow.member_id)
        )
        return {member: (int(held), int(came or 0)) for member, held, came in rows}

    def forget_reasons_of(self, network_id: int, member_id: int, placeholder: str) -> None:
        self.session.execute(
            update(AttendanceRow)
            .where(
                AttendanceRow.network_id == network_id,
                AttendanceRow.member_id == member_id,
                or_(AttendanceRow.reason != "", AttendanceRow.substitute_name != ""),
            )
            .values(reason=placeholder, substitute_name="", substitute_profession="")
        )


def _visitor(row: VisitorRow) -> Visitor:
    return Visitor(
        row.id,
        row.network_id,
        row.number,
        row.host_id,
        row.name,
        row.profession,
        row.company,
        row.contact,
        row.visit_at,
        row.created_at,
        row.came,
        row.notes,
        row.candidate_number,
        row.erased,
    )


class SqlVisitors:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, visitor: Visitor) -> Visitor:
        number = take_next(self.session, visitor.network_id, NetworkRow.next_visitor_number)
        row = VisitorRow(
            network_id=visitor.network_id,
            number=number,
            host_id=visitor.host_id,
            name=visitor.name,
            profession=visitor.profession,
            company=visitor.company,
            contact=visitor.contact,
            visit_at=visitor.visit_at,
            created_at=visitor.created_at,
            came=visitor.came,
            notes=visitor.notes,
            candidate_number=visitor.candidate_number,
            erased=visitor.erased,
        )
        self.session.add(row)
        self.session.flush()
        return _visitor(row)

    def get(self, network_id: int, number: int, lock: bool = False) -> Visitor | None:
        query = select(VisitorRow).where(
            VisitorRow.network_id == network_id, VisitorRow.number == number
        )
        if lock:
            query = locked(query, VisitorRow)
        row = self.session.scalars(query).one_or_none()
        return _visitor(row) if row else None

    def update(self, visitor: Visitor) -> None:
        row = self.session.get_one(VisitorRow, visitor.id)
        if row.network_id != visitor.network_id:
            raise ValueError("visitor belongs to another network")
        row.name = visitor.name
        row.profession = visitor.profession
        row.company = visitor.company
        row.contact = visitor.contact
        row.visit_at = visitor.visit_at
        row.came = visitor.came
        row.notes = visitor.notes
        row.candidate_number = visitor.candidate_number
        row.erased = visitor.erased

    def between(self, network_id: int, start: datetime, end: datetime) -> list[Visitor]:
        rows = self.session.scalars(
            select(VisitorRow)
            .where(
                VisitorRow.network_id == network_id,
                VisitorRow.visit_at >= start,
                VisitorRow.visit_at < end,
            )
            .order_by(VisitorRow.visit_at, VisitorRow.number)
        )
        return [_visitor(row) for row in rows]

    def hosted_by(self, network_id: int, host_id: int) -> list[Visitor]:
        rows = self.session.scalars(
            select(VisitorRow)
            .where(VisitorRow.network_id == network_id, VisitorRow.host_id == host_id)
            .order_by(VisitorRow.number)
        )
        return [_visitor(row) for row in rows]

    def counts(
        self, network_id: int, since: datetime, until: datetime, host_ids: Collection[int] = ()
    ) -> dict[int, int]:
        query = (
            select(VisitorRow.host_id, func.count())
            .where(
                VisitorRow.network_id == network_id,
                VisitorRow.visit_at >= since,
                VisitorRow.visit_at < until,
                or_(VisitorRow.came.is_(None), VisitorRow.came.is_(True)),
            )
            .group_by(VisitorRow.host_id)
        )
        if host_ids:
            query = query.where(VisitorRow.host_id.in_(list(host_ids)))
        return {host: int(n) for host, n in self.session.execute(query)}
