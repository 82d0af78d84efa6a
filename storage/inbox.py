"""The inbox: each platform request, recorded before it is acknowledged.

A request is recorded (`accept`) in its own short transaction before the platform hears back;
the unique key (platform, request key) makes a second copy of it, a retry or a replay, from
this process or another one on the same database, find the row there and go no further. Core's
commit is noted (`committed`), then the end of the work (`done`), which also drops the payload:
a finished row keeps only its key. What a process left unfinished when it died is found by
`abandoned` and taken over, one taker per row, by `take`.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from storage.tables import InboxRow


class InboxState(StrEnum):
    RECEIVED = "received"  # acknowledged; core has not committed its work
    COMMITTED = "committed"  # core committed; the answer may not have reached the user
    DONE = "done"


@dataclass(frozen=True)
class Holder:
    host: str
    pid: int

    @classmethod
    def this_process(cls) -> Holder:
        return cls(socket.gethostname(), os.getpid())


@dataclass(frozen=True)
class InboxEntry:
    id: int
    request_key: str
    kind: str
    payload: dict[str, Any]
    state: InboxState
    received_at: datetime
    holder: Holder


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


class Inbox:
    def __init__(
        self,
        engine: Engine,
        platform: str,
        now: Callable[[], datetime],
        holder: Holder | None = None,
    ) -> None:
        self.engine = engine
        self.platform = platform
        self.now = now
        self.holder = holder or Holder.this_process()

    def accept(self, key: str, kind: str, payload: dict[str, Any]) -> bool:
        """Record a request; False when a row with its key is already there (nothing written)."""
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    insert(InboxRow).values(
                        platform=self.platform,
                        request_key=key,
                        kind=kind,
                        payload=payload,
                        state=InboxState.RECEIVED.value,
                        holder_host=self.holder.host,
                        holder_pid=self.holder.pid,
                        received_at=self.now(),
                    )
                )
        except IntegrityError:
            return False
        return True

    def committed(self, key: str) -> None:
        self._move(key, InboxState.COMMITTED, keep_payload=True)

    def done(self, key: str) -> None:
        self._move(key, InboxState.DONE, keep_payload=False)

    def _move(self, key: str, state: InboxState, keep_payload: bool) -> None:
        values: dict[str, Any] = {"state": state.value}
        if not keep_payload:
            values.update(payload=None, finished_at=self.now())
        with self.engine.begin() as connection:
            connection.execute(
                update(InboxRow)
                .where(
                    InboxRow.platform == self.platform,
                    InboxRow.request_key == key,
                    InboxRow.state != InboxState.DONE.value,
                )
                .values(**values)
            )

    def abandoned(self, grace: timedelta) -> list[InboxEntry]:
        """Unfinished rows whose process is gone: on this host, a process id no longer running
        (or this process's own id, met again after a restart, before it has served anything);
        on another host, rows older than `grace`."""
        unfinished = select(InboxRow).where(
            InboxRow.platform == self.platform,
            InboxRow.state != InboxState.DONE.value,
        )
        found: list[InboxEntry] = []
        with self.engine.connect() as connection:
            rows = connection.execute(unfinished.order_by(InboxRow.id)).mappings().all()
        cutoff = self.now() - grace
        for row in rows:
            if row["holder_host"] == self.holder.host:
                gone = row["holder_pid"] == self.holder.pid or not process_alive(row["holder_pid"])
            else:
                gone = row["received_at"] <= cutoff
            if gone:
                found.append(
                    InboxEntry(
                        row["id"],
                        row["request_key"],
                        row["kind"],
                        dict(row["payload"] or {}),
                        InboxState(row["state"]),
                        row["received_at"],
                        Holder(row["holder_host"], row["holder_pid"]),
                    )
                )
        return found

    def take(self, entry: InboxEntry) -> bool:
        """Make this process the row's holder; False when another process took it first."""
        if entry.holder == self.holder:
            return True
        with self.engine.begin() as connection:
            taken = connection.execute(
                update(InboxRow)
                .where(
                    InboxRow.id == entry.id,
                    InboxRow.state == entry.state.value,
                    InboxRow.holder_host == entry.holder.host,
                    InboxRow.holder_pid == entry.holder.pid,
                )
                .values(holder_host=self.holder.host, holder_pid=self.holder.pid)
            )
        return taken.rowcount == 1

    def forget(self, before: datetime) -> int:
        """Drop finished rows received before `before` (older than any retry or replay)."""
        with self.engine.begin() as connection:
            gone = connection.execute(
                delete(InboxRow).where(
                    InboxRow.platform == self.platform,
                    InboxRow.state == InboxState.DONE.value,
                    InboxRow.received_at < before,
                )
            )
        return gone.rowcount
