"""Tools the proofs share: what a reply or a notice shows, what a database holds for one
network, and the limits PostgreSQL has where SQLite has none.

Used by the permission matrix, the two-network property and the fuzz tests.
"""

from __future__ import annotations

import io
import re
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import String

from core.shared.ui import Attachment, Notice, Reply
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
    parts += [_file_text(f) for f in reply.files]
    return "\n".join(parts)


def _file_text(file: Attachment) -> str:
    """A file as the text it shows: a workbook's cells (its zip would hide them), or its bytes."""
    if not file.filename.endswith(".xlsx"):
        return file.content.decode("utf-8", "replace")
    book = load_workbook(io.BytesIO(file.content), read_only=True)
    return "\n".join(
        "\t".join("" if value is None else str(value) for value in row)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
    )


def channel_text(notice: Notice) -> str:
    """What a channel post shows in the channel (the reply; a thread's name pings no one)."""
    return shown(notice.reply)


def mass_mentions(text: str) -> list[str]:
    return MASS_MENTION.findall(text)


def contains_word(text: str, word: str) -> bool:
    """`word` in `text` as a whole word (so `Eve` is not found in `every`)."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def _network_queries() -> dict[str, str]:
    queries = {"networks": "SELECT * FROM networks WHERE id = ?"}
    for table in network_tables():
        queries[table.name] = f"SELECT * FROM {table.name} WHERE network_id = ? ORDER BY id"
    return queries


NETWORK_QUERIES = _network_queries()


def network_rows(db: Database, network_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that belongs to one network, table by table in primary-key order, comparable
    with `==`: its `networks` row and the rows of every table with a `network_id`."""
    return db.raws(NETWORK_QUERIES, (network_id,))


def _foreign_query() -> str:
    """One query over every foreign key but the one to `networks`: a row of network ? that
    points to a row of another network."""
    parts = []
    for table in network_tables():
        for key in table.foreign_keys:
            target = key.column.table
            if target.name == "networks" or "network_id" not in target.c:
                continue
            parts.append(
                f"SELECT '{table.name}', t.id, '{key.parent.name}', t.{key.parent.name} "
                f"FROM {table.name} t JOIN {target.name} o ON o.{key.column.name} = "
                f"t.{key.parent.name} WHERE t.network_id = :n AND o.network_id <> :n"
            )
    return " UNION ALL ".join(parts)


FOREIGN_QUERY = _foreign_query()


def foreign_rows(db: Database, network_id: int) -> list[str]:
    """The references from one network's rows to rows of another network (through every
    foreign key but the one to `networks`)."""
    return [
        f"{table} #{row_id}: {column} = {value}"
        for table, row_id, column, value in db.raw(FOREIGN_QUERY, {"n": network_id})
    ]


# The database's limits that SQLite lacks: a value core accepts but PostgreSQL cannot hold is a
# crash in production (SQLite stores text of any length and 8-byte integers in any column).

INT_MAX = 2**31 - 1  # `Integer` columns are 4-byte integers on PostgreSQL


def _key(name: str) -> str:
    """The first column of a table's primary key (`id` for most tables)."""
    table = next(t for t in tables() if t.name == name)
    return str(table.primary_key.columns.values()[0].name)


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


def _too_wide_query() -> str:
    """One query for the text wider than its column, as (table, column, id, length)."""
    return " UNION ALL ".join(
        f"SELECT '{table}', '{name}', {_key(table)}, length({name}) FROM {table} "
        f"WHERE length({name}) > {width}"
        for table, widths in WIDTHS.items()
        for name, width in widths.items()
    )


TOO_WIDE_QUERY = _too_wide_query()


def _described(found: list[tuple[Any, ...]]) -> list[str]:
    return [
        f"{table}.{name} #{row_id}: {length} > {WIDTHS[table][name]}"
        for table, name, row_id, length in found
    ]


def too_wide(db: Database) -> list[str]:
    """Text the database holds that does not fit its column on PostgreSQL."""
    return _described(db.raw(TOO_WIDE_QUERY))


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
        try:
            problems = _described(cursor.execute(TOO_WIDE_QUERY).fetchall())
        finally:
            cursor.close()
        if problems:
            raise DatabaseLimit("value too long: " + "; ".join(problems))

    bot.db.listen("before_cursor_execute", before_cursor_execute)
    bot.db.check_commits(commit)
    return bot
