"""Tools the proofs share: what a reply or a notice shows, what a store holds for one network,
and a store that copies itself fast.

Used by the permission matrix, the two-network property and the fuzz tests.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import re
from typing import Any

from sqlalchemy import String

from core.ui import Notice, Reply
from storage import tables as schema
from tests.fakes import Bot, FakeStore, FakeUnitOfWork, FakeUnitOfWorkFactory, Tables


class FastTables(Tables):
    """The fakes' tables, deep-copied through pickle: the same copy, in half the time.

    The fake unit of work copies every table on begin, commit and rollback; these proofs run
    thousands of commands, so the copy is what they spend their time on.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> FastTables:
        copied: FastTables = pickle.loads(pickle.dumps(self, pickle.HIGHEST_PROTOCOL))
        return copied


def fast_store(tables: Tables) -> FakeStore:
    """A store whose committed state is a copy of `tables`."""
    store = FakeStore()
    fields = {f.name: getattr(tables, f.name) for f in dataclasses.fields(tables)}
    store.committed = copy.deepcopy(FastTables(**fields))
    return store


# A raw mass mention as Slack (`<!channel>`, `<!here|here>`) or Discord (`@everyone`) reads it.
MASS_MENTION = re.compile(r"<!(?:channel|here|everyone)(?:\|[^>]*)?>|@(?:everyone|here)", re.I)


def shown(reply: Reply) -> str:
    """Everything a reply puts in front of someone: text, fields, lines, buttons, form, files."""
    parts = [reply.text, reply.title, reply.footer, *reply.lines]
    parts += [f"{f.label}: {f.value}" for f in reply.fields]
    parts += [f"{a.label} {a.command} {a.args}" for a in reply.actions]
    if reply.form is not None:
        parts.append(reply.form.title)
        parts += [f"{i.label} {i.initial} {i.hint}" for i in reply.form.inputs]
    parts += [f.content.decode("utf-8", "replace") for f in reply.files]
    return "\n".join(parts)


def channel_text(notice: Notice) -> str:
    """What a channel post shows in the channel (the reply; a thread's name pings no one)."""
    return shown(notice.reply)


def mass_mentions(text: str) -> list[str]:
    return MASS_MENTION.findall(text)


def contains_word(text: str, word: str) -> bool:
    """`word` in `text` as a whole word (so `Eve` is not found in `every`)."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def network_rows(tables: Tables, network_id: int) -> dict[str, Any]:
    """Every row that belongs to one network, comparable with `==`.

    The rows are not copied: a fake store replaces its committed tables on each commit and never
    changes them in place, so rows taken from `store.committed` stay as they were.
    """
    mine = network_id

    def rows(table: dict[int, Any]) -> list[Any]:
        return [r for _, r in sorted(table.items()) if r.network_id == mine]

    return {
        "network": tables.networks.get(mine),
        "members": rows(tables.members),
        "clients": rows(tables.clients),
        "referrals": rows(tables.referrals),
        "charters": rows(tables.charters),
        "outbox": rows(tables.outbox),
        "candidates": rows(tables.candidates),
        "breaches": rows(tables.breaches),
        "acceptances": sorted((k, v) for k, v in tables.acceptances.items() if k[0] == mine),
        "feedback": sorted(
            ((k, v) for k, v in tables.feedback.items() if k[0] == mine), key=lambda kv: kv[0]
        ),
        "audit": [e for e in tables.audit if e.network_id == mine],
        "assignments": [a for a in tables.assignments if a[0] == mine],
        "numbers": (
            tables.next_numbers.get(mine),
            tables.next_candidates.get(mine),
            tables.next_breaches.get(mine),
        ),
    }


# The database's limits, which the fakes do not have: a value core accepts but storage cannot hold
# is a crash in production (PostgreSQL refuses it; SQLite refuses too-large integers).

INT_MAX = 2**31 - 1  # `number` columns are 4-byte integers
_ROWS: dict[str, type[schema.Base]] = {
    "networks": schema.NetworkRow,
    "members": schema.MemberRow,
    "clients": schema.ClientRow,
    "referrals": schema.ReferralRow,
    "outbox": schema.OutboxRow,
    "candidates": schema.CandidateRow,
    "breaches": schema.BreachRow,
}


def _widths(row: type[schema.Base]) -> dict[str, int]:
    return {
        c.name: c.type.length
        for c in row.__table__.columns
        if isinstance(c.type, String) and c.type.length
    }


WIDTHS = {table: _widths(row) for table, row in _ROWS.items()}


def too_wide(tables: Tables) -> list[str]:
    """Text the fakes hold that does not fit its column in the SQL schema."""
    found = []
    for table, widths in WIDTHS.items():
        for row in getattr(tables, table).values():
            for name, width in widths.items():
                value = getattr(row, name, None)
                if isinstance(value, str) and len(value) > width:
                    found.append(f"{table}.{name} #{row.id}: {len(value)} > {width}")
    # The directory's profiles: the fakes keep keywords and pitch apart, SQL on the member.
    members = WIDTHS["members"]
    profiles: dict[int, tuple[str, str]] = getattr(tables, "profiles", {})
    for member_id, (keywords, pitch) in profiles.items():
        for name, value in (("keywords", keywords), ("pitch", pitch)):
            if name in members and len(value) > members[name]:
                found.append(f"members.{name} #{member_id}: {len(value)} > {members[name]}")
    return found


class DatabaseLimit(Exception):
    """What the SQL storage raises where the fakes would not (StringDataRightTruncation,
    NumericValueOutOfRange, OverflowError)."""


class _Numbered:
    """A repository whose `get(network_id, number)` refuses numbers a 4-byte column cannot hold."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def get(self, network_id: int, number: int, *args: Any, **kwargs: Any) -> Any:
        if not -INT_MAX - 1 <= number <= INT_MAX:
            raise DatabaseLimit(f"integer out of range: {str(number)[:40]}")
        return self._inner.get(network_id, number, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class StrictUnitOfWork(FakeUnitOfWork):
    def __init__(self, store: FakeStore) -> None:
        super().__init__(store)
        self.referrals = _Numbered(self.referrals)
        self.candidates = _Numbered(self.candidates)
        self.breaches = _Numbered(self.breaches)

    def commit(self) -> None:
        problems = too_wide(self._workspace.tables)
        if problems:
            raise DatabaseLimit("value too long: " + "; ".join(problems))
        super().commit()


class StrictUnitOfWorkFactory(FakeUnitOfWorkFactory):
    def __call__(self) -> StrictUnitOfWork:
        return StrictUnitOfWork(self.store)


def make_strict(bot: Bot) -> Bot:
    """The bot, its facade and its dispatcher on units of work with the database's limits."""
    factory = StrictUnitOfWorkFactory(bot.store)
    bot.uow_factory = factory
    bot.app.uow_factory = factory
    bot.dispatcher.uow_factory = factory
    return bot
