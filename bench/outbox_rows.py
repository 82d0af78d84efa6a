"""Due outbox rows for the dispatch section, and the floor: the raw SQL that claims them in
batches and marks each one sent in a transaction of its own."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timedelta

from sqlalchemy import Engine, bindparam, insert, text

from core.shared.outbox import OutboxState
from core.shared.ui import Action, Field, Reply, Style
from core.shared.ui_codec import encode_reply
from storage.commit_modes import RELAXED_COMMITS
from storage.tables import OutboxRow
from storage.types import UTCDateTime

KIND = "bench.notice"
BATCH = 200  # as the dispatcher claims
CHUNK = 2_000


def card(n: int) -> Reply:
    """A new referral's card, as a receiver gets it: fields, history, two buttons."""
    return Reply(
        title=f"Referral #{n}: Client {n}",
        text=f"New referral #{n} from Member 0001: Client {n}.",
        fields=(
            Field("From", "Member 0001"),
            Field("To", "Member 0002"),
            Field("Client relationship owner", "Member 0001"),
            Field("Need", "bookkeeping for a restaurant"),
            Field("Status", "offered"),
            Field("Temperature", "3/5: the client expects your call"),
            Field("Estimated value", "1,000 EUR"),
        ),
        lines=("2025-03-20 15:00 Member 0001: offered",),
        actions=(
            Action("Accept", "referral", f"{n} accept", Style.PRIMARY),
            Action("Decline", "referral", f"{n} decline", Style.DANGER),
        ),
    )


def queue(
    engine: Engine, network_id: int, members: list[int], count: int, due: datetime
) -> set[str]:
    """`count` pending direct messages due at `due`, spread over `members`; their keys."""
    keys: set[str] = set()
    recipients = itertools.cycle(members)
    rows = []
    for n in range(1, count + 1):
        key = f"{KIND}:{uuid.uuid4().hex}"
        keys.add(key)
        rows.append(
            {
                "network_id": network_id,
                "kind": KIND,
                "member_id": next(recipients),
                "channel": "",
                "payload": {"reply": encode_reply(card(n))},
                "key": key,
                "subject": f"referral:{n}",
                "due_at": due,
                "state": OutboxState.PENDING.value,
                "attempts": 0,
                "last_error": "",
                "ref": "",
                "created_at": due,
            }
        )
    with engine.begin() as connection:
        for start in range(0, len(rows), CHUNK):
            connection.execute(insert(OutboxRow), rows[start : start + CHUNK])
    return keys


def _claim_sql(dialect: str) -> str:
    lock = " FOR UPDATE SKIP LOCKED" if dialect == "postgresql" else ""
    return (
        "UPDATE outbox SET state = 'claimed', claimed_by = :worker, claimed_at = :now "
        "WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND due_at <= :now "
        f"ORDER BY due_at, id LIMIT :limit{lock}) RETURNING id, payload"
    )


MARK = "UPDATE outbox SET state = 'sent', sent_at = :now, claimed_by = NULL WHERE id = :id"
# PostgreSQL: the dispatcher's mark does not wait for the disk (storage/commit_modes.py).
MARK_POSTGRESQL = (
    "UPDATE outbox SET state = 'sent', sent_at = :now, claimed_by = NULL WHERE id = :id "
    "AND (SELECT set_config('synchronous_commit', 'off', true)) = 'off'"
)


def raw_dispatch(engine: Engine, now: datetime) -> int:
    """The floor: claim due rows 200 at a time, mark each sent in its own transaction, with
    the commits the dispatcher makes (they do not wait for the disk)."""
    engine = engine.execution_options(**{RELAXED_COMMITS: True})
    at = bindparam("now", type_=UTCDateTime())
    claim = text(_claim_sql(engine.dialect.name)).bindparams(at)
    marking = MARK_POSTGRESQL if engine.dialect.name == "postgresql" else MARK
    mark = text(marking).bindparams(bindparam("now", type_=UTCDateTime()))
    marked = 0
    while True:
        with engine.begin() as connection:
            claimed = connection.execute(
                claim, {"worker": "floor", "now": now, "limit": BATCH}
            ).all()
        if not claimed:
            return marked
        for row_id, _payload in claimed:
            with engine.begin() as connection:
                connection.execute(mark, {"now": now, "id": row_id})
            marked += 1


def due_time(now: datetime) -> datetime:
    return now - timedelta(minutes=1)
