"""Breach reports and the audit trail."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.shared.audit import AuditEntry
from core.trust.breaches import OPEN_BREACH_STATES, Breach, BreachEvent, BreachKind, BreachState
from storage.counters import take_next
from storage.locks import locked
from storage.tables import AuditRow, BreachEventRow, BreachRow, NetworkRow


class SqlBreaches:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next_number(self, network_id: int) -> int:
        return take_next(self.session, network_id, NetworkRow.next_breach_number)

    def _event(self, breach: Breach, event: BreachEvent) -> None:
        self.session.add(
            BreachEventRow(
                network_id=breach.network_id,
                breach_id=breach.id,
                actor_id=event.actor_id,
                at=event.at,
                state=event.state.value,
                note=event.note,
            )
        )

    def add(self, breach: Breach) -> Breach:
        row = BreachRow(
            network_id=breach.network_id,
            number=breach.number,
            reporter_id=breach.reporter_id,
            reported_id=breach.reported_id,
            kind=breach.kind.value,
            text=breach.text,
            referral_number=breach.referral_number,
            state=breach.state.value,
            created_at=breach.created_at,
        )
        self.session.add(row)
        self.session.flush()
        breach.id = row.id
        for event in breach.events:
            self._event(breach, event)
        self.session.flush()
        return breach

    def _load(self, row: BreachRow) -> Breach:
        events = [
            BreachEvent(e.actor_id, e.at, BreachState(e.state), e.note)
            for e in self.session.scalars(
                select(BreachEventRow)
                .where(BreachEventRow.breach_id == row.id)
                .order_by(BreachEventRow.id)
            )
        ]
        return Breach(
            row.id,
            row.network_id,
            row.number,
            row.reporter_id,
            row.reported_id,
            BreachKind(row.kind),
            row.text,
            row.created_at,
            row.referral_number,
            BreachState(row.state),
            events,
        )

    def get(self, network_id: int, number: int) -> Breach | None:
        """The report with its history, its row locked until commit (see storage/locks)."""
        query = select(BreachRow).where(
            BreachRow.network_id == network_id, BreachRow.number == number
        )
        row = self.session.scalars(locked(query, BreachRow)).one_or_none()
        return self._load(row) if row else None

    def open(self, network_id: int) -> list[Breach]:
        rows = self.session.scalars(
            select(BreachRow)
            .where(
                BreachRow.network_id == network_id,
                BreachRow.state.in_([s.value for s in OPEN_BREACH_STATES]),
            )
            .order_by(BreachRow.number)
        )
        return [self._load(row) for row in rows]

    def update(self, breach: Breach, event: BreachEvent) -> None:
        row = self.session.get_one(BreachRow, breach.id)
        if row.network_id != breach.network_id:
            raise ValueError("report belongs to another network")
        row.state = breach.state.value
        self._event(breach, event)
        self.session.flush()

    def filed_by(self, network_id: int, member_id: int) -> list[Breach]:
        rows = self.session.scalars(
            select(BreachRow)
            .where(BreachRow.network_id == network_id, BreachRow.reporter_id == member_id)
            .order_by(BreachRow.number)
        )
        return [self._load(row) for row in rows]


class SqlAudit:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, entry: AuditEntry) -> None:
        self.session.add(
            AuditRow(
                network_id=entry.network_id,
                actor_id=entry.actor_id,
                at=entry.at,
                what=entry.what,
                detail=entry.detail,
            )
        )

    def recent(self, network_id: int, limit: int) -> list[AuditEntry]:
        rows = self.session.scalars(
            select(AuditRow)
            .where(AuditRow.network_id == network_id)
            .order_by(AuditRow.at.desc(), AuditRow.id.desc())
            .limit(limit)
        )
        return [AuditEntry(r.network_id, r.actor_id, r.at, r.what, r.detail) for r in rows]
