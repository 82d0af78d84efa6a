"""Where each member's copy of a card was posted (the `cards` table)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.inserts import insert_or_skip
from storage.tables import CardRow


class SqlCards:
    def __init__(self, session: Session) -> None:
        self.session = session

    def ref(self, network_id: int, card: str, member_id: int) -> str:
        found = self.session.scalars(
            select(CardRow.ref).where(
                CardRow.network_id == network_id,
                CardRow.card == card,
                CardRow.member_id == member_id,
            )
        ).one_or_none()
        return found or ""

    def place(self, network_id: int, card: str, member_id: int, ref: str, at: datetime) -> None:
        where = (
            CardRow.network_id == network_id,
            CardRow.card == card,
            CardRow.member_id == member_id,
        )
        moved = self.session.execute(update(CardRow).where(*where).values(ref=ref, placed_at=at))
        if getattr(moved, "rowcount", 0):
            return
        row = CardRow(network_id=network_id, card=card, member_id=member_id, ref=ref, placed_at=at)
        if not insert_or_skip(self.session, row):  # placed meanwhile: the latest post wins
            self.session.execute(update(CardRow).where(*where).values(ref=ref, placed_at=at))
