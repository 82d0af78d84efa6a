"""Tools the proofs share: what a reply or a notice shows, what a database holds for one
network, and the limits PostgreSQL has where SQLite has none.

Used by the permission matrix, the two-network property and the fuzz tests.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, func, or_, select

from core.ui import Notice, Reply
from tests.database_copies import Database, network_tables, tables
from tests.driver import Bot

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


def network_rows(db: Database, network_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that belongs to one network, table by table in primary-key order, comparable
    with `==`: its `networks` row and the rows of every table with a `network_id`."""
    with db.engine.connect() as connection:
        found = {
            table.name: [
                tuple(row)
                for row in connection.execute(
                    select(table).where(table.c.network_id == network_id).order_by(table.c.id)
                )
            ]
            for table in network_tables()
        }
        networks = next(t for t in tables() if t.name == "networks")
        found["networks"] = [
            tuple(row)
            for row in connection.execute(select(networks).where(networks.c.id == network_id))
        ]
    return found


def foreign_rows(db: Database, network_id: int) -> list[str]:
    """The references from one network's rows to rows of another network (through every
    foreign key but the one to `networks`)."""
    found = []
    with db.engine.connect() as connection:
        for table in network_tables():
            for key in table.foreign_keys:
                target = key.column.table
                if target.name == "networks" or "network_id" not in target.c:
                    continue
                query = (
                    select(table.c.id, key.parent)
                    .join(target, key.column == key.parent)
                    .where(table.c.network_id == network_id, target.c.network_id != network_id)
                )
                found += [
                    f"{table.name} #{row_id}: {key.parent.name} = {value}"
                    for row_id, value in connection.execute(query)
                ]
    return found


# The database's limits that SQLite lacks: a value core accepts but PostgreSQL cannot hold is a
# crash in production (SQLite stores text of any length and 8-byte integers in any column).

INT_MAX = 2**31 - 1  # `Integer` columns are 4-byte integers on PostgreSQL


def _widths() -> dict[str, dict[str, int]]:
    return {
        table.name: {
            c.name: c.type.length
            for c in table.columns
            if isinstance(c.type, String) and c.type.length
        }
        for table in tables()
    }


WIDTHS = {name: widths for name, widths in _widths().items() if widths}


def _too_wide_queries() -> list[Any]:
    queries = []
    for table in tables():
        widths = WIDTHS.get(table.name, {})
        if widths:
            checks = [func.length(table.c[name]) > width for name, width in widths.items()]
            queries.append((table, widths, select(table).where(or_(*checks))))
    return queries


def _wide(table_name: str, widths: dict[str, int], values: Any) -> list[str]:
    return [
        f"{table_name}.{name} #{values['id']}: {len(values[name])} > {width}"
        for name, width in widths.items()
        if isinstance(values[name], str) and len(values[name]) > width
    ]


def too_wide(db: Database) -> list[str]:
    """Text the database holds that does not fit its column on PostgreSQL."""
    found = []
    with db.engine.connect() as connection:
        for table, widths, query in _too_wide_queries():
            for row in connection.execute(query):
                found += _wide(table.name, widths, row._mapping)
    return found


class DatabaseLimit(Exception):
    """What PostgreSQL raises where SQLite does not (StringDataRightTruncation,
    NumericValueOutOfRange)."""


def _integers(parameters: Any) -> list[int]:
    if isinstance(parameters, dict):
        values = list(parameters.values())
    elif isinstance(parameters, list | tuple):
        values = (
            [v for p in parameters for v in _integers(p)]
            if parameters and isinstance(parameters[0], dict | list | tuple)
            else list(parameters)
        )
    else:
        values = []
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


def make_strict(bot: Bot) -> Bot:
    """The bot's database with PostgreSQL's limits: a statement given an integer a 4-byte
    column cannot hold, or a commit that leaves text wider than its column, raises
    `DatabaseLimit` (and the transaction rolls back)."""

    def before_cursor_execute(
        _conn: Any, _cursor: Any, _statement: str, parameters: Any, *_: Any
    ) -> None:
        for value in _integers(parameters):
            if not -INT_MAX - 1 <= value <= INT_MAX:
                raise DatabaseLimit(f"integer out of range: {str(value)[:40]}")

    def commit(connection: Any) -> None:
        # The transaction is about to commit: read it on its own DBAPI connection, with no
        # statement of SQLAlchemy's in between.
        cursor = connection.connection.dbapi_connection.cursor()
        problems = []
        try:
            for table, widths, query in _too_wide_queries():
                literal = {"literal_binds": True}
                cursor.execute(
                    str(query.compile(dialect=connection.dialect, compile_kwargs=literal))
                )
                names = [d[0] for d in cursor.description]
                for values in cursor.fetchall():
                    problems += _wide(table.name, widths, dict(zip(names, values, strict=True)))
        finally:
            cursor.close()
        if problems:
            raise DatabaseLimit("value too long: " + "; ".join(problems))

    bot.db.listen("before_cursor_execute", before_cursor_execute)
    bot.db.listen("commit", commit)
    return bot
