"""Events Slack retries (`x-slack-retry-num`) are processed once, keyed on `event_id`.

The memory is in-process (a bounded LRU of recent ids), which turns a retry away without a
database round trip. Across processes on one database, the inbox's unique key does the same
(adapters/slack/inbox.py).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse


class RecentIds:
    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        """True the first time `key` is offered (and remembers it), False afterwards."""
        with self._lock:
            if key in self._ids:
                self._ids.move_to_end(key)
                return False
            self._ids[key] = None
            if len(self._ids) > self.size:
                self._ids.popitem(last=False)
            return True


Middleware = Callable[[dict[str, Any], Callable[[], BoltResponse]], BoltResponse | None]


def once_per_event(recent: RecentIds) -> Middleware:
    """A global Bolt middleware (after signature checks) that acks repeats without running them."""

    def dedupe_events(
        body: dict[str, Any], next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if isinstance(event_id, str) and not recent.first_time(event_id):
            return BoltResponse(status=200, body="")
        return next()

    return dedupe_events
