"""Erasure and retention in every table: a name or a contact replaced wherever it was copied.

The text columns are read from the schema's metadata (every `String`, `Text` and `JSON` column
of every table that carries a network), so a table added later is covered without a change
here. Left alone: `networks` (the club's own name), `members` (the erased row is rewritten by
`SqlMembers.erase`; the others are other people), `clients` (businesses, whose folded name is
their key) and every column of a unique constraint (identifiers, never prose).

Rows are picked by the database (a case-insensitive LIKE, on JSON's text too) and rewritten
here, whole words only: a retention job reads the few rows that quote its contact, not the
network's whole history.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ColumnElement,
    String,
    Table,
    Text,
    UniqueConstraint,
    cast,
    delete,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from core.referrals.model import CLOSED_STATUSES
from core.shared.outbox import OutboxState
from storage.tables import (
    AskRow,
    Base,
    CandidateRow,
    CandidateVisitRow,
    FeedbackRow,
    InterviewRow,
    MeetNoteRow,
    OutboxRow,
    ReferralEventRow,
    ReferralRow,
    ThanksRow,
)

LEFT_ALONE = frozenset({"networks", "members", "clients"})


def text_columns(table: Table) -> list[Column[Any]]:
    """The columns of `table` that may hold what someone typed (JSON included), bar its
    identifiers (the columns of its unique constraints)."""
    identifiers = {
        column.name
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
        for column in constraint.columns
    }
    return [
        c for c in table.columns if isinstance(c.type, String | JSON) and c.name not in identifiers
    ]


def _like(word: str) -> str:
    escaped = word.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def _mentions(columns: Sequence[Column[Any]], words: Iterable[str]) -> ColumnElement[bool]:
    """Rows whose text may hold one of `words` (JSON escapes non-ASCII letters: both forms)."""
    forms = set()
    for word in words:
        forms |= {word, json.dumps(word)[1:-1]}
    return or_(
        *(
            cast(column, Text).ilike(_like(form), escape="!")
            for column in columns
            for form in sorted(forms)
        )
    )


def network_tables() -> list[Table]:
    """Every table whose rows belong to a network, bar the ones left alone."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if "network_id" in table.columns and table.name not in LEFT_ALONE
    ]


def pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive occurrences of any of `words` (longest first)."""
    wanted = sorted({w for w in words if len(w.strip()) >= 2}, key=len, reverse=True)
    if not wanted:
        return None
    alternatives = "|".join(re.escape(w) for w in wanted)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _replaced(value: Any, found: re.Pattern[str], by: str) -> Any:
    if isinstance(value, str):
        return found.sub(lambda _: by, value)
    if isinstance(value, dict):
        return {key: _replaced(item, found, by) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, found, by) for item in value]
    return value


class SqlErasure:
    def __init__(self, session: Session) -> None:
        self.session = session

    def replace_everywhere(self, network_id: int, words: Sequence[str], by: str) -> int:
        """Replace `words` by `by` in every text of the network's rows; how many rows changed."""
        words = [w for w in words if len(w.strip()) >= 2]
        found = pattern(words)
        if found is None:
            return 0
        self.session.flush()
        changed = 0
        for table in network_tables():
            columns = text_columns(table)
            if not columns or "id" not in table.columns:
                continue
            rows = self.session.execute(
                select(table.c.id, *columns).where(
                    table.c.network_id == network_id, _mentions(columns, words)
                )
            )
            updates: list[tuple[Any, dict[str, Any]]] = []
            for row in rows:
                values = {}
                for column in columns:
                    old = row._mapping[column]
                    new = _replaced(old, found, by)
                    if new != old:
                        values[column.name] = new
                if values:
                    updates.append((row.id, values))
            for row_id, values in updates:
                self.session.execute(update(table).where(table.c.id == row_id).values(**values))
            changed += len(updates)
        self.session.expire_all()  # the ORM's copies of these rows are stale
        return changed

    def forget_words_of(self, network_id: int, member_id: int, placeholder: str) -> None:
        """The member's own words about themself go: the notes on their moves of referrals,
        the comments of the feedback they gave (the scores stay, for the figures), their asks,
        the messages of their thanks, and the notes of their one-to-ones (read by them alone,
        so nobody needs them any more)."""
        self.session.execute(
            delete(MeetNoteRow).where(
                MeetNoteRow.network_id == network_id, MeetNoteRow.member_id == member_id
            )
        )
        self.session.execute(
            update(ReferralEventRow)
            .where(
                ReferralEventRow.network_id == network_id,
                ReferralEventRow.actor_id == member_id,
                ReferralEventRow.note != "",
            )
            .values(note=placeholder)
        )
        self.session.execute(
            update(FeedbackRow)
            .where(
                FeedbackRow.network_id == network_id,
                FeedbackRow.giver_id == member_id,
                FeedbackRow.comment != "",
            )
            .values(comment=placeholder)
        )
        self.session.execute(
            update(AskRow)
            .where(AskRow.network_id == network_id, AskRow.member_id == member_id)
            .values(text=placeholder)
        )
        self.session.execute(
            update(ThanksRow)
            .where(
                ThanksRow.network_id == network_id,
                ThanksRow.author_id == member_id,
                ThanksRow.message != "",
            )
            .values(message=placeholder)
        )

    def forget_candidacy_of(
        self, network_id: int, member_id: int, pseudonym: str, placeholder: str
    ) -> None:
        """The member's own candidacy (when they joined through it): their name and what was
        written about them (interviews, visits, previous networks) go; the decision stays."""
        ids = list(
            self.session.scalars(
                select(CandidateRow.id).where(
                    CandidateRow.network_id == network_id, CandidateRow.member_id == member_id
                )
            )
        )
        if not ids:
            return
        self.session.execute(
            update(CandidateRow)
            .where(CandidateRow.id.in_(ids))
            .values(
                name=pseudonym,
                previous_networks=placeholder,
                exclusivity_conflict="",
                decision_note="",
                override_reason="",
            )
        )
        self.session.execute(
            update(InterviewRow)
            .where(InterviewRow.candidate_id.in_(ids), InterviewRow.filed_at.is_not(None))
            .values(
                notes=placeholder, ethics=placeholder, generosity=placeholder, previous_networks=""
            )
        )
        self.session.execute(
            update(CandidateVisitRow)
            .where(CandidateVisitRow.candidate_id.in_(ids))
            .values(notes=placeholder)
        )

    def cancel_messages_to(self, network_id: int, member_id: int) -> int:
        """Messages still waiting for the member: they have no account to reach any more."""
        result = self.session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.network_id == network_id,
                OutboxRow.member_id == member_id,
                OutboxRow.state == OutboxState.PENDING.value,
            )
            .values(state=OutboxState.CANCELLED.value, payload={})
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def closed_with_contact(self, network_id: int) -> list[tuple[int, int, datetime]]:
        """(referral id, number, first closing time) of the closed referrals that still hold a
        client contact."""
        closed = [s.value for s in CLOSED_STATUSES]
        first_close = (
            select(ReferralEventRow.referral_id, ReferralEventRow.at)
            .where(
                ReferralEventRow.network_id == network_id,
                ReferralEventRow.to_status.in_(closed),
            )
            .order_by(ReferralEventRow.referral_id, ReferralEventRow.at, ReferralEventRow.id)
        )
        closed_at: dict[int, datetime] = {}
        for referral_id, at in self.session.execute(first_close):
            closed_at.setdefault(referral_id, at)
        rows = self.session.execute(
            select(ReferralRow.id, ReferralRow.number, ReferralRow.updated_at).where(
                ReferralRow.network_id == network_id,
                ReferralRow.status.in_(closed),
                ReferralRow.contact != "",
            )
        )
        return [(rid, number, closed_at.get(rid, updated)) for rid, number, updated in rows]

    def reschedule(self, network_id: int, kind: str, subject: str, due_at: datetime) -> bool:
        """Move the pending rows of `kind` about `subject` to `due_at`; False if none waits."""
        result = self.session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.network_id == network_id,
                OutboxRow.kind == kind,
                OutboxRow.subject == subject,
                OutboxRow.state == OutboxState.PENDING.value,
            )
            .values(due_at=due_at)
        )
        return bool(getattr(result, "rowcount", 0))
