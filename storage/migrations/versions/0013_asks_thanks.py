"""weekly asks and thanks: members' asks of the week, public thanks; asks-day and ask-weeks

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 22:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.types import IdType, UTCDateTime

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Network columns are added in place (rebuilding `networks` in batch mode would drop a table
# other rows refer to); the new tables are created whole.


def upgrade() -> None:
    op.add_column(
        "networks",
        sa.Column("asks_day", sa.String(length=32), server_default="mon 08:00", nullable=False),
    )
    op.add_column(
        "networks", sa.Column("ask_weeks", sa.Integer(), server_default="1", nullable=False)
    )
    op.create_table(
        "asks",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("network_id", IdType, nullable=False),
        sa.Column("member_id", IdType, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_asks_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["network_id"], ["networks.id"], name=op.f("fk_asks_network_id_networks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asks")),
    )
    with op.batch_alter_table("asks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_asks_network_member", ["network_id", "member_id", "ended_at"], unique=False
        )
    op.create_table(
        "thanks",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("network_id", IdType, nullable=False),
        sa.Column("referral_id", IdType, nullable=False),
        sa.Column("author_id", IdType, nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("with_amount", sa.Boolean(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["members.id"], name=op.f("fk_thanks_author_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["network_id"], ["networks.id"], name=op.f("fk_thanks_network_id_networks")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referrals.id"], name=op.f("fk_thanks_referral_id_referrals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thanks")),
        sa.UniqueConstraint(
            "network_id", "referral_id", name=op.f("uq_thanks_network_id_referral_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("thanks")
    with op.batch_alter_table("asks", schema=None) as batch_op:
        batch_op.drop_index("ix_asks_network_member")
    op.drop_table("asks")
    op.drop_column("networks", "ask_weeks")
    op.drop_column("networks", "asks_day")
