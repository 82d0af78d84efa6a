"""The SQL stats repository against direct SQL (SQLite and PostgreSQL): on a generated network,
and on a small scenario played through the facade (declines, cancellations, losses, payments
and feedback, days apart).

The direct computations below are written independently of storage/stats.py: plain SQL text,
the first contact found as the earliest contact event (not from the lifecycle shortcut the
repository uses), the median taken in Python.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, bindparam, text

from bench.generate import NOW, Generated, generate
from core.app import Apport, FirstAdmin, Invocation
from core.directory.model import Standing
from core.dispatcher import Dispatcher
from core.shared.ports import UnitOfWorkFactory
from core.stats.model import (
    ActivityWindow,
    Figures,
    PeriodKind,
    activity_window,
    chart_months,
    current_period,
    month_bounds,
)
from storage.database import unit_of_work_factory
from storage.types import UTCDateTime
from tests.driver import FakeClock, RecordingMessenger

PARIS = "Europe/Paris"
CENT = Decimal("0.01")


@pytest.fixture
def generated(engine: Engine) -> Iterator[Generated]:
    yield generate(engine, members=30, referrals=2_500, months=14, seed=3)


def sql(connection: Connection, statement: str, **params: Any) -> list[Any]:
    """Run plain SQL; datetimes are bound as the column type stores them."""
    query = text(statement).bindparams(
        *(bindparam(k, type_=UTCDateTime()) for k, v in params.items() if isinstance(v, datetime))
    )
    return list(connection.execute(query, params))


def money(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(CENT)


def direct_figures(
    connection: Connection, network: int, start: datetime, end: datetime, member: int | None
) -> Figures:
    p: dict[str, Any] = {"n": network, "s": start, "e": end}
    mine_given = mine_received = party = earner = feedback_party = ""
    if member is not None:
        p["m"] = member
        mine_given, mine_received = " AND referrer_id = :m", " AND receiver_id = :m"
        party, earner, feedback_party = (
            " AND r.receiver_id = :m",
            " AND r.referrer_id = :m",
            (" AND member_id = :m"),
        )
    live = "network_id = :n AND created_at >= :s AND created_at < :e AND status <> 'cancelled'"
    given = sql(connection, f"SELECT count(*) FROM referrals WHERE {live}{mine_given}", **p)[0][0]
    received = given
    if member is not None:
        received = sql(
            connection, f"SELECT count(*) FROM referrals WHERE {live}{mine_received}", **p
        )[0][0]

    def moved(status: str, who: str = party) -> tuple[int, Decimal, Decimal, Decimal]:
        count, closed, due, paid = sql(
            connection,
            "SELECT count(*), sum(r.closed_amount), sum(r.commission_due), "
            "sum(r.commission_paid) FROM referrals r WHERE r.network_id = :n AND EXISTS ("
            "SELECT 1 FROM referral_events e WHERE e.referral_id = r.id AND "
            f"e.to_status = '{status}' AND e.at >= :s AND e.at < :e){who}",
            **p,
        )[0]
        return int(count), money(closed), money(due), money(paid)

    firsts = (
        text(
            "SELECT r.created_at AS created, min(e.at) AS first FROM referrals r "
            "JOIN referral_events e "
            "ON e.referral_id = r.id WHERE r.network_id = :n AND e.to_status IN "
            f"('contacted', 'won', 'lost'){party} GROUP BY r.id, r.created_at"
        )
        .bindparams(**{k: v for k, v in p.items() if k in ("n", "m")})
        .columns(created=UTCDateTime(), first=UTCDateTime())
    )
    days = [
        (first - created).total_seconds() / 86400
        for created, first in connection.execute(firsts)
        if start <= first < end
    ]
    average, scores = sql(
        connection,
        "SELECT avg(score), count(*) FROM feedback WHERE network_id = :n AND at >= :s "
        f"AND at < :e{feedback_party}",
        **p,
    )[0]
    won, paid = moved("won"), moved("paid")
    earned_won = moved("won", earner) if member is not None else (0, 0, 0, 0)
    earned_paid = moved("paid", earner) if member is not None else (0, 0, 0, 0)
    return Figures(
        given=given,
        received=received,
        accepted=moved("accepted")[0],
        won=won[0],
        lost=moved("lost")[0],
        closed=won[1],
        commission_due=won[2],
        commission_paid=paid[3],
        earned_due=money(earned_won[2]),
        earned_paid=money(earned_paid[3]),
        contact_days=statistics.median(days) if days else None,
        contacts=len(days),
        feedback=float(average) if average is not None else None,
        feedback_count=int(scores),
    )


def same(found: Figures, expected: Figures) -> None:
    assert found.contact_days == pytest.approx(expected.contact_days, abs=1e-6)
    assert found.feedback == pytest.approx(expected.feedback, abs=1e-9)
    assert {k: v for k, v in vars(found).items() if k not in ("contact_days", "feedback")} == {
        k: v for k, v in vars(expected).items() if k not in ("contact_days", "feedback")
    }


@pytest.mark.parametrize("kind", list(PeriodKind))
def test_figures_match_direct_sql(engine: Engine, generated: Generated, kind: PeriodKind) -> None:
    period = current_period(kind, NOW, PARIS)
    network = generated.network_id
    with unit_of_work_factory(engine)() as uow:  # (SQLite: one transaction at a time)
        found = uow.stats.figures(network, period.start, period.end)
        mine = {m: uow.stats.figures(network, period.start, period.end, m) for m in (5, 17)}
    with engine.connect() as connection:
        same(found, direct_figures(connection, network, period.start, period.end, None))
        for member, figures in mine.items():
            same(figures, direct_figures(connection, network, period.start, period.end, member))
    assert found.given > 50 and found.won > 10 and found.contacts > 10  # a real test


def test_a_period_without_referrals_is_all_zeros(engine: Engine, generated: Generated) -> None:
    start = datetime(2030, 1, 1, tzinfo=UTC)
    with unit_of_work_factory(engine)() as uow:
        assert uow.stats.figures(generated.network_id, start, start + timedelta(days=30)) == (
            Figures()
        )


def test_top_givers_and_months_match_direct_sql(engine: Engine, generated: Generated) -> None:
    year = current_period(PeriodKind.YEAR, NOW, PARIS)
    months = chart_months(current_period(PeriodKind.MONTH, NOW, PARIS), None)
    bounds = month_bounds(months, PARIS)
    with unit_of_work_factory(engine)() as uow:
        givers = uow.stats.top_givers(generated.network_id, year.start, year.end, 3)
        series = uow.stats.monthly(generated.network_id, bounds)
    with engine.connect() as connection:
        expected = sql(
            connection,
            "SELECT referrer_id, count(*), coalesce(sum(closed_amount), 0) FROM referrals "
            "WHERE network_id = :n AND created_at >= :s AND created_at < :e "
            "AND status <> 'cancelled' GROUP BY referrer_id "
            "ORDER BY count(*) DESC, coalesce(sum(closed_amount), 0) DESC, referrer_id LIMIT 3",
            n=generated.network_id,
            s=year.start,
            e=year.end,
        )
        assert [(g.member_id, g.given, g.closed) for g in givers] == [
            (member, count, money(closed)) for member, count, closed in expected
        ]
        assert len(series) == 12
        for (given, closed), lo, hi in zip(series, bounds, bounds[1:], strict=False):
            p = {"n": generated.network_id, "s": lo, "e": hi}
            assert (
                given
                == sql(
                    connection,
                    "SELECT count(*) FROM referrals WHERE network_id = :n AND created_at >= :s "
                    "AND created_at < :e AND status <> 'cancelled'",
                    **p,
                )[0][0]
            )
            assert closed == money(
                sql(
                    connection,
                    "SELECT sum(r.closed_amount) FROM referral_events e JOIN referrals r "
                    "ON r.id = e.referral_id WHERE e.network_id = :n AND e.to_status = 'won' "
                    "AND e.at >= :s AND e.at < :e",
                    **p,
                )[0][0]
            )
        assert sum(given for given, _ in series) > 1_000


def direct_activity(connection: Connection, network: int, window: ActivityWindow) -> dict[int, Any]:
    p = {"n": network, "since": window.since}
    found: dict[int, dict[str, Any]] = {}
    for member, count in sql(
        connection,
        "SELECT referrer_id, count(*) FROM referrals WHERE network_id = :n "
        "AND created_at >= :since AND status <> 'cancelled' GROUP BY referrer_id",
        **p,
    ):
        found.setdefault(member, {})["given"] = count
    for member, count, answered in sql(
        connection,
        "SELECT receiver_id, count(*), sum(CASE WHEN status = 'offered' THEN 0 ELSE 1 END) "
        "FROM referrals WHERE network_id = :n AND created_at >= :since "
        "AND status <> 'cancelled' AND (status <> 'offered' OR created_at <= :cut) "
        "GROUP BY receiver_id",
        cut=window.answer_before,
        **p,
    ):
        found.setdefault(member, {}).update(received=count, answered=answered)
    for member, count, answered in sql(
        connection,
        "SELECT r.referrer_id, count(*), count(f.id) FROM referrals r "
        "LEFT JOIN feedback f ON f.referral_id = r.id WHERE r.network_id = :n "
        "AND r.created_at >= :since AND r.id IN (SELECT referral_id FROM referral_events "
        "WHERE to_status = 'accepted' AND at <= :asked) GROUP BY r.referrer_id",
        asked=window.feedback_asked_before,
        **p,
    ):
        found.setdefault(member, {}).update(followups=count, followups_answered=answered)
    for member, average, count in sql(
        connection,
        "SELECT member_id, avg(score), count(*) FROM feedback WHERE network_id = :n "
        "AND at >= :since GROUP BY member_id",
        **p,
    ):
        found.setdefault(member, {}).update(feedback=float(average), feedback_count=count)
    return found


def test_activity_matches_direct_sql(engine: Engine, generated: Generated) -> None:
    window = activity_window(NOW, followup_days=14, answer_days=3)
    with unit_of_work_factory(engine)() as uow:
        found = uow.stats.activity(generated.network_id, window)
        (one,) = uow.stats.activity(generated.network_id, window, 7).values()
    with engine.connect() as connection:
        expected = direct_activity(connection, generated.network_id, window)
    assert set(found) == set(expected) and len(found) == 30
    for member, values in expected.items():
        activity = found[member]
        assert activity.feedback == pytest.approx(values.pop("feedback", None))
        assert {k: getattr(activity, k) for k in values} == values
    assert one == found[7]


def test_the_ledger_holds_every_referral(engine: Engine, generated: Generated) -> None:
    with unit_of_work_factory(engine)() as uow:
        lines = uow.stats.ledger(generated.network_id)
    with engine.connect() as connection:
        total, due, paid = sql(
            connection,
            "SELECT count(*), sum(commission_due), sum(commission_paid) FROM referrals "
            "WHERE network_id = :n",
            n=generated.network_id,
        )[0]
    assert [line.number for line in lines] == list(range(1, total + 1))
    assert sum((line.commission_due or 0 for line in lines), Decimal(0)) == money(due)
    assert sum((line.commission_paid or 0 for line in lines), Decimal(0)) == money(paid)
    won = [line for line in lines if line.status in ("won", "paid")]
    assert all(line.won_at is not None and line.won_at >= line.created_at for line in won)
    assert all((line.paid_at is not None) == (line.status == "paid") for line in lines)
    assert lines[0].referrer.startswith("Member ") and lines[0].client.startswith("Client ")


# The repository against direct SQL, on one scenario played through the facade

SCENARIO = [
    (0, "Alice", "/charter commission 10%"),
    *((0, name, "/charter accept") for name in ("Alice", "Bob", "Carol", "Dave")),
    (0, "Bob", "/refer @Carol Acme | books"),
    (1, "Carol", "/referral 1 accept"),
    (0, "Carol", "/refer @Bob Initech | audit"),
    (0, "Dave", "/refer @Carol Globex | payroll"),
    (1, "Carol", "/referral 1 contacted"),
    (0, "Bob", "/referral 2 decline"),
    (0, "Carol", "/referral 3 accept"),
    (20, "Carol", "/referral 1 won 10 000"),
    (0, "Carol", "/referral 3 lost"),
    (0, "Bob", "/refer @Dave Umbrella | plumbing"),
    (0, "Alice", "/refer @Dave Hooli | leak"),
    (0, "Alice", "/referral 5 cancel"),
    (12, "Bob", "/referral 1 paid"),
    (0, "Bob", "/feedback 1 5"),
    (0, "Dave", "/feedback 3 2"),
    (0, "Dave", "/referral 4 accept"),
    (1, "Dave", "/referral 4 won 1 234,56"),
]


def play(uows: UnitOfWorkFactory) -> FakeClock:
    clock = FakeClock(datetime(2025, 1, 30, 9, tzinfo=UTC))
    dispatcher = Dispatcher(uows, RecordingMessenger(), clock.now, "t")
    app = Apport(uows, clock, after_commit=dispatcher.run_once, first_admin=FirstAdmin.FIRST_MEMBER)
    for days, who, line in SCENARIO:
        clock.advance(timedelta(days=days))
        command, _, rest = line.removeprefix("/").partition(" ")
        reply = app.handle(Invocation("T1", "T1", f"U-{who}", who, command, rest))
        assert not reply.error, (line, reply.text)
    return clock


def bounds(kind: PeriodKind, now: datetime) -> tuple[datetime, datetime]:
    period = current_period(kind, now, PARIS)
    return period.start, period.end


def test_the_played_scenario_matches_direct_sql(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    now = play(uows).now()
    window = activity_window(now, followup_days=14, answer_days=3)
    with uows() as uow:
        network = uow.networks.get_by_key("T1")
        assert network is not None
        members = {m.display_name: m.id for m in uow.members.all(network.id)}
        found = {
            (kind, member): uow.stats.figures(network.id, *bounds(kind, now), member)
            for kind in PeriodKind
            for member in (None, *members.values())
        }
        activity = uow.stats.activity(network.id, window)
        ledger = uow.stats.ledger(network.id)
        standings = uow.directory.standings(network.id, list(members.values()))
    with engine.connect() as connection:
        for (kind, member), figures in found.items():
            same(figures, direct_figures(connection, network.id, *bounds(kind, now), member))
        expected = direct_activity(connection, network.id, window)
    assert set(activity) == set(expected)
    for member, values in expected.items():
        assert activity[member].feedback == pytest.approx(values.pop("feedback", None))
        assert {k: getattr(activity[member], k) for k in values} == values
    year = found[(PeriodKind.YEAR, None)]
    assert (year.given, year.won, year.lost, year.contacts) == (4, 2, 1, 3)
    assert [(line.number, line.status) for line in ledger] == [
        (1, "paid"),
        (2, "declined"),
        (3, "lost"),
        (4, "won"),
        (5, "cancelled"),
    ]
    assert standings[members["Carol"]] == Standing(quality=3.5, scores=2, given=1)
