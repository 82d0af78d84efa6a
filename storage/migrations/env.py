"""Alembic environment: runs against the engine the caller passes, or `DATABASE_URL`."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, Engine, create_engine

from storage.tables import Base

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if isinstance(engine, Engine):
        return engine
    return create_engine(os.environ.get("DATABASE_URL", "sqlite:///apport.db"))


def _sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    """Batch mode rebuilds a SQLite table by dropping it, which foreign keys pointing at it
    forbid once other rows refer to it: they are off while migrating (set outside any
    transaction, where SQLite allows it) and back on for the pooled connection afterwards."""
    if connection.dialect.name == "sqlite":
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


# PostgreSQL: one migration at a time across processes (replicas starting together wait for
# the first, then find the schema up to date). SQLite's write lock already serialises them.
ADVISORY_LOCK = 0x41_70_70_6F_72_74  # "Apport"


def _serialise(connection: Connection, take: bool) -> None:
    if connection.dialect.name == "postgresql":
        function = "pg_advisory_lock" if take else "pg_advisory_unlock"
        connection.rollback()  # a failed migration's transaction must not hold the unlock back
        connection.exec_driver_sql(f"SELECT {function}({ADVISORY_LOCK})")
        connection.commit()


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        _serialise(connection, take=True)
        _sqlite_foreign_keys(connection, on=False)
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=True,
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
        finally:
            _sqlite_foreign_keys(connection, on=True)
            _serialise(connection, take=False)


run_migrations_online()
