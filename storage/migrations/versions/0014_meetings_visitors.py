"""meetings, attendance and visitors; their network settings

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29 22:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.types import IdType, UTCDateTime

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SETTINGS = (
    ("meeting_schedule", sa.String(32), "off"),
    ("meeting_place", sa.String(500), ""),
    ("checkin_minutes", sa.Integer(), "60"),
    ("absences_allowed", sa.Integer(), "3"),
    ("absence_window_months", sa.Integer(), "6"),
    ("visitor_retention_months", sa.Integer(), "6"),
    ("engagement_months", sa.Integer(), "6"),
    ("grace_days", sa.Integer(), "60"),
    ("weight_attendance", sa.Integer(), "3"),
    ("weight_referrals", sa.Integer(), "3"),
    ("weight_visitors", sa.Integer(), "1"),
    ("weight_quality", sa.Integer(), "2"),
    ("next_visitor_number", sa.Integer(), "1"),
)


def upgrade() -> None:
    with op.batch_alter_table("networks", schema=None) as batch_op:
        for name, kind, default in SETTINGS:
            batch_op.add_column(sa.Column(name, kind, server_default=default, nullable=False))
    op.create_table(
        "meetings",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("network_id", IdType, nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("place", sa.String(length=500), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"], ["networks.id"], name=op.f("fk_meetings_network_id_networks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint(
            "network_id", "starts_at", name=op.f("uq_meetings_network_id_starts_at")
        ),
    )
    op.create_table(
        "meeting_attendance",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("network_id", IdType, nullable=False),
        sa.Column("meeting_id", IdType, nullable=False),
        sa.Column("member_id", IdType, nullable=False),
        sa.Column("mark", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("substitute_name", sa.String(length=200), nullable=False),
        sa.Column("substitute_profession", sa.String(length=200), nullable=False),
        sa.Column("by_id", IdType, nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"], ["networks.id"], name=op.f("fk_meeting_attendance_network_id_networks")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_attendance_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_meeting_attendance_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["by_id"], ["members.id"], name=op.f("fk_meeting_attendance_by_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendance")),
        sa.UniqueConstraint(
            "meeting_id", "member_id", name=op.f("uq_meeting_attendance_meeting_id_member_id")
        ),
    )
    op.create_index(
        op.f("ix_meeting_attendance_member_id"), "meeting_attendance", ["member_id"], unique=False
    )
    op.create_table(
        "visitors",
        sa.Column("id", IdType, autoincrement=True, nullable=False),
        sa.Column("network_id", IdType, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("host_id", IdType, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("profession", sa.String(length=200), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=500), nullable=False),
        sa.Column("visit_at", UTCDateTime(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("came", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("candidate_number", sa.Integer(), nullable=True),
        sa.Column("erased", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"], ["networks.id"], name=op.f("fk_visitors_network_id_networks")
        ),
        sa.ForeignKeyConstraint(
            ["host_id"], ["members.id"], name=op.f("fk_visitors_host_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visitors")),
        sa.UniqueConstraint("network_id", "number", name=op.f("uq_visitors_network_id_number")),
    )
    op.create_index(op.f("ix_visitors_host_id"), "visitors", ["host_id"], unique=False)
    op.create_index(op.f("ix_visitors_visit_at"), "visitors", ["visit_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_visitors_visit_at"), table_name="visitors")
    op.drop_index(op.f("ix_visitors_host_id"), table_name="visitors")
    op.drop_table("visitors")
    op.drop_index(op.f("ix_meeting_attendance_member_id"), table_name="meeting_attendance")
    op.drop_table("meeting_attendance")
    op.drop_table("meetings")
    with op.batch_alter_table("networks", schema=None) as batch_op:
        for name, _, _ in reversed(SETTINGS):
            batch_op.drop_column(name)
