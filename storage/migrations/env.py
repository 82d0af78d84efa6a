"""Alembic environment: runs against the engine the caller passes, or `DATABASE_URL`."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Engine, create_engine

from storage.tables import Base

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if isinstance(engine, Engine):
        return engine
    return create_engine(os.environ.get("DATABASE_URL", "sqlite:///apport.db"))


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
