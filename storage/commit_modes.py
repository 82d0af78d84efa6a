"""Relaxed commits: transactions that commit without waiting for the disk.

The dispatcher's transactions ask for them (an execution option on the connection). They stay
atomic and in order, and a crash of the bot loses none of them; only a crash of the database
server or the machine may forget the last fraction of a second of them, which puts a message
marked sent back in its queue. A later ordinary commit writes the earlier relaxed ones to disk.

The setting belongs to the database connection, which the pool shares between the bot's
commands and its dispatcher, so each connection remembers its current mode in `info` and the
setting is changed only when a transaction wants the other one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

RELAXED_COMMITS = "apport_relaxed_commits"  # the execution option, and the key in `info`
_BEFORE = "apport_relaxed_commits_before"  # the mode to return to if this transaction aborts


def _wanted(connection: Any) -> bool:
    return bool(connection.get_execution_options().get(RELAXED_COMMITS, False))


def sqlite_before_begin(connection: Any) -> None:
    """SQLite's safety level cannot change inside a transaction and is not undone by a
    rollback: set it before BEGIN. NORMAL in WAL mode syncs at checkpoints, not at commits."""
    relaxed = _wanted(connection)
    if connection.info.get(RELAXED_COMMITS, False) != relaxed:
        connection.exec_driver_sql(f"PRAGMA synchronous={'NORMAL' if relaxed else 'FULL'}")
        connection.info[RELAXED_COMMITS] = relaxed


def install_postgresql(engine: Engine) -> None:
    """PostgreSQL's `synchronous_commit`, set for the session (a `SET LOCAL` in every
    transaction would cost a round trip each). A SET is undone when its transaction rolls back,
    so the remembered mode follows; after an error the mode is unknown and set again."""

    @event.listens_for(engine, "connect")
    def _fresh(_dbapi_connection: Any, record: Any) -> None:
        record.info[RELAXED_COMMITS] = False  # a new session has the server's setting

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        relaxed = _wanted(connection)
        current = connection.info.get(RELAXED_COMMITS)  # None: unknown
        if current != relaxed:
            sql = "SET synchronous_commit TO OFF" if relaxed else "RESET synchronous_commit"
            connection.exec_driver_sql(sql)
            connection.info[RELAXED_COMMITS] = relaxed
            connection.info[_BEFORE] = current

    @event.listens_for(engine, "commit")
    def _commit(connection: Any) -> None:
        connection.info.pop(_BEFORE, None)

    @event.listens_for(engine, "rollback")
    def _rollback(connection: Any) -> None:
        if _BEFORE in connection.info:
            connection.info[RELAXED_COMMITS] = connection.info.pop(_BEFORE)

    @event.listens_for(engine, "handle_error")
    def _error(context: Any) -> None:
        if context.connection is not None:
            context.connection.info.pop(RELAXED_COMMITS, None)
            context.connection.info.pop(_BEFORE, None)
