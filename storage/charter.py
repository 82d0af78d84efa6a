"""Charter versions and acceptances over one SQLAlchemy session."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.charter.model import CharterVersion, CommissionKind, CommissionRule
from storage.inserts import insert_or_skip
from storage.tables import CharterAcceptanceRow, CharterVersionRow, NetworkRow


def _charter(row: CharterVersionRow) -> CharterVersion:
    rule = CommissionRule(
        CommissionKind(row.commission_kind),
        row.commission_rate,
        row.commission_flat,
        row.commission_min,
        row.commission_cap,
    )
    return CharterVersion(
        row.id, row.network_id, row.version, row.texts, rule, row.created_at, row.created_by
    )


class SqlCharters:
    def __init__(self, session: Session) -> None:
        self.session = session

    def current(self, network_id: int, lock: bool = False) -> CharterVersion | None:
        """The latest version; `lock` holds the network's row until commit.

        A new version is numbered from the latest, and locking that version's row would not
        stop another one being added after it: publishing waits on the network instead.
        """
        if lock:
            self.session.execute(
                select(NetworkRow.id).where(NetworkRow.id == network_id).with_for_update()
            )
        row = self.session.scalars(
            select(CharterVersionRow)
            .where(CharterVersionRow.network_id == network_id)
            .order_by(CharterVersionRow.version.desc())
            .limit(1)
        ).one_or_none()
        return _charter(row) if row else None

    def get(self, network_id: int, version: int) -> CharterVersion | None:
        row = self.session.scalars(
            select(CharterVersionRow).where(
                CharterVersionRow.network_id == network_id, CharterVersionRow.version == version
            )
        ).one_or_none()
        return _charter(row) if row else None

    def history(self, network_id: int) -> list[CharterVersion]:
        rows = self.session.scalars(
            select(CharterVersionRow)
            .where(CharterVersionRow.network_id == network_id)
            .order_by(CharterVersionRow.version)
        )
        return [_charter(row) for row in rows]

    def add(self, version: CharterVersion) -> CharterVersion:
        rule = version.rule
        row = CharterVersionRow(
            network_id=version.network_id,
            version=version.version,
            texts=version.texts,
            commission_kind=rule.kind.value,
            commission_rate=rule.rate,
            commission_flat=rule.flat,
            commission_min=rule.minimum,
            commission_cap=rule.cap,
            created_by=version.created_by,
            created_at=version.created_at,
        )
        self.session.add(row)
        self.session.flush()
        version.id = row.id
        return version

    def accepted(self, network_id: int, member_id: int, version: int) -> bool:
        found = self.session.scalar(
            select(CharterAcceptanceRow.id).where(
                CharterAcceptanceRow.network_id == network_id,
                CharterAcceptanceRow.member_id == member_id,
                CharterAcceptanceRow.version == version,
            )
        )
        return found is not None

    def accept(self, network_id: int, member_id: int, version: int, at: datetime) -> None:
        # A concurrent acceptance of the same version is the same fact: keep the first.
        insert_or_skip(
            self.session,
            CharterAcceptanceRow(
                network_id=network_id, member_id=member_id, version=version, accepted_at=at
            ),
        )

    def acceptances_of(self, network_id: int, member_id: int) -> list[tuple[int, datetime]]:
        rows = self.session.execute(
            select(CharterAcceptanceRow.version, CharterAcceptanceRow.accepted_at)
            .where(
                CharterAcceptanceRow.network_id == network_id,
                CharterAcceptanceRow.member_id == member_id,
            )
            .order_by(CharterAcceptanceRow.version)
        ).all()
        return [(version, at) for version, at in rows]

    def acceptance_count(self, network_id: int, version: int) -> int:
        query = (
            select(func.count())
            .select_from(CharterAcceptanceRow)
            .where(
                CharterAcceptanceRow.network_id == network_id,
                CharterAcceptanceRow.version == version,
            )
        )
        return self.session.scalar(query) or 0
