"""recruitment rules: an admin's override of the interview process; interview reminders

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("process_override", sa.Text(), server_default="", nullable=False)
        )
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("interview_days", sa.Integer(), server_default="7", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.drop_column("interview_days")
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_column("process_override")
