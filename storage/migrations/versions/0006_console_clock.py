"""console clock: the `/clock` offset moves from networks to the console's own table

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 19:58:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "console_clocks",
        sa.Column("network_key", sa.String(length=200), nullable=False),
        sa.Column("offset_seconds", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("network_key", name=op.f("pk_console_clocks")),
    )
    op.execute(
        "INSERT INTO console_clocks (network_key, offset_seconds) "
        "SELECT key, clock_offset_seconds FROM networks WHERE clock_offset_seconds <> 0"
    )
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.drop_column("clock_offset_seconds")


def downgrade() -> None:
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("clock_offset_seconds", sa.Integer(), server_default="0", nullable=False)
        )
    op.execute(
        "UPDATE networks SET clock_offset_seconds = (SELECT offset_seconds FROM console_clocks "
        "WHERE console_clocks.network_key = networks.key) "
        "WHERE key IN (SELECT network_key FROM console_clocks)"
    )
    op.drop_table("console_clocks")
