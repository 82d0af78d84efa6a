"""The dispatcher's commits do not wait for the disk; the commands' still do, on the same
pooled connections, whatever order they come in and however each transaction ends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from core.shared.outbox import OutboxItem
from storage.database import make_engine, migrate, unit_of_work_factory
from storage.tables import NetworkRow
from storage.uow import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def one_connection(database_url: str) -> Iterator[Engine]:
    """Every unit of work gets the same database connection, as a quiet bot's often do."""
    engine = make_engine(database_url, pool_size=1, max_overflow=0)
    migrate(engine)
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.add("team", "Team", "en", NOW)
        uow.outbox.add(OutboxItem(network.id, "notice", NOW, {}, key="row"))
        uow.commit()
    yield engine
    engine.dispose()


def _waits_for_disk(uows: SqlUnitOfWorkFactory, end: str = "commit") -> bool:
    """Whether this unit of work's commit, after marking a message sent, waits for the disk."""
    with uows() as uow:
        network = uow.networks.get_by_key("team")
        row = uow.outbox.by_key(network.id, "row") if network else None
        assert row is not None
        uow.outbox.mark_sent(row.id, NOW, "ref")
        if uow.session.get_bind().dialect.name == "sqlite":
            level = uow.session.execute(text("PRAGMA synchronous")).scalar_one()
            waits = level == 2  # FULL: the commit syncs the log; NORMAL (1) leaves it
        else:
            setting = uow.session.execute(text("SHOW synchronous_commit")).scalar_one()
            waits = setting != "off"
        if end == "commit":
            uow.commit()
        elif end == "error":
            with pytest.raises(DBAPIError):
                uow.session.execute(text("SELECT * FROM no_such_table"))
    return waits


def test_relaxed_and_ordinary_transactions_alternate_on_one_connection(
    one_connection: Engine,
) -> None:
    commands = unit_of_work_factory(one_connection)
    dispatcher = unit_of_work_factory(one_connection, relaxed_commits=True)
    assert [
        _waits_for_disk(commands),
        _waits_for_disk(dispatcher),
        _waits_for_disk(dispatcher),
        _waits_for_disk(commands),
        _waits_for_disk(dispatcher),
    ] == [True, False, False, True, False]


def test_the_mode_is_right_after_rollbacks_and_errors(one_connection: Engine) -> None:
    commands = unit_of_work_factory(one_connection)
    dispatcher = unit_of_work_factory(one_connection, relaxed_commits=True)
    # On PostgreSQL a rolled-back transaction also undoes the SET made in it.
    assert _waits_for_disk(dispatcher, end="rollback") is False
    assert _waits_for_disk(dispatcher) is False
    assert _waits_for_disk(commands, end="rollback") is True
    assert _waits_for_disk(dispatcher, end="error") is False
    assert _waits_for_disk(commands) is True
    assert _waits_for_disk(dispatcher) is False
    assert _waits_for_disk(commands, end="error") is True
    assert _waits_for_disk(commands) is True


def test_what_a_relaxed_transaction_commits_is_kept(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with unit_of_work_factory(engine, relaxed_commits=True)() as uow:
        uow.networks.add("relaxed", "Relaxed", "en", NOW)
        uow.commit()
    with unit_of_work_factory(engine, relaxed_commits=True)() as uow:
        uow.networks.add("dropped", "Dropped", "en", NOW)  # never committed
    engine.dispose()
    reopened = make_engine(database_url)
    with reopened.connect() as connection:
        keys = set(connection.scalars(select(NetworkRow.key)))
    reopened.dispose()
    assert "relaxed" in keys and "dropped" not in keys
