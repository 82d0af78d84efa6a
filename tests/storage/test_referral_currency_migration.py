"""The migration that fixes each referral's currency fills existing referrals with their
network's currency of the day."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import command
from sqlalchemy import Connection

from storage.database import alembic_config, make_engine

AT = datetime(2025, 3, 1, 9, 0)


def _insert(connection: Connection, table: sa.Table, **given: Any) -> int:
    """A row with `given` values and a plain value in every other required column."""
    values = dict(given)
    for column in table.columns:
        if column.name in values or column.nullable or column.primary_key:
            continue
        if column.server_default is not None:
            continue
        kind = column.type.python_type
        values[column.name] = {int: 1, bool: True, str: "x", datetime: AT}.get(kind, "1")
    result = connection.execute(table.insert().values(**values))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def test_existing_referrals_keep_their_network_s_currency(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        config = alembic_config(engine)
        command.upgrade(config, "0006")
        meta = sa.MetaData()
        meta.reflect(engine)
        with engine.begin() as connection:
            networks = {
                code: _insert(connection, meta.tables["networks"], key=code, currency=code)
                for code in ("USD", "EUR")
            }
            for code, network in networks.items():
                member = _insert(
                    connection, meta.tables["members"], network_id=network, external_id=code
                )
                client = _insert(
                    connection,
                    meta.tables["clients"],
                    network_id=network,
                    owner_id=member,
                    key=code,
                )
                _insert(
                    connection,
                    meta.tables["referrals"],
                    network_id=network,
                    referrer_id=member,
                    receiver_id=member,
                    client_id=client,
                    client_owner_id=member,
                )
        command.upgrade(config, "head")
        with engine.connect() as connection:
            found = connection.execute(
                sa.text(
                    "SELECT n.key, r.currency FROM referrals r "
                    "JOIN networks n ON n.id = r.network_id ORDER BY n.key"
                )
            ).all()
            settings = connection.execute(
                sa.text("SELECT correction_days, payment_days FROM networks")
            ).all()
        assert [tuple(row) for row in found] == [("EUR", "EUR"), ("USD", "USD")]
        assert [tuple(row) for row in settings] == [(30, 30), (30, 30)]
        command.downgrade(config, "0006")
    finally:
        engine.dispose()
