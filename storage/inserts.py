"""Inserts that yield to a row another transaction wrote first."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.tables import Base


def insert_or_skip(session: Session, row: Base) -> bool:
    """Insert `row` in a savepoint; False (and nothing inserted) if a unique key clashes."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True
