"""The console's clock offset, kept in the database so `/clock +14d` survives a restart."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, insert, select, update

from storage.tables import ConsoleClockRow


class StoredOffset:
    """The offset of one network's console clock, in whole seconds."""

    def __init__(self, engine: Engine, network_key: str) -> None:
        self.engine = engine
        self.network_key = network_key

    def load(self) -> timedelta:
        with self.engine.connect() as connection:
            seconds = connection.execute(
                select(ConsoleClockRow.offset_seconds).where(
                    ConsoleClockRow.network_key == self.network_key
                )
            ).scalar_one_or_none()
        return timedelta(seconds=seconds or 0)

    def save(self, offset: timedelta) -> None:
        seconds = int(offset.total_seconds())
        with self.engine.begin() as connection:
            updated = connection.execute(
                update(ConsoleClockRow)
                .where(ConsoleClockRow.network_key == self.network_key)
                .values(offset_seconds=seconds)
            )
            if updated.rowcount == 0:
                connection.execute(
                    insert(ConsoleClockRow).values(
                        network_key=self.network_key, offset_seconds=seconds
                    )
                )
