"""Recruitment: candidates, two crossed interviews, a secret vote, and the rules that decide.

Two different members interview each candidate: experienced, bound by the current charter,
neither the sponsor nor of the candidate's profession; their reports stay hidden until both
are filed. The vote opens only once both reports (and the site visit, when the network asks
for one) are in, or on an admin's recorded override of that process. Recruiters vote in secret
(who voted shows, never how); the decision needs a quorum of eligible recruiters and a share of
yes among yes and no.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from fractions import Fraction

from core.shared.tenancy import Member, Role
from core.shared.text import fold


class Stage(StrEnum):
    INTERVIEWS = "interviews"
    VOTE = "vote"
    ADMITTED = "admitted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


OPEN_STAGES = frozenset({Stage.INTERVIEWS, Stage.VOTE})


class Recommendation(StrEnum):
    ADMIT = "admit"
    REJECT = "reject"
    UNSURE = "unsure"


class Ballot(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


@dataclass
class Report:
    interviewer_id: int
    recommendation: Recommendation
    notes: str = ""
    ethics: str = ""
    generosity: str = ""
    previous_networks: str = ""
    filed_at: datetime | None = None


@dataclass(frozen=True)
class Visit:
    member_id: int
    notes: str
    at: datetime


@dataclass(frozen=True)
class CandidateEvent:
    actor_id: int | None
    at: datetime
    what: str
    detail: str = ""


@dataclass
class Candidate:
    id: int
    network_id: int
    number: int
    name: str
    profession: str
    previous_networks: str
    sponsor_id: int
    created_at: datetime
    stage: Stage = Stage.INTERVIEWS
    interviewers: list[int] = field(default_factory=list)
    reports: dict[int, Report] = field(default_factory=dict)  # interviewer id -> filed report
    visits: list[Visit] = field(default_factory=list)
    votes: dict[int, Ballot] = field(default_factory=dict)  # recruiter id -> ballot
    exclusivity_conflict: str = ""  # who already holds the profession, when someone does
    override_reason: str = ""  # a recruiter's reason to admit a second member of a profession
    process_override: str = ""  # an admin's reason to open the vote without the full process
    vote_opened_at: datetime | None = None
    vote_deadline: datetime | None = None
    decided_at: datetime | None = None
    decision_note: str = ""
    member_id: int | None = None  # the member it became, once linked
    events: list[CandidateEvent] = field(default_factory=list)

    @property
    def reports_complete(self) -> bool:
        return len(self.interviewers) == 2 and all(i in self.reports for i in self.interviewers)

    @property
    def blocked(self) -> bool:
        return bool(self.exclusivity_conflict) and not self.override_reason


_PLURAL = re.compile(r"(?<=\w)(s|x)$")


def profession_key(profession: str) -> str:
    """Professions compared the way people write them: case, accents, plurals, spacing."""
    words = re.sub(r"[^\w\s]", " ", fold(profession)).split()
    return " ".join(_PLURAL.sub("", w) if len(w) > 3 else w for w in words)


def is_experienced(member: Member, now: datetime, experienced_days: int) -> bool:
    if Role.EXPERIENCED in member.roles:
        return True
    return member.joined_at is not None and now - member.joined_at >= timedelta(
        days=experienced_days
    )


class Unfit(StrEnum):
    """Why a member may not interview a candidate."""

    SPONSOR = "sponsor"
    NOT_EXPERIENCED = "experience"
    NO_CHARTER = "charter"
    SAME_PROFESSION = "profession"


def same_profession(a: str, b: str) -> bool:
    return bool(a.strip()) and bool(b.strip()) and profession_key(a) == profession_key(b)


def unfit_to_interview(
    member: Member,
    sponsor_id: int,
    profession: str,
    now: datetime,
    experienced_days: int,
    accepted: Collection[int] | None,
) -> Unfit | None:
    """Why `member` may not interview this candidate, or None when they may.

    `accepted`: who accepted the current charter; None when the network has no charter yet.
    """
    if member.id == sponsor_id:
        return Unfit.SPONSOR
    if not is_experienced(member, now, experienced_days):
        return Unfit.NOT_EXPERIENCED
    if accepted is not None and member.id not in accepted:
        return Unfit.NO_CHARTER
    if same_profession(member.profession, profession):
        return Unfit.SAME_PROFESSION
    return None


def pick_interviewers(
    members: list[Member],
    sponsor_id: int,
    now: datetime,
    experienced_days: int,
    last_assigned: dict[int, datetime],
    profession: str = "",
    accepted: Collection[int] | None = None,
) -> list[int]:
    """Two different members fit to interview (see `unfit_to_interview`), least recently
    assigned first."""
    eligible = [
        m
        for m in members
        if unfit_to_interview(m, sponsor_id, profession, now, experienced_days, accepted) is None
    ]
    never = datetime.min.replace(tzinfo=now.tzinfo)
    eligible.sort(key=lambda m: (last_assigned.get(m.id, never), m.id))
    return [m.id for m in eligible[:2]]


def eligible_voters(members: list[Member], candidate: Candidate) -> list[int]:
    """Recruiters, except the sponsor of this candidate."""
    return [m.id for m in members if Role.RECRUITER in m.roles and m.id != candidate.sponsor_id]


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstain: int
    eligible: int

    @property
    def turnout(self) -> int:
        return self.yes + self.no + self.abstain


def tally(candidate: Candidate, eligible: list[int]) -> Tally:
    ballots = [b for voter, b in candidate.votes.items() if voter in eligible]
    return Tally(
        ballots.count(Ballot.YES),
        ballots.count(Ballot.NO),
        ballots.count(Ballot.ABSTAIN),
        len(eligible),
    )


def admitted(result: Tally, quorum: Fraction, threshold: Fraction) -> bool:
    """Turnout reaches the quorum of eligible recruiters and yes reaches the threshold of
    yes + no (abstentions count for the quorum, not for the threshold)."""
    if result.eligible == 0 or Fraction(result.turnout, result.eligible) < quorum:
        return False
    decided = result.yes + result.no
    return decided > 0 and Fraction(result.yes, decided) >= threshold
