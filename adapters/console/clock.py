"""The console's time travel: a clock that runs `offset` ahead of the real one (`/clock +14d`).

Everything the console runs reads this clock (core and the dispatcher alike), so what falls due
in the moved time is sent. The offset is kept by an `OffsetStore`, so it survives a restart.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from core.shared.ports import Clock


class OffsetStore(Protocol):
    def load(self) -> timedelta: ...

    def save(self, offset: timedelta) -> None: ...


class ConsoleClock:
    def __init__(self, base: Clock, store: OffsetStore) -> None:
        self.base = base
        self.store = store
        self.offset = store.load()

    def now(self) -> datetime:
        return self.base.now() + self.offset

    def shift(self, delta: timedelta) -> datetime:
        """Move the clock forward by `delta` (kept for the next run); returns the new time."""
        self.offset += delta
        self.store.save(self.offset)
        return self.now()
