"""Datetimes stay aware and in UTC, money stays exact, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from storage.tables import ClientRow, MemberRow, NetworkRow, ReferralRow
from storage.tenancy import new_network_row


def _network(at: datetime) -> NetworkRow:
    return new_network_row(f"k{at.timestamp()}", "N", "en", at)


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(_network(datetime(2026, 1, 1, 12, 0)))
        with pytest.raises(StatementError, match="naive datetime"):
            session.flush()


def test_datetimes_come_back_aware_in_utc(engine: Engine) -> None:
    paris_summer = timezone(timedelta(hours=2))
    written = datetime(2026, 7, 14, 9, 30, tzinfo=paris_summer)
    with Session(engine) as session:
        row = _network(written)
        session.add(row)
        session.commit()
        key = row.key
    with Session(engine) as session:
        read = session.query(NetworkRow).filter_by(key=key).one().created_at
    assert read.tzinfo is not None and read.utcoffset() == timedelta(0)
    assert read == written
    assert read.hour == 7


def test_money_is_exact(engine: Engine) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with Session(engine) as session:
        network = _network(at)
        session.add(network)
        session.flush()
        member = MemberRow(
            network_id=network.id,
            external_id="a",
            display_name="a",
            name_key="a",
            roles="",
            joined_at=at,
        )
        session.add(member)
        session.flush()
        client = ClientRow(
            network_id=network.id, name="c", key="c", owner_id=member.id, created_at=at
        )
        session.add(client)
        session.flush()
        session.add(
            ReferralRow(
                network_id=network.id,
                number=1,
                referrer_id=member.id,
                receiver_id=member.id,
                client_id=client.id,
                client_owner_id=member.id,
                need="n",
                temperature=1,
                charter_version=1,
                currency="EUR",
                status="won",
                estimated_value=Decimal("0.10"),
                closed_amount=Decimal("999999999.99"),
                commission_due=Decimal("0.30"),
                commission_paid=None,
                created_at=at,
                updated_at=at,
            )
        )
        session.commit()
    with Session(engine) as session:
        row = session.query(ReferralRow).one()
    assert row.closed_amount == Decimal("999999999.99")
    assert row.estimated_value + row.commission_due == Decimal("0.40")  # type: ignore[operator]
    assert isinstance(row.commission_due, Decimal)
