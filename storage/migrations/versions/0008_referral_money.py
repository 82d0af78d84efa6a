"""referral money: each referral keeps its currency; correction and payment delays

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-29 20:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("correction_days", sa.Integer(), server_default="30", nullable=False)
        )
        batch_op.add_column(
            sa.Column("payment_days", sa.Integer(), server_default="30", nullable=False)
        )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("currency", sa.String(length=3), nullable=True))
    # Existing referrals were made in their network's currency of the day.
    op.execute(
        "UPDATE referrals SET currency = (SELECT networks.currency FROM networks "
        "WHERE networks.id = referrals.network_id)"
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.alter_column("currency", existing_type=sa.String(length=3), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_column("currency")
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.drop_column("payment_days")
        batch_op.drop_column("correction_days")
