"""SQLite databases for tests: one migrated template per run, a copy of it (or of any closed
database) per test, and what a test reads back from one.

The files live in a directory of their own (in memory, under /dev/shm, where the system has
it), removed when the run ends. A copy is written over the file of a free slot, whose engine
has already compiled the SQL the tests before it ran; dropping the `Database` frees its slot.
"""

from __future__ import annotations

import atexit
import functools
import itertools
import os
import shutil
import tempfile
import weakref
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Row, Table, event, func, select, text

from storage import tables as schema
from storage.database import make_engine, migrate, unit_of_work_factory

_NAMES = itertools.count(1)
SHM = Path("/dev/shm")


@functools.cache
def _directory() -> Path:
    parent = SHM if SHM.is_dir() and os.access(SHM, os.W_OK) else None
    path = Path(tempfile.mkdtemp(prefix="apport-tests-", dir=parent))
    atexit.register(shutil.rmtree, path, True)
    return path


def new_path(stem: str = "db") -> Path:
    return _directory() / f"{stem}-{os.getpid()}-{next(_NAMES)}.sqlite"


@functools.cache
def template() -> Path:
    """The empty, migrated database every test database starts from (migrated once a run)."""
    path = new_path("template")
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()  # the last connection to close folds the write-ahead log into the file
    return path


@functools.cache
def tables() -> tuple[Table, ...]:
    """Every table of the schema, parents first."""
    return tuple(schema.Base.metadata.sorted_tables)


def _order(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


class _Slot:
    """A database file and the engine on it, lent to one `Database` after another: an engine
    keeps the SQL it compiled, so a test does not compile again what the tests before it did."""

    def __init__(self) -> None:
        self.path = new_path("slot")
        self.engine = make_engine(f"sqlite:///{self.path}")
        self.commits = 0
        self.commit_checks: list[Callable[[Any], None]] = []
        self.listeners: list[tuple[str, Callable[..., Any]]] = []
        event.listen(self.engine, "commit", self._committing)

    def _committing(self, connection: Any) -> None:
        for check in self.commit_checks:
            check(connection)  # raises to refuse the commit, which is then not counted
        self.commits += 1

    def load(self, source: Path) -> None:
        """Replace the file with a copy of `source`, a closed database."""
        self.engine.dispose()
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, self.path)
        self.commits = 0

    def release(self) -> None:
        self.engine.dispose()
        for name, listener in self.listeners:
            event.remove(self.engine, name, listener)
        self.listeners.clear()
        self.commit_checks.clear()
        _FREE.append(self)


_FREE: list[_Slot] = []


class Database:
    """A copy of a SQLite database with the schema: its engine, its units of work, and how
    many transactions committed on it since it was copied."""

    def __init__(self, source: Path | None = None) -> None:
        """A copy of `source` (a closed database file), or of the empty template."""
        self._slot = slot = _FREE.pop() if _FREE else _Slot()
        slot.load(source or template())
        self.path = slot.path
        self.engine = slot.engine
        self.uow_factory = unit_of_work_factory(self.engine)
        self._finalizer = weakref.finalize(self, slot.release)

    @property
    def commits(self) -> int:
        return self._slot.commits

    def listen(self, name: str, listener: Callable[..., Any]) -> None:
        """Add an engine event listener, removed when this copy is dropped."""
        event.listen(self.engine, name, listener)
        self._slot.listeners.append((name, listener))

    def check_commits(self, check: Callable[[Any], None]) -> None:
        """Run `check(connection)` as each transaction is about to commit: when it raises,
        the commit fails and is not counted."""
        self._slot.commit_checks.append(check)

    def close(self) -> Path:
        """Keep what is committed in a file of its own, a source for copies kept until the run
        ends, and drop this copy."""
        self.engine.dispose()  # the last connection to close folds the log into the file
        kept = new_path("kept")
        shutil.copyfile(self.path, kept)
        self._finalizer()
        return kept

    def rows(self, table: str, **where: Any) -> list[Row[Any]]:
        """The rows of `table` matching `where` (column = value), in primary-key order, read
        with the schema's types (aware datetimes, decoded JSON)."""
        found = schema.Base.metadata.tables[table]
        query = select(found).order_by(*_order(found))
        for column, value in where.items():
            query = query.where(found.c[column] == value)
        with self.engine.connect() as connection:
            return list(connection.execute(query))

    def count(self, table: str) -> int:
        found = schema.Base.metadata.tables[table]
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(found)).scalar_one())

    def last_id(self, table: str) -> int:
        [(found,)] = self.raw(f"SELECT max(id) FROM {table}")
        return int(found or 0)

    def raw(self, statement: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """The rows of one SQL query as SQLite stores them (text for datetimes and JSON),
        read on the driver's connection: what equality checks over many rows compare."""
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(statement, params)
                return list(cursor.fetchall())
            finally:
                cursor.close()
        finally:
            connection.close()

    def raws(
        self, statements: Mapping[str, str], params: Any = ()
    ) -> dict[str, list[tuple[Any, ...]]]:
        """`raw` for each named query, on one connection."""
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                found = {}
                for name, statement in statements.items():
                    cursor.execute(statement, params)
                    found[name] = list(cursor.fetchall())
                return found
            finally:
                cursor.close()
        finally:
            connection.close()

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, in primary-key order: equal dumps, equal databases."""
        return self.raws(_DUMP)

    def execute(self, statement: str, **params: Any) -> None:
        """Run one SQL statement and commit it."""
        with self.engine.begin() as connection:
            connection.execute(text(statement), params)


def network_tables() -> Iterator[Table]:
    """The tables whose rows belong to a network (all but `networks`)."""
    return (table for table in tables() if "network_id" in table.c)


def _ordered(table: Table) -> str:
    return ", ".join(c.name for c in _order(table))


_DUMP = {table.name: f"SELECT * FROM {table.name} ORDER BY {_ordered(table)}" for table in tables()}
