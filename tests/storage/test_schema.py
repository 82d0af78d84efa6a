"""The migrations build exactly the schema the ORM declares, on every engine."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from storage.database import migrate
from storage.slack_installations import slack_metadata
from storage.tables import Base


def test_migrations_create_every_table(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert set(slack_metadata().tables) <= tables
    assert "alembic_version" in tables


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        # Alembic compares against every declared table: Apport's and slack_sdk's stores'.
        assert compare_metadata(context, [Base.metadata, slack_metadata()]) == []


def test_migrating_twice_changes_nothing(engine: Engine) -> None:
    before = set(inspect(engine).get_table_names())
    migrate(engine)
    assert set(inspect(engine).get_table_names()) == before
