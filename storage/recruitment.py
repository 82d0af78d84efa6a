"""The candidate repository: a candidate with its interviews, votes, visits and history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from core.recruitment.model import (
    OPEN_STAGES,
    Ballot,
    Candidate,
    CandidateEvent,
    Recommendation,
    Report,
    Stage,
    Visit,
)
from storage.counters import take_next
from storage.locks import locked
from storage.tables import (
    CandidateEventRow,
    CandidateRow,
    CandidateVisitRow,
    CandidateVoteRow,
    InterviewRow,
    NetworkRow,
)


class SqlCandidates:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next_number(self, network_id: int) -> int:
        return take_next(self.session, network_id, NetworkRow.next_candidate_number)

    def add(self, candidate: Candidate) -> Candidate:
        row = CandidateRow(
            network_id=candidate.network_id,
            number=candidate.number,
            name=candidate.name,
            profession=candidate.profession,
            previous_networks=candidate.previous_networks,
            sponsor_id=candidate.sponsor_id,
            stage=candidate.stage.value,
            exclusivity_conflict=candidate.exclusivity_conflict,
            override_reason=candidate.override_reason,
            process_override=candidate.process_override,
            decision_note="",
            created_at=candidate.created_at,
        )
        self.session.add(row)
        self.session.flush()
        candidate.id = row.id
        return candidate

    def get(self, network_id: int, number: int, lock: bool = False) -> Candidate | None:
        """The whole candidate, its row locked until commit whatever `lock` says.

        Every command that reads a candidate by number may change it (a report, a visit, a
        vote) and decides from what it read: the second of two at once must see the first's.
        """
        query = select(CandidateRow).where(
            CandidateRow.network_id == network_id, CandidateRow.number == number
        )
        row = self.session.scalars(locked(query, CandidateRow)).one_or_none()
        return self._load(row) if row else None

    def open(self, network_id: int) -> list[Candidate]:
        rows = self.session.scalars(
            select(CandidateRow)
            .where(
                CandidateRow.network_id == network_id,
                CandidateRow.stage.in_([s.value for s in OPEN_STAGES]),
            )
            .order_by(CandidateRow.number)
        )
        return [self._load(row) for row in rows]

    def holding(self, network_id: int) -> list[Candidate]:
        rows = self.session.scalars(
            select(CandidateRow)
            .where(
                CandidateRow.network_id == network_id,
                or_(
                    CandidateRow.stage.in_([s.value for s in OPEN_STAGES]),
                    and_(
                        CandidateRow.stage == Stage.ADMITTED.value,
                        CandidateRow.member_id.is_(None),
                    ),
                ),
            )
            .order_by(CandidateRow.number)
        )
        return [self._load(row) for row in rows]

    def _load(self, row: CandidateRow) -> Candidate:
        interviews = list(
            self.session.scalars(
                select(InterviewRow)
                .where(InterviewRow.candidate_id == row.id, InterviewRow.active.is_(True))
                .order_by(InterviewRow.position)
            )
        )
        reports = {
            i.interviewer_id: Report(
                i.interviewer_id,
                Recommendation(i.recommendation),
                i.notes,
                i.ethics,
                i.generosity,
                i.previous_networks,
                i.filed_at,
            )
            for i in interviews
            if i.recommendation
        }
        votes = {
            v.voter_id: Ballot(v.ballot)
            for v in self.session.scalars(
                select(CandidateVoteRow).where(CandidateVoteRow.candidate_id == row.id)
            )
        }
        visits = [
            Visit(v.member_id, v.notes, v.at)
            for v in self.session.scalars(
                select(CandidateVisitRow)
                .where(CandidateVisitRow.candidate_id == row.id)
                .order_by(CandidateVisitRow.id)
            )
        ]
        events = [
            CandidateEvent(e.actor_id, e.at, e.what, e.detail)
            for e in self.session.scalars(
                select(CandidateEventRow)
                .where(CandidateEventRow.candidate_id == row.id)
                .order_by(CandidateEventRow.id)
            )
        ]
        return Candidate(
            id=row.id,
            network_id=row.network_id,
            number=row.number,
            name=row.name,
            profession=row.profession,
            previous_networks=row.previous_networks,
            sponsor_id=row.sponsor_id,
            created_at=row.created_at,
            stage=Stage(row.stage),
            interviewers=[i.interviewer_id for i in interviews],
            reports=reports,
            visits=visits,
            votes=votes,
            exclusivity_conflict=row.exclusivity_conflict,
            override_reason=row.override_reason,
            process_override=row.process_override,
            vote_opened_at=row.vote_opened_at,
            vote_deadline=row.vote_deadline,
            decided_at=row.decided_at,
            decision_note=row.decision_note,
            member_id=row.member_id,
            events=events,
        )

    def _row(self, candidate: Candidate) -> CandidateRow:
        row = self.session.get_one(CandidateRow, candidate.id)
        if row.network_id != candidate.network_id:
            raise ValueError("candidate belongs to another network")
        return row

    def update(self, candidate: Candidate) -> None:
        row = self._row(candidate)
        row.stage = candidate.stage.value
        row.exclusivity_conflict = candidate.exclusivity_conflict
        row.override_reason = candidate.override_reason
        row.process_override = candidate.process_override
        row.vote_opened_at = candidate.vote_opened_at
        row.vote_deadline = candidate.vote_deadline
        row.decided_at = candidate.decided_at
        row.decision_note = candidate.decision_note
        row.member_id = candidate.member_id
        self.session.flush()

    def set_interviewers(self, candidate: Candidate, at: datetime) -> None:
        self._row(candidate)
        existing = {
            i.interviewer_id: i
            for i in self.session.scalars(
                select(InterviewRow).where(InterviewRow.candidate_id == candidate.id)
            )
        }
        for interview in existing.values():
            interview.active = interview.interviewer_id in candidate.interviewers
        for position, member_id in enumerate(candidate.interviewers):
            row = existing.get(member_id)
            if row is None:
                self.session.add(
                    InterviewRow(
                        network_id=candidate.network_id,
                        candidate_id=candidate.id,
                        interviewer_id=member_id,
                        position=position,
                        assigned_at=at,
                        active=True,
                        notes="",
                        ethics="",
                        generosity="",
                        previous_networks="",
                    )
                )
            else:
                row.position = position
        self.session.flush()

    def save_report(self, candidate: Candidate, report: Report) -> None:
        row = self.session.scalars(
            select(InterviewRow).where(
                InterviewRow.candidate_id == candidate.id,
                InterviewRow.interviewer_id == report.interviewer_id,
                InterviewRow.active.is_(True),
            )
        ).one()
        row.recommendation = report.recommendation.value
        row.notes = report.notes
        row.ethics = report.ethics
        row.generosity = report.generosity
        row.previous_networks = report.previous_networks
        row.filed_at = report.filed_at
        self.session.flush()

    def add_visit(self, candidate: Candidate, visit: Visit) -> None:
        self.session.add(
            CandidateVisitRow(
                network_id=candidate.network_id,
                candidate_id=candidate.id,
                member_id=visit.member_id,
                notes=visit.notes,
                at=visit.at,
            )
        )
        self.session.flush()

    def save_vote(self, candidate: Candidate, voter_id: int, ballot: Ballot, at: datetime) -> None:
        row = self.session.scalars(
            select(CandidateVoteRow).where(
                CandidateVoteRow.candidate_id == candidate.id, CandidateVoteRow.voter_id == voter_id
            )
        ).one_or_none()
        if row is None:
            row = CandidateVoteRow(
                network_id=candidate.network_id, candidate_id=candidate.id, voter_id=voter_id
            )
            self.session.add(row)
        row.ballot = ballot.value
        row.at = at
        self.session.flush()

    def add_event(self, candidate: Candidate, event: CandidateEvent) -> None:
        self.session.add(
            CandidateEventRow(
                network_id=candidate.network_id,
                candidate_id=candidate.id,
                actor_id=event.actor_id,
                at=event.at,
                what=event.what,
                detail=event.detail,
            )
        )

    def votes_of(self, network_id: int, member_id: int) -> list[tuple[int, str, datetime]]:
        rows = self.session.execute(
            select(CandidateRow.number, CandidateVoteRow.ballot, CandidateVoteRow.at)
            .join(CandidateRow, CandidateRow.id == CandidateVoteRow.candidate_id)
            .where(
                CandidateVoteRow.network_id == network_id, CandidateVoteRow.voter_id == member_id
            )
            .order_by(CandidateRow.number)
        ).all()
        return [(number, ballot, at) for number, ballot, at in rows]

    def last_assigned(self, network_id: int) -> dict[int, datetime]:
        rows = self.session.execute(
            select(InterviewRow.interviewer_id, func.max(InterviewRow.assigned_at))
            .where(InterviewRow.network_id == network_id)
            .group_by(InterviewRow.interviewer_id)
        ).all()
        return {member_id: at for member_id, at in rows if at is not None}
