"""The floor of `/stats`: the same figures, one hand-written SQL query per figure (SQLite).

What a member reads in `/stats`: referrals given, accepted, won, lost, business closed,
commissions due and paid, the median days to first contact, the feedback score, the top three
givers, and the chart's referrals and business per month (a range query for each month: a
CASE that buckets the whole year row by row is several times slower on SQLite).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, TextClause, bindparam, text

from storage.types import UTCDateTime

PERIOD = "network_id = :net AND {at} >= :start AND {at} < :end"
GIVEN = (
    f"SELECT count(*) FROM referrals WHERE {PERIOD.format(at='created_at')} "
    "AND status <> 'cancelled'"
)
MOVES = f"SELECT count(*) FROM referral_events WHERE {PERIOD.format(at='at')} AND to_status = :to"
MOVED_SUM = (
    "SELECT sum(r.{column}) FROM referral_events e JOIN referrals r ON r.id = e.referral_id "
    "WHERE e.network_id = :net AND e.at >= :start AND e.at < :end AND e.to_status = '{to}'"
)
MEDIAN_CONTACT = """
WITH firsts AS (
    SELECT julianday(e.at) - julianday(r.created_at) AS days
    FROM referral_events e JOIN referrals r ON r.id = e.referral_id
    WHERE e.network_id = :net AND e.to_status IN ('contacted', 'won', 'lost')
      AND e.at >= :start AND e.at < :end
      AND (e.to_status = 'contacted'
           OR (e.to_status IN ('won', 'lost') AND e.from_status = 'accepted'))
)
SELECT avg(days), (SELECT count(*) FROM firsts) FROM (
    SELECT days FROM firsts ORDER BY days
    LIMIT 2 - (SELECT count(*) FROM firsts) % 2
    OFFSET ((SELECT count(*) FROM firsts) - 1) / 2
)
"""
FEEDBACK = f"SELECT avg(score), count(*) FROM feedback WHERE {PERIOD.format(at='at')}"
TOP_GIVERS = """
SELECT m.display_name, count(*) AS given, coalesce(sum(r.closed_amount), 0) AS closed
FROM referrals r JOIN members m ON m.id = r.referrer_id
WHERE r.network_id = :net AND r.created_at >= :start AND r.created_at < :end
  AND r.status <> 'cancelled'
GROUP BY r.referrer_id ORDER BY given DESC, closed DESC, r.referrer_id LIMIT 3
"""


def _timed_params(sql: str, names: Sequence[str]) -> TextClause:
    return text(sql).bindparams(*(bindparam(name, type_=UTCDateTime()) for name in names))


MONTH_GIVEN = (
    "SELECT count(*) FROM referrals WHERE network_id = :net AND created_at >= :start "
    "AND created_at < :end AND status <> 'cancelled'"
)
MONTH_CLOSED = MOVED_SUM.format(column="closed_amount", to="won")


def money(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


def figures(connection: Connection, net: int, start: datetime, end: datetime) -> dict[str, Any]:
    """The period's figures, one query each."""
    period = {"net": net, "start": start, "end": end}

    def one(sql: str, **extra: Any) -> Any:
        return connection.execute(_timed_params(sql, ("start", "end")), {**period, **extra}).one()

    median, contacts = one(MEDIAN_CONTACT)
    score, scores = one(FEEDBACK)
    givers = connection.execute(_timed_params(TOP_GIVERS, ("start", "end")), period).all()
    return {
        "given": one(GIVEN)[0],
        "accepted": one(MOVES, to="accepted")[0],
        "won": one(MOVES, to="won")[0],
        "lost": one(MOVES, to="lost")[0],
        "closed": money(one(MOVED_SUM.format(column="closed_amount", to="won"))[0]),
        "commission_due": money(one(MOVED_SUM.format(column="commission_due", to="won"))[0]),
        "commission_paid": money(one(MOVED_SUM.format(column="commission_paid", to="paid"))[0]),
        "contact_days": median,
        "contacts": contacts,
        "feedback": score,
        "feedback_count": scores,
        "givers": [tuple(row) for row in givers],
    }


def monthly(connection: Connection, net: int, bounds: Sequence[datetime]) -> list[Any]:
    """The chart's two series, one query per bar and per point: the referrals given and the
    business closed in each month."""
    given = _timed_params(MONTH_GIVEN, ("start", "end"))
    closed = _timed_params(MONTH_CLOSED, ("start", "end"))
    series = []
    for start, end in itertools.pairwise(bounds):
        period = {"net": net, "start": start, "end": end}
        series.append(
            (
                connection.execute(given, period).scalar(),
                money(connection.execute(closed, period).scalar()),
            )
        )
    return series
