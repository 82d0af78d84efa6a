"""PostgreSQL for the dispatch section: TEST_DATABASE_URL or the local server, each run in a
schema of its own that is dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

from sqlalchemy import create_engine, text

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def url_from_environment() -> str:
    return os.environ.get("TEST_DATABASE_URL") or DEFAULT_URL


def version(url: str) -> str | None:
    """The server's version, or None when it cannot be reached (quickly)."""
    if not url:
        return None
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            return str(connection.scalar(text("SHOW server_version")))
    except Exception:
        return None
    finally:
        engine.dispose()


def with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


@contextmanager
def schema(url: str) -> Iterator[str]:
    """A URL whose tables live in a new schema, dropped on the way out."""
    name = f"apport_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
        try:
            yield with_search_path(url, name)
        finally:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
    finally:
        admin.dispose()
