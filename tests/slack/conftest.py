"""Fixtures: a fake Slack Web API on loopback, and the adapter wired against it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.database import make_engine, migrate
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import FakeClock, SlackHarness


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite database migrated to head, copied by each test (migrating costs ~0.4 s)."""
    path = tmp_path_factory.mktemp("template") / "apport.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    return path


@pytest.fixture
def database_url(database_url: str, migrated_sqlite: Path) -> str:
    """The suite's database (SQLite, or PostgreSQL with TEST_DATABASE_URL), SQLite pre-migrated."""
    prefix = "sqlite:///"
    if database_url.startswith(prefix):
        shutil.copyfile(migrated_sqlite, database_url.removeprefix(prefix))
    return database_url


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    server.add_user("UALICE", "alice", admin=True)  # a workspace admin: the network's admin
    server.add_user("UBOB", "bob")
    server.add_user("UCAROL", "carol")
    server.add_user("UOWNER", "olga", admin=True)
    server.add_user("UDAN", "dan", team="T2")
    server.add_user("UEVE", "eve", team="T2")
    yield server
    server.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def slack(fake: FakeSlack, database_url: str, clock: FakeClock) -> Iterator[SlackHarness]:
    harness = SlackHarness(fake, database_url, clock)
    yield harness
    harness.close()
