"""The driver's own promises: an aware UTC clock, and databases that are copies of their own."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tests.database_copies import Database
from tests.driver import Bot, FakeClock

AT = datetime(2025, 1, 1, tzinfo=UTC)


def test_clock() -> None:
    clock = FakeClock(AT)
    assert clock.now() == AT
    assert clock.advance(timedelta(days=2)) == AT + timedelta(days=2)
    assert clock.now().tzinfo is not None
    with pytest.raises(ValueError):
        clock.set(datetime(2025, 1, 1))  # naive
    with pytest.raises(ValueError):
        clock.set(datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=2))))


def test_each_bot_has_a_database_of_its_own_and_counts_its_commits() -> None:
    one, two = Bot(), Bot()
    empty = two.db.dump()
    assert all(rows == [] for rows in empty.values())
    one.join("Alice")
    assert one.db.commits > 0 and two.db.commits == 0
    assert one.db.dump() != empty and two.db.dump() == empty
    assert [m.display_name for m in one.db.rows("members")] == ["Alice"]


def test_a_copy_of_a_kept_database_holds_what_was_committed() -> None:
    bot = Bot()
    bot.join("Alice", "Bob")
    rows = bot.db.dump()
    kept = bot.db.close()
    copy = Database(kept)
    assert copy.dump() == rows and copy.commits == 0


def test_refused_fails_on_a_command_that_was_not_refused() -> None:
    bot = Bot()
    with pytest.raises(AssertionError, match="was not refused"):
        bot.refused("Alice", "charter", "accept")
