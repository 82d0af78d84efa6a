"""Asks and thanks written twice at the same moment, on two PostgreSQL connections: a member
keeps one current ask, and a referral is thanked once (see tests/storage/test_races.py for how
the interleaving is held)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from core.app import Apport
from storage.tables import AskRow, ThanksRow
from tests.storage.test_races import Run, _members, _race, _say, app  # noqa: F401

pytestmark = pytest.mark.postgresql


def test_two_asks_at_once_leave_one_current(engine: Engine, app: Apport) -> None:  # noqa: F811
    _members(app, "alice")
    first = Run("first", app, "alice", "/ask Hotels in Lyon")
    second = Run("second", app, "alice", "/ask Wedding venues in Annecy")
    _race(engine, "INSERT INTO asks", first, second)

    assert not first.finish().error and not second.finish().error
    with engine.connect() as connection:
        rows = connection.execute(select(AskRow.text, AskRow.ended_at)).all()
    assert len(rows) == 2
    assert [text for text, ended in rows if ended is None] == ["Wedding venues in Annecy"]


def test_a_referral_thanked_twice_at_once_is_thanked_once(
    engine: Engine,
    app: Apport,  # noqa: F811
) -> None:
    _members(app, "alice", "bob")
    _say(app, "alice", "/refer @bob Acme Corp | bookkeeping")
    _say(app, "bob", "/referral 1 accept")
    _say(app, "bob", "/referral 1 won 1000")
    first = Run("first", app, "bob", "/thanks 1 | Thank you")
    second = Run("second", app, "bob", "/thanks 1 amount | Thank you again")
    _race(engine, "INSERT INTO thanks", first, second)

    assert not first.finish().error
    refused = second.finish()
    assert refused.error and "already thanked" in refused.text
    with engine.connect() as connection:
        assert connection.execute(select(ThanksRow.message)).scalars().all() == ["Thank you"]
