"""The chart's monthly series (one range aggregate per month) against direct SQL, for a member
as well as for the network, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, bindparam, text

from bench.generate import NOW, generate
from core.stats.model import PeriodKind, chart_months, current_period, month_bounds
from storage.database import unit_of_work_factory
from storage.types import UTCDateTime

GIVEN = (
    "SELECT count(*) FROM referrals WHERE network_id = :n AND created_at >= :s "
    "AND created_at < :e AND status <> 'cancelled' AND referrer_id = :m"
)
CLOSED = (
    "SELECT sum(r.closed_amount) FROM referral_events e JOIN referrals r ON r.id = e.referral_id "
    "WHERE e.network_id = :n AND e.to_status = 'won' AND e.at >= :s AND e.at < :e "
    "AND r.receiver_id = :m"
)

BUSIEST = (
    "SELECT referrer_id FROM referrals WHERE network_id = :n "
    "GROUP BY referrer_id ORDER BY count(*) DESC, referrer_id LIMIT 1"
)


def _one(engine: Engine, statement: str, **params: Any) -> Any:
    times = [
        bindparam(k, type_=UTCDateTime()) for k, v in params.items() if isinstance(v, datetime)
    ]
    query = text(statement).bindparams(*times)
    with engine.connect() as connection:
        return connection.execute(query, params).scalar()


def test_a_member_s_months_match_direct_sql(engine: Engine) -> None:
    made = generate(engine, members=8, referrals=900, months=14, seed=5)
    bounds = month_bounds(
        chart_months(current_period(PeriodKind.MONTH, NOW, "Europe/Paris"), None), "Europe/Paris"
    )
    member = _one(engine, BUSIEST, n=made.network_id)
    with unit_of_work_factory(engine)() as uow:
        series = uow.stats.monthly(made.network_id, bounds, member)
    expected = [
        (
            _one(engine, GIVEN, n=made.network_id, s=lo, e=hi, m=member),
            Decimal(
                str(_one(engine, CLOSED, n=made.network_id, s=lo, e=hi, m=member) or 0)
            ).quantize(Decimal("0.01")),
        )
        for lo, hi in itertools.pairwise(bounds)
    ]
    assert series == expected
    assert sum(given for given, _ in series) > 20
    assert any(closed > 0 for _, closed in series)


def test_months_without_referrals_are_zeros_and_no_months_is_empty(engine: Engine) -> None:
    made = generate(engine, members=4, referrals=50, months=2, seed=1)
    later = [datetime(2031, month, 1, tzinfo=UTC) for month in (1, 2, 3)]
    with unit_of_work_factory(engine)() as uow:
        assert uow.stats.monthly(made.network_id, later) == [(0, Decimal("0.00"))] * 2
        assert uow.stats.monthly(made.network_id, later[:1]) == []
