"""The schema: one typed ORM class per table; every row carries its network."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import (
    false as sa_false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import IdType, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Money = Numeric(14, 2, asdecimal=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), Decimal: Money}


class NetworkRow(Base):
    """A network and its settings; their defaults are core's (`Network`), set on insert."""

    __tablename__ = "networks"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    locale: Mapped[str] = mapped_column(String(8))
    currency: Mapped[str] = mapped_column(String(3))
    timezone: Mapped[str] = mapped_column(String(64))
    charter_required: Mapped[bool] = mapped_column(Boolean)
    next_referral_number: Mapped[int] = mapped_column(Integer)
    followup_days: Mapped[int] = mapped_column(Integer)
    charter_reminder: Mapped[str] = mapped_column(String(32))
    charter_reminder_index: Mapped[int] = mapped_column(Integer)
    announcements_channel: Mapped[str] = mapped_column(String(200))
    recruiters_channel: Mapped[str] = mapped_column(String(200))
    exclusivity: Mapped[bool] = mapped_column(Boolean)
    experienced_days: Mapped[int] = mapped_column(Integer)
    interview_days: Mapped[int] = mapped_column(Integer)
    site_visit: Mapped[bool] = mapped_column(Boolean)
    vote_days: Mapped[int] = mapped_column(Integer)
    quorum: Mapped[str] = mapped_column(String(16))
    threshold: Mapped[str] = mapped_column(String(16))
    next_candidate_number: Mapped[int] = mapped_column(Integer)
    contact_retention_months: Mapped[int] = mapped_column(Integer)
    correction_days: Mapped[int] = mapped_column(Integer)
    payment_days: Mapped[int] = mapped_column(Integer)
    asks_day: Mapped[str] = mapped_column(String(32))
    ask_weeks: Mapped[int] = mapped_column(Integer)
    next_breach_number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    uninstalled_at: Mapped[datetime | None]
    uninstalled_retention_days: Mapped[int] = mapped_column(Integer)
    # Meetings and visitors (core/meetings/): the weekly meeting and its rules.
    meeting_schedule: Mapped[str] = mapped_column(String(32), server_default="off")
    meeting_place: Mapped[str] = mapped_column(String(500), server_default="")
    checkin_minutes: Mapped[int] = mapped_column(Integer, server_default="60")
    absences_allowed: Mapped[int] = mapped_column(Integer, server_default="3")
    absence_window_months: Mapped[int] = mapped_column(Integer, server_default="6")
    visitor_retention_months: Mapped[int] = mapped_column(Integer, server_default="6")
    engagement_months: Mapped[int] = mapped_column(Integer, server_default="6")
    grace_days: Mapped[int] = mapped_column(Integer, server_default="60")
    weight_attendance: Mapped[int] = mapped_column(Integer, server_default="3")
    weight_referrals: Mapped[int] = mapped_column(Integer, server_default="3")
    weight_visitors: Mapped[int] = mapped_column(Integer, server_default="1")
    weight_quality: Mapped[int] = mapped_column(Integer, server_default="2")
    next_visitor_number: Mapped[int] = mapped_column(Integer, server_default="1")
    pairing_weeks: Mapped[str] = mapped_column(String(8), default="2", server_default="2")
    pairing_months: Mapped[int] = mapped_column(Integer, default=6, server_default="6")
    next_meet_number: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class MemberRow(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("network_id", "external_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"), index=True)
    external_id: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    roles: Mapped[str] = mapped_column(String(200), default="")
    joined_at: Mapped[datetime]
    profession: Mapped[str] = mapped_column(String(200), default="", server_default="")
    keywords: Mapped[str] = mapped_column(String(500), default="", server_default="")
    pitch: Mapped[str] = mapped_column(String(300), default="", server_default="")


class ClientRow(Base):
    __tablename__ = "clients"
    __table_args__ = (UniqueConstraint("network_id", "key"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    name: Mapped[str] = mapped_column(String(2000))
    key: Mapped[str] = mapped_column(String(2000))
    owner_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    created_at: Mapped[datetime]


class ReferralRow(Base):
    __tablename__ = "referrals"
    __table_args__ = (UniqueConstraint("network_id", "number"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    number: Mapped[int] = mapped_column(Integer)
    referrer_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    receiver_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    client_owner_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    need: Mapped[str] = mapped_column(Text)
    temperature: Mapped[int] = mapped_column(Integer)
    charter_version: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16), index=True)
    estimated_value: Mapped[Decimal | None]
    closed_amount: Mapped[Decimal | None]
    commission_due: Mapped[Decimal | None]
    commission_paid: Mapped[Decimal | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    contact: Mapped[str] = mapped_column(String(300), default="", server_default="")


class ReferralEventRow(Base):
    __tablename__ = "referral_events"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")


class CharterVersionRow(Base):
    __tablename__ = "charter_versions"
    __table_args__ = (UniqueConstraint("network_id", "version"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    version: Mapped[int] = mapped_column(Integer)
    texts: Mapped[dict[str, Any]] = mapped_column(JSON)
    commission_kind: Mapped[str] = mapped_column(String(16))
    commission_rate: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    commission_flat: Mapped[Decimal | None]
    commission_min: Mapped[Decimal | None]
    commission_cap: Mapped[Decimal | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]


class CharterAcceptanceRow(Base):
    __tablename__ = "charter_acceptances"
    __table_args__ = (UniqueConstraint("network_id", "member_id", "version"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    version: Mapped[int] = mapped_column(Integer)
    accepted_at: Mapped[datetime]


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("network_id", "key"),
        Index("ix_outbox_due", "state", "due_at"),
        Index("ix_outbox_subject", "network_id", "subject", "state"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    kind: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    channel: Mapped[str] = mapped_column(String(200), default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    key: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(100), default="")
    due_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    ref: Mapped[str] = mapped_column(String(200), default="", server_default="")
    created_at: Mapped[datetime]
    # Its last send may have gone out unmarked (its dispatcher died, or the call timed out):
    # the messenger looks for it on the platform before sending it again.
    in_doubt: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class DispatcherRow(Base):
    """A dispatcher's lease: renewed while its process runs; its claims are taken over by
    another dispatcher once it expires."""

    __tablename__ = "dispatchers"

    worker: Mapped[str] = mapped_column(String(100), primary_key=True)
    expires_at: Mapped[datetime]


class CardRow(Base):
    """Where a member's copy of a card was posted (a referral's, `referral:12`): the platform's
    reference of the message updated in place as the card changes. Written by storage/cards.py."""

    __tablename__ = "cards"
    __table_args__ = (UniqueConstraint("network_id", "card", "member_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    card: Mapped[str] = mapped_column(String(100))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    ref: Mapped[str] = mapped_column(String(200))
    placed_at: Mapped[datetime]


class FeedbackRow(Base):
    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("network_id", "referral_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"))
    giver_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime]


class CandidateRow(Base):
    __tablename__ = "candidates"
    __table_args__ = (UniqueConstraint("network_id", "number"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(2000))
    profession: Mapped[str] = mapped_column(String(2000))
    previous_networks: Mapped[str] = mapped_column(Text)
    sponsor_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    stage: Mapped[str] = mapped_column(String(16), index=True)
    exclusivity_conflict: Mapped[str] = mapped_column(String(2000), default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")
    process_override: Mapped[str] = mapped_column(Text, default="", server_default="")
    vote_opened_at: Mapped[datetime | None]
    vote_deadline: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]


class InterviewRow(Base):
    """An interviewer assigned to a candidate, and their report once filed."""

    __tablename__ = "candidate_interviews"
    __table_args__ = (UniqueConstraint("candidate_id", "interviewer_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    interviewer_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    assigned_at: Mapped[datetime]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    recommendation: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")
    ethics: Mapped[str] = mapped_column(Text, default="")
    generosity: Mapped[str] = mapped_column(Text, default="")
    previous_networks: Mapped[str] = mapped_column(Text, default="")
    filed_at: Mapped[datetime | None]


class CandidateVoteRow(Base):
    __tablename__ = "candidate_votes"
    __table_args__ = (UniqueConstraint("candidate_id", "voter_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    ballot: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]


class CandidateVisitRow(Base):
    __tablename__ = "candidate_visits"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    notes: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]


class CandidateEventRow(Base):
    __tablename__ = "candidate_events"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]
    what: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")


class BreachRow(Base):
    __tablename__ = "breach_reports"
    __table_args__ = (UniqueConstraint("network_id", "number"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    number: Mapped[int] = mapped_column(Integer)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    reported_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    referral_number: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime]


class BreachEventRow(Base):
    __tablename__ = "breach_events"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    breach_id: Mapped[int] = mapped_column(ForeignKey("breach_reports.id"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_network_at", "network_id", "at"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]
    what: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")


# Stats: figures per network and period are range aggregates over these indexes,
# which also hold the columns the aggregates read (so the rows themselves are seldom read).
Index(
    "ix_referrals_network_created",
    ReferralRow.network_id,
    ReferralRow.created_at,
    ReferralRow.status,
    ReferralRow.referrer_id,
    ReferralRow.receiver_id,
)
Index(
    "ix_referral_events_network_status_at",
    ReferralEventRow.network_id,
    ReferralEventRow.to_status,
    ReferralEventRow.at,
    ReferralEventRow.referral_id,
    ReferralEventRow.from_status,
)
Index(
    "ix_feedback_network_at",
    FeedbackRow.network_id,
    FeedbackRow.at,
    FeedbackRow.member_id,
    FeedbackRow.score,
)


class ConsoleClockRow(Base):
    """The console's clock offset (`/clock +14d`), per network key; the platforms never read it.
    Read and written by storage/console_clock.py."""

    __tablename__ = "console_clocks"

    network_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    offset_seconds: Mapped[int] = mapped_column(Integer, default=0)


class InboxRow(Base):
    """A platform request accepted and acknowledged, kept until it was processed (then without
    its payload, as the key that turns away a retry or a replay). Written by storage/inbox.py."""

    __tablename__ = "inbox"
    __table_args__ = (
        UniqueConstraint("platform", "request_key"),
        Index("ix_inbox_state_received", "state", "received_at"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(20))
    request_key: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(16))
    holder_host: Mapped[str] = mapped_column(String(200))
    holder_pid: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class PlatformStateRow(Base):
    """What a platform adapter keeps between starts (the hash of the commands it last
    registered), by name; not a network's."""

    __tablename__ = "platform_state"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AskRow(Base):
    """A member's ask of the week; `ended_at` is set when a new ask or `/ask clear` ends it."""

    __tablename__ = "asks"
    __table_args__ = (Index("ix_asks_network_member", "network_id", "member_id", "ended_at"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class ThanksRow(Base):
    """A receiver's public thank-you for a referral: one per referral."""

    __tablename__ = "thanks"
    __table_args__ = (UniqueConstraint("network_id", "referral_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    message: Mapped[str] = mapped_column(Text, default="")
    with_amount: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime]

class MeetingRow(Base):
    """One occurrence of the network's weekly meeting (made when it is first needed)."""

    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("network_id", "starts_at"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    starts_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(500), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class AttendanceRow(Base):
    """A member's mark at a meeting: at most one each, stored the moment it is given."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    mark: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    substitute_name: Mapped[str] = mapped_column(String(200), default="")
    substitute_profession: Mapped[str] = mapped_column(String(200), default="")
    by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]


class VisitorRow(Base):
    """A visitor a member invites to a meeting; their contact is personal data (retention)."""

    __tablename__ = "visitors"
    __table_args__ = (UniqueConstraint("network_id", "number"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    number: Mapped[int] = mapped_column(Integer)
    host_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    profession: Mapped[str] = mapped_column(String(200))
    company: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(500), default="")
    visit_at: Mapped[datetime] = mapped_column(index=True)
    created_at: Mapped[datetime]
    came: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    candidate_number: Mapped[int | None] = mapped_column(Integer)
    erased: Mapped[bool] = mapped_column(Boolean, default=False)


class MeetRow(Base):
    """A one-to-one between two members. Read and written by storage/meets.py."""

    __tablename__ = "meets"
    __table_args__ = (
        UniqueConstraint("network_id", "number"),
        Index("ix_meets_network_round", "network_id", "round"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    number: Mapped[int] = mapped_column(Integer)
    proposer_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime | None]
    place: Mapped[str] = mapped_column(String(300), default="")
    waiting_on: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    round: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]


class MeetNoteRow(Base):
    """What one member learned at a one-to-one: read by its author alone."""

    __tablename__ = "meet_notes"
    __table_args__ = (UniqueConstraint("meet_id", "member_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    meet_id: Mapped[int] = mapped_column(ForeignKey("meets.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    note: Mapped[str] = mapped_column(Text)


class PairingPauseRow(Base):
    """A member out of the pairing rounds until a moment (`/meet pause 4w`)."""

    __tablename__ = "pairing_pauses"
    __table_args__ = (UniqueConstraint("network_id", "member_id"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    until: Mapped[datetime]
