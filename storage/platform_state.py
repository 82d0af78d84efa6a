"""Small values a platform adapter keeps between starts, by name (the hash of the commands
Discord last received), in their own short transactions."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from storage.inserts import insert_or_skip
from storage.tables import PlatformStateRow


class PlatformState:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, name: str) -> str | None:
        with Session(self.engine) as session:
            found = select(PlatformStateRow.value).where(PlatformStateRow.name == name)
            return session.scalar(found)

    def put(self, name: str, value: str) -> None:
        with Session(self.engine) as session, session.begin():
            if not insert_or_skip(session, PlatformStateRow(name=name, value=value)):
                row = session.get_one(PlatformStateRow, name, with_for_update=True)
                row.value = value
