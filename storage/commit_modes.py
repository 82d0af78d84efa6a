"""Relaxed commits: transactions that commit without waiting for the disk.

The dispatcher's transactions ask for them (an execution option on the connection): on
SQLite every one of its transactions, on PostgreSQL those that mark a message sent. They stay
atomic and in order, and a crash of the bot loses none of them; only a crash of the database
server or the machine may forget the last fraction of a second of them, which puts a message
marked sent back in its queue. A later ordinary commit writes the earlier relaxed ones to disk.

On SQLite the setting belongs to the connection, which the pool shares between the bot's
commands and its dispatcher: each connection remembers its mode in `info`, and the setting is
changed only when a transaction wants the other one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Update, func, select

RELAXED_COMMITS = "apport_relaxed_commits"  # the execution option, and the key in `info`


def wants_relaxed(connection: Any) -> bool:
    """Whether this connection's transactions are the dispatcher's (relaxed commits)."""
    return bool(connection.get_execution_options().get(RELAXED_COMMITS, False))


def sqlite_before_begin(connection: Any) -> None:
    """SQLite's safety level cannot change inside a transaction and is not undone by a
    rollback: set it before BEGIN. NORMAL in WAL mode syncs at checkpoints, not at commits."""
    relaxed = wants_relaxed(connection)
    if connection.info.get(RELAXED_COMMITS, False) != relaxed:
        connection.exec_driver_sql(f"PRAGMA synchronous={'NORMAL' if relaxed else 'FULL'}")
        connection.info[RELAXED_COMMITS] = relaxed


def relaxed_on_postgresql(statement: Update) -> Update:
    """`statement`, turning `synchronous_commit` off for its own transaction as it runs.

    On PostgreSQL the setting is the transaction's (`SET LOCAL`), and a statement of its own
    would cost a round trip to the server in every transaction, a tenth of a dispatched
    message's time. What must not wait for the disk is the mark of a message sent, so the mark
    carries the setting: an uncorrelated subquery in its WHERE, run once, when a row matches.
    (A session-wide SET would be cheaper still, but a connection pooler in transaction mode
    would carry it to other clients.)"""
    setting = select(func.set_config("synchronous_commit", "off", True)).scalar_subquery()
    return statement.where(setting == "off")
