"""Reading a record to change it: its row stays locked until the transaction ends.

Every command that reads one referral, candidate or breach report by its number may move it,
and decides the move from what it read. Two such commands at once on PostgreSQL would each
decide from the same state and both succeed; with the row locked, the second waits for the
first to end and then reads the state the first left, so core refuses the move as it would
one after the other. SQLite takes its write lock when a transaction begins, so there the lock
clause is not rendered and changes nothing.

Listings read many rows and change none: they never lock.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select

_S = TypeVar("_S", bound=Select[Any])


def locked(query: _S, table: Any) -> _S:
    """`query` with `FOR UPDATE OF` the given mapped class's table, its values read afresh.

    `OF` keeps the lock off any other table the query joins (PostgreSQL refuses to lock the
    nullable side of an outer join). A row already in the session is refreshed from what the
    locking read returns, so a value read before the wait never hides the winner's.
    """
    return query.with_for_update(of=table).execution_options(populate_existing=True)
