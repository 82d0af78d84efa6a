"""Per-network numbering (referral #N, candidate #N, report #N), safe across processes."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import InstrumentedAttribute, Session

from storage.tables import NetworkRow


def take_next(session: Session, network_id: int, counter: InstrumentedAttribute[int]) -> int:
    """Atomically take the network's next number from `counter` (one UPDATE ... RETURNING)."""
    taken = session.scalar(
        update(NetworkRow)
        .where(NetworkRow.id == network_id)
        .values({counter: counter + 1})
        .returning(counter)
    )
    if taken is None:
        raise LookupError(f"no network {network_id}")
    return int(taken) - 1
