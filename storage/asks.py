"""Asks and thanks: members' asks of the week, public thanks, and who exchanges with whom."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from core.asks.model import Ask, Exchange, PastReferral, Thanks
from core.referrals.model import Status
from storage.inserts import insert_or_skip
from storage.locks import locked
from storage.tables import AskRow, ClientRow, MemberRow, ReferralRow, ThanksRow
from storage.tenancy import present


def _ask(row: AskRow) -> Ask:
    return Ask(row.id, row.network_id, row.member_id, row.text, row.created_at, row.ended_at)


class SqlAsks:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lock_member(self, network_id: int, member_id: int) -> None:
        """Hold the member's row until commit: their asks change one command at a time."""
        self.session.execute(
            locked(
                select(MemberRow.id).where(
                    MemberRow.network_id == network_id, MemberRow.id == member_id
                ),
                MemberRow,
            )
        ).all()

    def set(self, network_id: int, member_id: int, text: str, at: datetime) -> Ask:
        self.end(network_id, member_id, at)
        row = AskRow(network_id=network_id, member_id=member_id, text=text, created_at=at)
        self.session.add(row)
        self.session.flush()
        return _ask(row)

    def end(self, network_id: int, member_id: int, at: datetime) -> int:
        result = self.session.execute(
            update(AskRow)
            .where(
                AskRow.network_id == network_id,
                AskRow.member_id == member_id,
                AskRow.ended_at.is_(None),
            )
            .values(ended_at=at)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def current(
        self,
        network_id: int,
        now: datetime,
        weeks: int,
        member_ids: Collection[int] | None = None,
    ) -> dict[int, Ask]:
        query = (
            select(AskRow)
            .join(MemberRow, MemberRow.id == AskRow.member_id)
            .where(
                AskRow.network_id == network_id,
                AskRow.ended_at.is_(None),
                AskRow.created_at > now - timedelta(weeks=weeks),
                AskRow.created_at <= now,
                present(),
            )
            .order_by(AskRow.created_at, AskRow.id)
        )
        if member_ids is not None:
            wanted = list(member_ids)
            if not wanted:
                return {}
            query = query.where(AskRow.member_id.in_(wanted))
        return {row.member_id: _ask(row) for row in self.session.scalars(query)}

    def at(self, network_id: int, member_id: int, moment: datetime) -> Ask | None:
        row = self.session.scalars(
            select(AskRow)
            .where(
                AskRow.network_id == network_id,
                AskRow.member_id == member_id,
                AskRow.created_at <= moment,
                AskRow.ended_at.is_(None) | (AskRow.ended_at > moment),
            )
            .order_by(AskRow.created_at.desc(), AskRow.id.desc())
            .limit(1)
        ).first()
        return _ask(row) if row else None

    def history(self, network_id: int, member_id: int) -> list[Ask]:
        rows = self.session.scalars(
            select(AskRow)
            .where(AskRow.network_id == network_id, AskRow.member_id == member_id)
            .order_by(AskRow.created_at.desc(), AskRow.id.desc())
        )
        return [_ask(row) for row in rows]

    def past_referrals(self, network_id: int) -> list[PastReferral]:
        rows = self.session.execute(
            select(
                ReferralRow.referrer_id, ReferralRow.receiver_id, ClientRow.name, ReferralRow.need
            )
            .join(ClientRow, ClientRow.id == ReferralRow.client_id)
            .where(
                ReferralRow.network_id == network_id,
                ReferralRow.status != Status.CANCELLED.value,
            )
        )
        return [
            PastReferral(int(referrer), int(receiver), f"{client} {need}")
            for referrer, receiver, client, need in rows
        ]

    def exchanges(self, network_id: int, member_id: int) -> list[Exchange]:
        given = ReferralRow.referrer_id == member_id
        other = case((given, ReferralRow.receiver_id), else_=ReferralRow.referrer_id)
        won = ReferralRow.status.in_((Status.WON.value, Status.PAID.value))
        closed = func.sum(case((won, ReferralRow.closed_amount), else_=None))
        rows = self.session.execute(
            select(other, given, ReferralRow.currency, func.count(), closed)
            .where(
                ReferralRow.network_id == network_id,
                given | (ReferralRow.receiver_id == member_id),
                ReferralRow.status != Status.CANCELLED.value,
            )
            .group_by(other, given, ReferralRow.currency)
        )
        found: dict[int, Exchange] = {}
        for other_id, is_given, currency, count, amount in rows:
            exchange = found.setdefault(int(other_id), Exchange(int(other_id), 0, 0, {}, {}))
            sums = exchange.given_closed if is_given else exchange.received_closed
            assert sums is not None
            if amount is not None:
                sums[currency] = sums.get(currency, Decimal("0.00")) + Decimal(amount)
            if is_given:
                exchange.given += int(count)
            else:
                exchange.received += int(count)
        return list(found.values())

    def add_thanks(self, thanks: Thanks) -> bool:
        return insert_or_skip(
            self.session,
            ThanksRow(
                network_id=thanks.network_id,
                referral_id=thanks.referral_id,
                author_id=thanks.author_id,
                message=thanks.message,
                with_amount=thanks.with_amount,
                at=thanks.at,
            ),
        )

    def thanks_for(self, network_id: int, referral_id: int) -> Thanks | None:
        row = self.session.scalars(
            select(ThanksRow).where(
                ThanksRow.network_id == network_id, ThanksRow.referral_id == referral_id
            )
        ).first()
        if row is None:
            return None
        return Thanks(
            row.id,
            row.network_id,
            row.referral_id,
            row.author_id,
            row.message,
            row.with_amount,
            row.at,
        )
