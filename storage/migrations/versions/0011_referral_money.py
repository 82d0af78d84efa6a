"""referral money: each referral keeps its currency; correction and payment delays

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 20:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Columns are added and dropped in place (SQLite 3.35+ drops a column natively): rebuilding
# `networks` or `referrals` in batch mode would drop a table other rows refer to.


def upgrade() -> None:
    op.add_column(
        "networks", sa.Column("correction_days", sa.Integer(), server_default="30", nullable=False)
    )
    op.add_column(
        "networks", sa.Column("payment_days", sa.Integer(), server_default="30", nullable=False)
    )
    op.add_column(
        "referrals",
        sa.Column("currency", sa.String(length=3), server_default="EUR", nullable=False),
    )
    # Existing referrals were made in their network's currency of the day.
    op.execute(
        "UPDATE referrals SET currency = (SELECT networks.currency FROM networks "
        "WHERE networks.id = referrals.network_id)"
    )


def downgrade() -> None:
    op.drop_column("referrals", "currency")
    op.drop_column("networks", "payment_days")
    op.drop_column("networks", "correction_days")
