"""cards: where each member's copy of a card was posted, to update it in place

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29 22:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.types

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "cards",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("network_id", ID, nullable=False),
        sa.Column("card", sa.String(length=100), nullable=False),
        sa.Column("member_id", ID, nullable=False),
        sa.Column("ref", sa.String(length=200), nullable=False),
        sa.Column("placed_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"], ["networks.id"], name=op.f("fk_cards_network_id_networks")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_cards_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cards")),
        sa.UniqueConstraint(
            "network_id", "card", "member_id", name=op.f("uq_cards_network_id_card_member_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("cards")
