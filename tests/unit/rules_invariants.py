"""The rules nobody can bypass, read from the database alone: what tests/unit/test_rules_machine.py
checks after every step of its state machine.

A `Snapshot` is every row of every table at one moment, in primary-key order (two equal
snapshots, two equal databases), read the same way on SQLite and PostgreSQL. Each check takes
the snapshot before a command and the one after, and returns what it found wrong (an empty list
when the rule holds). Whatever a rule depends on
at a past moment (roles, settings, the charter in force, professions) is replayed from the audit
trail, the charter versions and acceptances, and the candidates' events.
"""

from __future__ import annotations

import itertools
import re
from collections import namedtuple
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import Engine, Numeric, Table

from core.recruitment.model import Tally, admitted, profession_key
from core.referrals.model import MOVES, Status
from storage import tables as schema
from storage.types import UTCDateTime
from tests.database_copies import tables

Rows = list[Any]


def _reader(table: Table) -> Callable[[Any], Any]:
    """Turns a stored value back into the schema's type, as SQLite or PostgreSQL gives it:
    aware UTC datetimes and Decimals (so both engines compare alike)."""
    kind = table.c
    converters: list[Callable[[Any], Any]] = []
    for column in kind:
        if isinstance(column.type, UTCDateTime):
            converters.append(_datetime)
        elif isinstance(column.type, Numeric):
            converters.append(_decimal)
        else:
            converters.append(_same)
    record = namedtuple(table.name, [c.name for c in kind])  # type: ignore[misc]
    names = [c.name for c in kind]

    def read(row: dict[str, Any]) -> Any:
        return record(*(f(row[n]) for f, n in zip(converters, names, strict=True)))

    return read


def _same(value: Any) -> Any:
    return value


def _datetime(value: Any) -> datetime | None:
    if value is None:
        return None
    found = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


_READERS = {table.name: _reader(table) for table in tables()}
_QUERIES = {
    table.name: f"SELECT * FROM {table.name} ORDER BY "
    + ", ".join(c.name for c in table.primary_key.columns)
    for table in tables()
}


class Snapshot:
    """Every row of every table as the database driver gives it (compared with `==`), and the
    rows of one table by column name, with the schema's types, on demand."""

    def __init__(self, raw: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> None:
        self.raw = raw
        self._typed: dict[str, Rows] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Snapshot) and self.raw == other.raw

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, table: str) -> Rows:
        if table not in self._typed:
            names, rows = self.raw[table]
            read = _READERS[table]
            self._typed[table] = [read(dict(zip(names, row, strict=True))) for row in rows]
        return self._typed[table]

    def changed_tables(self, other: Snapshot) -> list[str]:
        return [name for name in self.raw if self.raw[name] != other.raw.get(name)]


def read_all(engine: Engine) -> Snapshot:
    """Every row of every table, in primary-key order, on one connection of the driver."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            found = {}
            for name, statement in _QUERIES.items():
                cursor.execute(statement)
                names = [d[0] for d in cursor.description]
                found[name] = (names, [tuple(r) for r in cursor.fetchall()])
            return Snapshot(found)
        finally:
            cursor.close()
    finally:
        connection.close()


# The past, replayed


class History:
    """What held at a past moment, from the rows that record each change."""

    def __init__(self, snap: Snapshot, setup_professions: dict[str, str]) -> None:
        self.snap = snap
        self.members = {m.id: m for m in snap["members"]}
        self.by_name = {m.display_name: m for m in snap["members"]}
        self.network = snap["networks"][0]
        self.audit = snap["audit_log"]
        self.setup_professions = setup_professions

    def roles_at(self, member_id: int, at: datetime) -> set[str]:
        """The granted roles (`/network role`, each in the audit trail) at `at`."""
        name = self.members[member_id].display_name
        roles: set[str] = set()
        for row in self.audit:
            if row.at > at or row.what not in ("role.granted", "role.removed"):
                continue
            who, _, role = row.detail.rpartition(": ")
            if who != name:
                continue
            if row.what == "role.granted":
                roles.add(role)
            else:
                roles.discard(role)
        return roles

    def setting_at(self, key: str, at: datetime, default: str) -> str:
        value = default
        for row in self.audit:
            if row.what == "setting" and row.at <= at and row.detail.startswith(f"{key} = "):
                value = row.detail.removeprefix(f"{key} = ")
        return value

    def charter_version_at(self, at: datetime) -> int:
        return max(v.version for v in self.snap["charter_versions"] if v.created_at <= at)

    def accepted_at(self, member_id: int, at: datetime) -> bool:
        version = self.charter_version_at(at)
        return any(
            a.member_id == member_id and a.version == version and a.accepted_at <= at
            for a in self.snap["charter_acceptances"]
        )

    def experienced_at(self, member_id: int, at: datetime) -> bool:
        member = self.members[member_id]
        days = self.network.experienced_days
        return "experienced" in self.roles_at(member_id, at) or at - member.joined_at >= timedelta(
            days=days
        )

    def profession_at(self, member_id: int, at: datetime) -> str:
        """The profession of the last candidate linked to the member by `at`, or the one the
        member gave at setup."""
        member = self.members[member_id]
        candidates = {c.id: c for c in self.snap["candidates"]}
        linked = [
            e
            for e in self.snap["candidate_events"]
            if e.what == "linked" and e.at <= at and e.detail == member.display_name
        ]
        if linked:
            return str(candidates[linked[-1].candidate_id].profession)
        return self.setup_professions.get(member.display_name, "")


Check = Callable[[Snapshot | None, Snapshot, History], list[str]]


# Recruitment


def _eligible_interviewer(history: History, candidate: Any, member_id: int, at: datetime) -> str:
    """Why `member_id` may not interview `candidate` at `at` ("" when they may)."""
    name = history.members[member_id].display_name
    if member_id == candidate.sponsor_id:
        return f"{name} is the sponsor"
    if not history.experienced_at(member_id, at):
        return f"{name} is not experienced"
    if not history.accepted_at(member_id, at):
        return f"{name} has not accepted the charter in force"
    same = profession_key(history.profession_at(member_id, at))
    if same and same == profession_key(candidate.profession):
        return f"{name} shares the profession"
    return ""


def _overridden(history: History, candidate: Any, at: datetime) -> bool:
    """An admin's recorded override of the process: an audit row naming the candidate."""
    marks = (f"#{candidate.number}", candidate.name)
    return any(
        "override" in row.what and row.at <= at and any(m in row.detail for m in marks)
        for row in history.audit
    )


def _opened_by_process(now: Snapshot, history: History) -> list[tuple[Any, datetime, set[int]]]:
    """Each candidate whose vote opened with no recorded override: when, and who had filed a
    report by then (active interviewers only)."""
    found = []
    for candidate in now["candidates"]:
        at = candidate.vote_opened_at
        if at is None or _overridden(history, candidate, at):
            continue
        filed = {
            i.interviewer_id
            for i in now["candidate_interviews"]
            if i.candidate_id == candidate.id
            and i.active
            and i.filed_at is not None
            and i.filed_at <= at
        }
        found.append((candidate, at, filed))
    return found


def vote_after_reports(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """No vote opens (and so no one is admitted) before two distinct interviewers filed their
    reports, and the site visit when required; or a recorded override."""
    wrong = [
        f"candidate #{c.number} admitted without a vote"
        for c in now["candidates"]
        if c.stage == "admitted" and c.vote_opened_at is None
    ]
    for candidate, at, filed in _opened_by_process(now, history):
        if len(filed) < 2:
            wrong.append(
                f"candidate #{candidate.number} ({candidate.stage}): vote opened with "
                f"{len(filed)} report(s)"
            )
        if history.setting_at("site-visit", at, "off") == "on" and not any(
            v.candidate_id == candidate.id and v.at <= at for v in now["candidate_visits"]
        ):
            wrong.append(f"candidate #{candidate.number}: vote opened with no site visit")
    return wrong


def interviewers_eligible(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """The reports a vote opens on are by experienced members who accepted the charter in
    force, neither the sponsor nor of the candidate's profession (checked when it opens)."""
    wrong = []
    for candidate, at, filed in _opened_by_process(now, history):
        for interviewer in sorted(filed):
            why = _eligible_interviewer(history, candidate, interviewer, at)
            if why:
                wrong.append(f"candidate #{candidate.number}: vote opened on a report; {why}")
    return wrong


_TALLY = re.compile(r"\d+")


def votes_counted(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """A sponsor never voted; no ballot outside the vote; a decided candidate's tally is its
    eligible recruiters' ballots, and the decision follows the rule."""
    wrong = []
    candidates = {c.id: c for c in now["candidates"]}
    for vote in now["candidate_votes"]:
        candidate = candidates[vote.candidate_id]
        if vote.voter_id == candidate.sponsor_id:
            wrong.append(f"the sponsor voted on candidate #{candidate.number}")
        opened, decided = candidate.vote_opened_at, candidate.decided_at
        if opened is None or vote.at < opened or (decided is not None and vote.at > decided):
            wrong.append(f"a ballot on candidate #{candidate.number} outside its vote")
    for candidate in candidates.values():
        if candidate.stage not in ("admitted", "rejected") or candidate.vote_opened_at is None:
            continue
        at = candidate.decided_at
        decision = [
            e
            for e in now["candidate_events"]
            if e.candidate_id == candidate.id and e.what == candidate.stage
        ]
        eligible = {
            m
            for m in history.members
            if m != candidate.sponsor_id and "recruiter" in history.roles_at(m, at)
        }
        ballots = [
            v.ballot
            for v in now["candidate_votes"]
            if v.candidate_id == candidate.id and v.voter_id in eligible and v.at <= at
        ]
        counted = Tally(
            ballots.count("yes"), ballots.count("no"), ballots.count("abstain"), len(eligible)
        )
        figures = [counted.yes, counted.no, counted.abstain, counted.turnout, counted.eligible]
        shown = [int(n) for n in _TALLY.findall(decision[-1].detail)] if decision else []
        if shown != figures:
            wrong.append(
                f"candidate #{candidate.number}: tally {shown} but the ballots give {figures}"
            )
        network = history.network
        should = admitted(counted, Fraction(network.quorum), Fraction(network.threshold))
        if should != (candidate.stage == "admitted"):
            wrong.append(f"candidate #{candidate.number} {candidate.stage} against its tally")
    return wrong


def _decided(snap: Snapshot) -> dict[int, tuple[Any, ...]]:
    votes: dict[int, list[tuple[Any, ...]]] = {}
    for v in snap["candidate_votes"]:
        votes.setdefault(v.candidate_id, []).append((v.voter_id, v.ballot, v.at))
    return {
        c.id: (c.stage, c.decided_at, c.decision_note, votes.get(c.id, []))
        for c in snap["candidates"]
        if c.stage in ("admitted", "rejected")
    }


def closed_vote_fixed(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """Once decided, a candidate's decision and ballots never change."""
    if before is None:
        return []
    then, found = _decided(before), _decided(now)
    return [f"decided candidate id {c} changed" for c in then if found.get(c) != then[c]]


# Money


def commission_bounded(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """0 <= commission paid <= commission due <= closed amount."""
    wrong = []
    for r in now["referrals"]:
        if r.closed_amount is None:
            continue
        due, paid = r.commission_due, r.commission_paid or Decimal(0)
        if due is None or not (0 <= paid <= due <= r.closed_amount):
            wrong.append(
                f"referral #{r.number}: closed {r.closed_amount}, commission {due}, paid {paid}"
            )
    return wrong


def amount_positive(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    return [
        f"referral #{r.number} closed for {r.closed_amount}"
        for r in now["referrals"]
        if r.closed_amount is not None and r.closed_amount <= 0
    ]


def _money(snap: Snapshot) -> dict[int, tuple[Any, ...]]:
    return {
        r.id: (r.closed_amount, r.commission_due, getattr(r, "currency", None))
        for r in snap["referrals"]
        if r.closed_amount is not None
    }


def closed_money_fixed(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """A closed referral's amount, commission and currency change only by a correction, which
    leaves an audit row naming it."""
    if before is None:
        return []
    then, found = _money(before), _money(now)
    numbers = {r.id: r.number for r in now["referrals"]}
    new_audit = now["audit_log"][len(before["audit_log"]) :]
    wrong = []
    for rid, money in then.items():
        if found.get(rid) == money:
            continue
        number = numbers[rid]
        if not any(
            "correct" in a.what and re.search(rf"#?{number}\b", a.detail) for a in new_audit
        ):
            wrong.append(f"referral #{number}: {money} became {found.get(rid)} with no audit row")
    return wrong


def currency_kept(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """Each referral keeps the currency it was made in: a later `/network set currency` does
    not relabel it."""
    columns = schema.Base.metadata.tables["referrals"].c
    if "currency" in columns:
        return [
            f"referral #{r.number} in {r.currency}, made when the network counted in "
            f"{history.setting_at('currency', r.created_at, 'EUR')}"
            for r in now["referrals"]
            if r.currency != history.setting_at("currency", r.created_at, "EUR")
        ]
    current = history.network.currency
    return [
        f"referral #{r.number} made in {made} now reads {current}"
        for r in now["referrals"]
        if r.closed_amount is not None
        and (made := history.setting_at("currency", r.created_at, "EUR")) != current
    ]


# Clients


def one_owner(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """Each client has one owner, a member, for good; each referral names that owner."""
    wrong = []
    owners = {c.id: c.owner_id for c in now["clients"]}
    for c in now["clients"]:
        if c.owner_id not in history.members:
            wrong.append(f"client {c.name} owned by no member")
    if before is not None:
        for c in before["clients"]:
            if owners.get(c.id) != c.owner_id:
                wrong.append(f"client {c.name} changed owner")
    for r in now["referrals"]:
        if r.client_owner_id != owners.get(r.client_id):
            wrong.append(f"referral #{r.number} names another owner than its client's")
    return wrong


def not_to_owner(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    owners = {c.id: c.owner_id for c in now["clients"]}
    return [
        f"referral #{r.number} sends a client to its owner"
        for r in now["referrals"]
        if r.receiver_id == owners[r.client_id]
    ]


# Referral history

EDGES = {(source.value, m.target.value) for m in MOVES.values() for source in m.sources}


def valid_history(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """Each referral's events walk its state machine from `offered` to its status."""
    events: dict[int, list[Any]] = {}
    for e in now["referral_events"]:
        events.setdefault(e.referral_id, []).append(e)
    wrong = []
    for r in now["referrals"]:
        path = events.get(r.id, [])
        steps = [(e.from_status, e.to_status) for e in path]
        if not steps or steps[0] != (None, Status.OFFERED.value):
            wrong.append(f"referral #{r.number} does not start offered: {steps}")
            continue
        for (_, came), (left, went) in itertools.pairwise(steps):
            if left != came or (left, went) not in EDGES:
                wrong.append(f"referral #{r.number}: {steps}")
                break
        if steps[-1][1] != r.status:
            wrong.append(f"referral #{r.number} is {r.status} after {steps}")
    return wrong


# Reports


def _may_act(history: History, breach: Any) -> tuple[list[str], list[str]]:
    """Who may act on a report: the admins, but not its subject while it is unraised; and when
    its subject is the only admin, the recruiters (who must then be able to open it)."""
    roles = {m.id: set(m.roles.split(",")) - {""} for m in history.members.values()}
    admins = [m for m, r in roles.items() if "admin" in r]
    hidden = breach.state == "open"
    actors = [m for m in admins if not (hidden and m == breach.reported_id)]
    fallback = []
    if admins == [breach.reported_id]:
        fallback = [m for m, r in roles.items() if "recruiter" in r and m != breach.reported_id]
    name = history.members
    return [name[m].display_name for m in actors], [name[m].display_name for m in fallback]


def reports_for_recruiters(now: Snapshot, history: History) -> dict[int, list[str]]:
    """The open reports no admin may act on, and the recruiters who then may."""
    found = {}
    for b in now["breach_reports"]:
        if b.state in ("open", "raised"):
            admins, recruiters = _may_act(history, b)
            if not admins:
                found[b.number] = recruiters
    return found


def report_reaches_someone(before: Snapshot | None, now: Snapshot, history: History) -> list[str]:
    """Some member who may act on each open report: an admin, or a recruiter when the subject
    is the only admin (whether that recruiter can open it is for the caller to try)."""
    return [
        f"report #{number} is seen by no one who may act on it"
        for number, recruiters in reports_for_recruiters(now, history).items()
        if not recruiters
    ]


def report_names_own_referral(
    before: Snapshot | None, now: Snapshot, history: History
) -> list[str]:
    """A referral named in a report involves the member reported on."""
    referrals = {r.number: r for r in now["referrals"]}
    wrong = []
    for b in now["breach_reports"]:
        if b.referral_number is None:
            continue
        r = referrals.get(b.referral_number)
        if r is None or b.reported_id not in (r.referrer_id, r.receiver_id):
            wrong.append(
                f"report #{b.number} names referral #{b.referral_number}, not its subject's"
            )
    return wrong


INVARIANTS: dict[str, Check] = {
    "vote-after-reports": vote_after_reports,
    "interviewers-eligible": interviewers_eligible,
    "votes-counted": votes_counted,
    "closed-vote-fixed": closed_vote_fixed,
    "commission-bounded": commission_bounded,
    "amount-positive": amount_positive,
    "closed-money-fixed": closed_money_fixed,
    "currency-kept": currency_kept,
    "one-owner": one_owner,
    "not-to-owner": not_to_owner,
    "valid-history": valid_history,
    "report-reaches-someone": report_reaches_someone,
    "report-names-own-referral": report_names_own_referral,
}
