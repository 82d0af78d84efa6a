"""Engines, sessions, and bringing a database's schema up to date with Alembic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

from storage.commit_modes import RELAXED_COMMITS, sqlite_before_begin
from storage.uow import SqlUnitOfWorkFactory

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str, **options: Any) -> Engine:
    if url.startswith("sqlite"):
        options.setdefault("connect_args", {"timeout": 30})
    # Bound parameters (names, contacts, notes) stay out of SQL logs and of error messages.
    options.setdefault("hide_parameters", True)
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy's documented
            # fix is to turn it off and emit BEGIN ourselves (below).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            # Commands' commits wait for the disk, whatever this SQLite build's default.
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            sqlite_before_begin(connection)
            # IMMEDIATE takes the write lock up front (waiting up to busy_timeout), so a
            # transaction never fails half-way when another process wrote in between.
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the latest migration."""
    command.upgrade(alembic_config(engine), "head")


def pending_migrations(engine: Engine) -> list[str]:
    """The revisions the database still lacks (all of them on an empty database)."""
    config = alembic_config(engine)
    scripts = ScriptDirectory.from_config(config)
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    return [
        script.revision
        for script in scripts.iterate_revisions(tuple(scripts.get_heads()), current or None)
        if script.revision not in current
    ]


def unit_of_work_factory(engine: Engine, relaxed_commits: bool = False) -> SqlUnitOfWorkFactory:
    """Units of work on `engine`; `relaxed_commits` for the dispatcher's (storage/commit_modes)."""
    bind = engine.execution_options(**{RELAXED_COMMITS: True}) if relaxed_commits else engine
    return SqlUnitOfWorkFactory(sessionmaker(bind, expire_on_commit=False))


