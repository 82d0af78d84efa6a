"""Check-ins at the same moment, on two PostgreSQL connections (see test_races.py for how
the first command is held just before its write while the second runs)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from core.app import Apport
from storage.tables import AttendanceRow, MeetingRow
from tests.storage.test_races import Run, _members, _race, _say, app

pytestmark = pytest.mark.postgresql
__all__ = ["app"]  # the fixture, shared

# test_races' clock reads Monday 2 March 2026, 10:00 in Paris: the meeting is under way.


def _marks(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(select(AttendanceRow.member_id, AttendanceRow.mark)).all()
        meetings = connection.execute(select(func.count()).select_from(MeetingRow)).scalar()
    assert meetings == 1
    return sorted((str(member), mark) for member, mark in rows)


def test_two_first_check_ins_make_one_meeting_and_keep_both(engine: Engine, app: Apport) -> None:
    _members(app, "alice", "bob", "carol")
    _say(app, "alice", "/meeting schedule mon 09:30")

    bob = Run("first", app, "bob", "/meeting here")
    carol = Run("second", app, "carol", "/meeting here")
    _race(engine, "INSERT INTO meetings", bob, carol)

    assert not bob.finish().error
    assert not carol.finish().error
    assert [mark for _, mark in _marks(engine)] == ["present", "present"]


def test_a_correction_at_the_moment_of_the_check_in_is_kept_after_it(
    engine: Engine, app: Apport
) -> None:
    _members(app, "alice", "bob")
    _say(app, "alice", "/meeting schedule mon 09:30")

    bob = Run("first", app, "bob", "/meeting here")
    alice = Run("second", app, "alice", "/meeting mark @bob late")
    _race(engine, "INSERT INTO meeting_attendance", bob, alice)

    assert not bob.finish().error
    assert not alice.finish().error
    assert [mark for _, mark in _marks(engine)] == ["late"]
