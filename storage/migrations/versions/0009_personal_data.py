"""personal data: an outbox row that is done keeps no text

A sent, skipped or cancelled row keeps what delivery and audit need (kind, recipient, key,
subject, times, the platform's reference); the text it carried, with the names and client
contacts it quoted, goes. From now on storage/outbox.py clears it when the row is done.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 20:55:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE outbox SET payload = '{}' WHERE state IN ('sent', 'skipped', 'cancelled')")


def downgrade() -> None:
    pass  # the texts are gone for good, as erasure asks
