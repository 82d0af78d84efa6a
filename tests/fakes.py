"""In-memory fakes of core's ports, and a small driver that runs Apport over them.

The repositories behave like the SQL ones where core could tell the difference: reads return
copies (a change is kept only through `add`/`update`), the same uniqueness rules hold, lists come
back in the same order, and `for_member` does not load the history. The unit of work is a real
transaction: it works on a deep copy of the committed tables and publishes it on `commit()`;
leaving the `with` block without committing throws the copy away.
"""

from __future__ import annotations

import copy
import itertools
import statistics
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from core.app import Apport, Invocation
from core.audit import AuditEntry
from core.breaches import OPEN_BREACH_STATES, Breach, BreachEvent
from core.charter import CharterVersion
from core.clients import Client
from core.directory import Profile, Standing
from core.feedback import Feedback
from core.network import Member, Network
from core.outbox import OutboxItem, OutboxState
from core.recruitment import (
    OPEN_STAGES,
    Ballot,
    Candidate,
    CandidateEvent,
    Report,
    Visit,
)
from core.referrals import Event, Referral, Status
from core.services.dispatcher import Dispatcher
from core.stats import ZERO, Activity, ActivityWindow, Figures, Giver, LedgerLine
from core.text import fold
from core.ui import Notice, Reply

if TYPE_CHECKING:
    from core.ports import (
        AuditRepository,
        BreachRepository,
        CandidateRepository,
        CharterRepository,
        ClientRepository,
        Clock,
        DirectoryRepository,
        FeedbackRepository,
        MemberRepository,
        Messenger,
        NetworkRepository,
        OutboxRepository,
        ReferralRepository,
        StatsRepository,
        UnitOfWork,
        UnitOfWorkFactory,
    )


class UniqueViolation(Exception):
    """What a database would raise on a duplicate key: core must never trigger it."""


@dataclass
class Tables:
    """Everything stored, for every network."""

    networks: dict[int, Network] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    clients: dict[int, Client] = field(default_factory=dict)
    referrals: dict[int, Referral] = field(default_factory=dict)
    next_numbers: dict[int, int] = field(default_factory=dict)  # network id -> next number
    charters: dict[int, CharterVersion] = field(default_factory=dict)
    acceptances: dict[tuple[int, int, int], datetime] = field(default_factory=dict)
    outbox: dict[int, OutboxItem] = field(default_factory=dict)
    claims: dict[int, datetime] = field(default_factory=dict)  # outbox id -> claimed at
    feedback: dict[tuple[int, int], Feedback] = field(default_factory=dict)
    candidates: dict[int, Candidate] = field(default_factory=dict)
    breaches: dict[int, Breach] = field(default_factory=dict)
    next_breaches: dict[int, int] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    next_candidates: dict[int, int] = field(default_factory=dict)  # network id -> next number
    assignments: list[tuple[int, int, datetime]] = field(default_factory=list)  # net, member, at
    profiles: dict[int, tuple[str, str]] = field(default_factory=dict)  # member -> keywords, pitch
    last_ids: dict[str, int] = field(default_factory=dict)

    def new_id(self, table: str) -> int:
        self.last_ids[table] = self.last_ids.get(table, 0) + 1
        return self.last_ids[table]


class _Workspace:
    """The tables one unit of work reads and writes; replaced wholesale on rollback."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables


class FakeOutbox:
    def __init__(self, workspace: _Workspace, commit: Callable[[], None]) -> None:
        self._ws = workspace
        self._commit = commit  # its unit of work's

    def add(self, item: OutboxItem) -> bool:
        tables = self._ws.tables
        if any(
            (o.network_id, o.key) == (item.network_id, item.key) for o in tables.outbox.values()
        ):
            return False
        item.id = tables.new_id("outbox")
        tables.outbox[item.id] = replace(item, payload=copy.deepcopy(item.payload))
        return True

    def cancel(self, network_id: int, subject: str, kinds: Collection[str]) -> int:
        cancelled = 0
        for item in self._ws.tables.outbox.values():
            if (item.network_id, item.subject, item.state) == (
                network_id,
                subject,
                OutboxState.PENDING,
            ) and item.kind in kinds:
                item.state = OutboxState.CANCELLED
                cancelled += 1
        return cancelled

    def claim(
        self, now: datetime, worker: str, limit: int, stale_before: datetime
    ) -> list[OutboxItem]:
        tables = self._ws.tables
        due = sorted(
            (
                o
                for o in tables.outbox.values()
                if (o.state is OutboxState.PENDING and o.due_at <= now)
                or (o.state is OutboxState.CLAIMED and tables.claims[o.id] < stale_before)
            ),
            key=lambda o: (o.due_at, o.id),
        )[:limit]
        for item in due:
            item.state = OutboxState.CLAIMED
            tables.claims[item.id] = now
        return [replace(item) for item in due]

    def _set(self, item_id: int, state: OutboxState, **changes: object) -> None:
        item = self._ws.tables.outbox[item_id]
        self._ws.tables.outbox[item_id] = replace(item, state=state, **changes)  # type: ignore[arg-type]

    def mark_sent(self, item_id: int, at: datetime, ref: str | None = None) -> None:
        self._set(item_id, OutboxState.SENT, ref=ref or "")

    def by_key(self, network_id: int, key: str) -> OutboxItem | None:
        for item in self._ws.tables.outbox.values():
            if (item.network_id, item.key) == (network_id, key):
                return replace(item)
        return None

    def mark_skipped(self, item_id: int, at: datetime) -> None:
        self._set(item_id, OutboxState.SKIPPED)

    def retry(self, item_id: int, due_at: datetime, error: str, attempts: int) -> None:
        self._set(item_id, OutboxState.PENDING, due_at=due_at, last_error=error, attempts=attempts)

    def mark_failed(self, item_id: int, error: str, attempts: int) -> None:
        self._set(item_id, OutboxState.FAILED, last_error=error, attempts=attempts)

    def pending(self, network_id: int, subject: str = "") -> list[OutboxItem]:
        return sorted(
            (
                replace(o)
                for o in self._ws.tables.outbox.values()
                if o.network_id == network_id
                and o.state is OutboxState.PENDING
                and (not subject or o.subject == subject)
            ),
            key=lambda o: o.due_at,
        )


class FakeCandidates:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def next_number(self, network_id: int) -> int:
        tables = self._ws.tables
        number = tables.next_candidates.get(network_id, 1)
        tables.next_candidates[network_id] = number + 1
        return number

    def add(self, candidate: Candidate) -> Candidate:
        tables = self._ws.tables
        if any(
            (c.network_id, c.number) == (candidate.network_id, candidate.number)
            for c in tables.candidates.values()
        ):
            raise UniqueViolation(f"candidate #{candidate.number}")
        candidate.id = tables.new_id("candidates")
        tables.candidates[candidate.id] = copy.deepcopy(candidate)
        return candidate

    def get(self, network_id: int, number: int, lock: bool = False) -> Candidate | None:
        for candidate in self._ws.tables.candidates.values():
            if (candidate.network_id, candidate.number) == (network_id, number):
                return copy.deepcopy(candidate)
        return None

    def open(self, network_id: int) -> list[Candidate]:
        return sorted(
            (
                copy.deepcopy(c)
                for c in self._ws.tables.candidates.values()
                if c.network_id == network_id and c.stage in OPEN_STAGES
            ),
            key=lambda c: c.number,
        )

    def _stored(self, candidate: Candidate) -> Candidate:
        stored = self._ws.tables.candidates[candidate.id]
        if stored.network_id != candidate.network_id:
            raise LookupError("candidate belongs to another network")
        return stored

    def update(self, candidate: Candidate) -> None:
        stored = self._stored(candidate)
        for name in (
            "stage",
            "override_reason",
            "vote_opened_at",
            "vote_deadline",
            "decided_at",
            "decision_note",
            "member_id",
        ):
            setattr(stored, name, getattr(candidate, name))

    def set_interviewers(self, candidate: Candidate, at: datetime) -> None:
        stored = self._stored(candidate)
        added = [i for i in candidate.interviewers if i not in stored.interviewers]
        stored.interviewers = list(candidate.interviewers)
        stored.reports = {i: r for i, r in stored.reports.items() if i in stored.interviewers}
        self._ws.tables.assignments.extend((candidate.network_id, i, at) for i in added)

    def save_report(self, candidate: Candidate, report: Report) -> None:
        self._stored(candidate).reports[report.interviewer_id] = copy.deepcopy(report)

    def add_visit(self, candidate: Candidate, visit: Visit) -> None:
        self._stored(candidate).visits.append(visit)

    def save_vote(self, candidate: Candidate, voter_id: int, ballot: Ballot, at: datetime) -> None:
        self._stored(candidate).votes[voter_id] = ballot

    def add_event(self, candidate: Candidate, event: CandidateEvent) -> None:
        self._stored(candidate).events.append(event)

    def votes_of(self, network_id: int, member_id: int) -> list[tuple[int, str, datetime]]:
        return sorted(
            (c.number, c.votes[member_id].value, c.created_at)
            for c in self._ws.tables.candidates.values()
            if c.network_id == network_id and member_id in c.votes
        )

    def last_assigned(self, network_id: int) -> dict[int, datetime]:
        last: dict[int, datetime] = {}
        for net, member, at in self._ws.tables.assignments:
            if net == network_id and (member not in last or at > last[member]):
                last[member] = at
        return last


class FakeBreaches:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def next_number(self, network_id: int) -> int:
        numbers = self._ws.tables.next_breaches
        numbers[network_id] = numbers.get(network_id, 0) + 1
        return numbers[network_id]

    def add(self, breach: Breach) -> Breach:
        breach.id = self._ws.tables.new_id("breaches")
        self._ws.tables.breaches[breach.id] = copy.deepcopy(breach)
        return breach

    def _mine(self, network_id: int) -> list[Breach]:
        return sorted(
            (
                copy.deepcopy(b)
                for b in self._ws.tables.breaches.values()
                if b.network_id == network_id
            ),
            key=lambda b: b.number,
        )

    def get(self, network_id: int, number: int) -> Breach | None:
        return next((b for b in self._mine(network_id) if b.number == number), None)

    def open(self, network_id: int) -> list[Breach]:
        return [b for b in self._mine(network_id) if b.state in OPEN_BREACH_STATES]

    def update(self, breach: Breach, event: BreachEvent) -> None:
        stored = self._ws.tables.breaches[breach.id]
        if stored.network_id != breach.network_id:
            raise LookupError("report belongs to another network")
        stored.state = breach.state
        stored.events.append(event)

    def filed_by(self, network_id: int, member_id: int) -> list[Breach]:
        return [b for b in self._mine(network_id) if b.reporter_id == member_id]


class FakeAudit:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def add(self, entry: AuditEntry) -> None:
        self._ws.tables.audit.append(entry)

    def recent(self, network_id: int, limit: int) -> list[AuditEntry]:
        mine = [e for e in self._ws.tables.audit if e.network_id == network_id]
        return list(reversed(mine))[:limit]


class FakeFeedback:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def get(self, network_id: int, referral_id: int) -> Feedback | None:
        found = self._ws.tables.feedback.get((network_id, referral_id))
        return replace(found) if found else None

    def save(self, feedback: Feedback) -> None:
        self._ws.tables.feedback[(feedback.network_id, feedback.referral_id)] = replace(feedback)

    def _numbered(
        self, network_id: int, keep: Callable[[Feedback], bool]
    ) -> list[tuple[int, Feedback]]:
        tables = self._ws.tables
        return sorted(
            (
                (tables.referrals[f.referral_id].number, replace(f))
                for f in tables.feedback.values()
                if f.network_id == network_id and keep(f)
            ),
            key=lambda pair: pair[0],
        )

    def given_by(self, network_id: int, member_id: int) -> list[tuple[int, Feedback]]:
        return self._numbered(network_id, lambda f: f.giver_id == member_id)

    def received_by(self, network_id: int, member_id: int) -> list[tuple[int, Feedback]]:
        return self._numbered(network_id, lambda f: f.member_id == member_id)

    def quality(self, network_id: int, member_id: int) -> tuple[float | None, int]:
        scores = [
            f.score
            for f in self._ws.tables.feedback.values()
            if (f.network_id, f.member_id) == (network_id, member_id)
        ]
        return (sum(scores) / len(scores) if scores else None), len(scores)


class FakeNetworks:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def get(self, network_id: int) -> Network | None:
        found = self._ws.tables.networks.get(network_id)
        return replace(found) if found else None

    def get_by_key(self, key: str) -> Network | None:
        found = next((n for n in self._ws.tables.networks.values() if n.key == key), None)
        return copy.deepcopy(found)

    def add(self, key: str, name: str, locale: str, at: datetime) -> Network:
        tables = self._ws.tables
        if any(n.key == key for n in tables.networks.values()):
            raise UniqueViolation(f"network {key!r}")
        network = Network(tables.new_id("networks"), key, name, locale, created_at=at)
        tables.networks[network.id] = copy.deepcopy(network)
        tables.next_numbers[network.id] = 1
        return network

    def update(self, network: Network) -> None:
        tables = self._ws.tables
        if network.id not in tables.networks:
            raise LookupError(f"no network {network.id}")
        stored = tables.networks[network.id]
        tables.networks[network.id] = replace(copy.deepcopy(network), key=stored.key)


class FakeMembers:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def _in(self, network_id: int) -> list[Member]:
        members = self._ws.tables.members.values()
        return [
            copy.deepcopy(m)
            for m in sorted(members, key=lambda m: m.id)
            if m.network_id == network_id
        ]

    def get(self, network_id: int, member_id: int) -> Member | None:
        return next((m for m in self._in(network_id) if m.id == member_id), None)

    def by_external_id(self, network_id: int, external_id: str) -> Member | None:
        return next((m for m in self._in(network_id) if m.external_id == external_id), None)

    def by_name(self, network_id: int, name: str) -> list[Member]:
        return [m for m in self._in(network_id) if fold(m.display_name) == fold(name)]

    def many(self, network_id: int, member_ids: Collection[int]) -> dict[int, Member]:
        return {m.id: m for m in self._in(network_id) if m.id in member_ids}

    def count(self, network_id: int) -> int:
        return len(self._in(network_id))

    def all(self, network_id: int) -> list[Member]:
        return self._in(network_id)

    def add(self, member: Member) -> Member:
        tables = self._ws.tables
        if self.by_external_id(member.network_id, member.external_id) is not None:
            raise UniqueViolation(f"member {member.external_id!r}")
        stored = replace(copy.deepcopy(member), id=tables.new_id("members"))
        tables.members[stored.id] = stored
        return copy.deepcopy(stored)

    def update(self, member: Member) -> None:
        stored = self._ws.tables.members.get(member.id)
        if stored is None or stored.network_id != member.network_id:
            raise LookupError(f"no member {member.id} in network {member.network_id}")
        stored.display_name = member.display_name
        stored.roles = set(member.roles)
        stored.profession = member.profession

    def erase(self, member: Member, pseudonym: str) -> None:
        stored = self._ws.tables.members.get(member.id)
        if stored is None or stored.network_id != member.network_id:
            raise LookupError(f"no member {member.id} in network {member.network_id}")
        stored.display_name = pseudonym
        stored.external_id = f"erased:{member.id}"
        stored.roles = set()
        stored.profession = ""
        self._ws.tables.profiles.pop(member.id, None)


class FakeClients:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def _in(self, network_id: int) -> list[Client]:
        clients = self._ws.tables.clients.values()
        return [copy.deepcopy(c) for c in clients if c.network_id == network_id]

    def by_key(self, network_id: int, key: str) -> Client | None:
        return next((c for c in self._in(network_id) if c.key == key), None)

    def get(self, network_id: int, client_id: int) -> Client | None:
        return next((c for c in self._in(network_id) if c.id == client_id), None)

    def owned_by(self, network_id: int, owner_id: int) -> list[Client]:
        owned = [c for c in self._in(network_id) if c.owner_id == owner_id]
        return sorted(owned, key=lambda c: c.name)

    def add(self, client: Client) -> Client:
        tables = self._ws.tables
        if self.by_key(client.network_id, client.key) is not None:
            raise UniqueViolation(f"client {client.key!r}")
        stored = replace(copy.deepcopy(client), id=tables.new_id("clients"))
        tables.clients[stored.id] = stored
        return copy.deepcopy(stored)


class FakeReferrals:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def next_number(self, network_id: int) -> int:
        numbers = self._ws.tables.next_numbers
        if network_id not in numbers:
            raise LookupError(f"no network {network_id}")
        taken = numbers[network_id]
        numbers[network_id] = taken + 1
        return taken

    def add(self, referral: Referral) -> Referral:
        tables = self._ws.tables
        if self.get(referral.network_id, referral.number) is not None:
            raise UniqueViolation(f"referral #{referral.number}")
        referral.id = tables.new_id("referrals")
        tables.referrals[referral.id] = copy.deepcopy(referral)
        return referral

    def get(self, network_id: int, number: int) -> Referral | None:
        found = next(
            (
                r
                for r in self._ws.tables.referrals.values()
                if r.network_id == network_id and r.number == number
            ),
            None,
        )
        return copy.deepcopy(found)

    def update(self, referral: Referral, event: Event) -> None:
        stored = self._ws.tables.referrals.get(referral.id)
        if stored is None or stored.network_id != referral.network_id:
            raise LookupError(f"no referral {referral.id} in network {referral.network_id}")
        # The columns the SQL repository writes, and one more event row.
        stored.status = referral.status
        stored.closed_amount = referral.closed_amount
        stored.commission_due = referral.commission_due
        stored.commission_paid = referral.commission_paid
        stored.updated_at = referral.updated_at or event.at
        stored.events.append(event)

    def for_member(self, network_id: int, member_id: int) -> list[Referral]:
        """Newest first, history not loaded (as in SQL)."""
        mine = [
            replace(copy.deepcopy(r), events=[])
            for r in self._ws.tables.referrals.values()
            if r.network_id == network_id and member_id in (r.referrer_id, r.receiver_id)
        ]
        return sorted(mine, key=lambda r: r.number, reverse=True)

    def all(self, network_id: int) -> list[Referral]:
        return sorted(
            (
                replace(copy.deepcopy(r), events=[])
                for r in self._ws.tables.referrals.values()
                if r.network_id == network_id
            ),
            key=lambda r: r.number,
        )

    def erase_contact(self, network_id: int, referral_id: int) -> bool:
        stored = self._ws.tables.referrals.get(referral_id)
        if stored is None or stored.network_id != network_id or not stored.contact:
            return False
        stored.contact = ""
        return True


class FakeCharters:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def history(self, network_id: int) -> list[CharterVersion]:
        versions = [
            copy.deepcopy(v)
            for v in self._ws.tables.charters.values()
            if v.network_id == network_id
        ]
        return sorted(versions, key=lambda v: v.version)

    def current(self, network_id: int, lock: bool = False) -> CharterVersion | None:
        versions = self.history(network_id)
        return versions[-1] if versions else None

    def get(self, network_id: int, version: int) -> CharterVersion | None:
        return next((v for v in self.history(network_id) if v.version == version), None)

    def add(self, version: CharterVersion) -> CharterVersion:
        tables = self._ws.tables
        if self.get(version.network_id, version.version) is not None:
            raise UniqueViolation(f"charter version {version.version}")
        version.id = tables.new_id("charters")
        tables.charters[version.id] = copy.deepcopy(version)
        return version

    def accepted(self, network_id: int, member_id: int, version: int) -> bool:
        return (network_id, member_id, version) in self._ws.tables.acceptances

    def accept(self, network_id: int, member_id: int, version: int, at: datetime) -> None:
        key = (network_id, member_id, version)
        if key in self._ws.tables.acceptances:
            raise UniqueViolation(f"acceptance {key}")
        self._ws.tables.acceptances[key] = at

    def acceptances_of(self, network_id: int, member_id: int) -> list[tuple[int, datetime]]:
        return sorted(
            (ver, at)
            for (net, member, ver), at in self._ws.tables.acceptances.items()
            if (net, member) == (network_id, member_id)
        )

    def acceptance_count(self, network_id: int, version: int) -> int:
        return sum(
            1
            for (net, _, ver) in self._ws.tables.acceptances
            if (net, ver) == (network_id, version)
        )


class FakeStore:
    """The committed state every unit of work starts from."""

    def __init__(self) -> None:
        self.committed = Tables()
        self.commits = 0

    def snapshot(self) -> Tables:
        return copy.deepcopy(self.committed)


class FakeUnitOfWork:
    def __init__(self, store: FakeStore) -> None:
        self._store = store
        self._workspace = _Workspace(Tables())
        self.networks: NetworkRepository = FakeNetworks(self._workspace)
        self.members: MemberRepository = FakeMembers(self._workspace)
        self.clients: ClientRepository = FakeClients(self._workspace)
        self.referrals: ReferralRepository = FakeReferrals(self._workspace)
        self.charters: CharterRepository = FakeCharters(self._workspace)
        self.outbox: OutboxRepository = FakeOutbox(self._workspace, self.commit)
        self.feedback: FeedbackRepository = FakeFeedback(self._workspace)
        self.candidates: CandidateRepository = FakeCandidates(self._workspace)
        self.breaches: BreachRepository = FakeBreaches(self._workspace)
        self.audit: AuditRepository = FakeAudit(self._workspace)
        self.directory: DirectoryRepository = FakeDirectory(self._workspace)
        self.stats: StatsRepository = FakeStats(self._workspace)
        self.committed = False

    def __enter__(self) -> Self:
        self._workspace.tables = self._store.snapshot()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self._store.committed = copy.deepcopy(self._workspace.tables)
        self._store.commits += 1
        self.committed = True

    def rollback(self) -> None:
        self._workspace.tables = self._store.snapshot()


class FakeUnitOfWorkFactory:
    def __init__(self, store: FakeStore | None = None) -> None:
        self.store = store or FakeStore()

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.store)


class FakeClock:
    def __init__(self, at: datetime = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)) -> None:
        self.set(at)

    def set(self, at: datetime) -> None:
        if at.utcoffset() != timedelta(0):
            raise ValueError("the clock keeps aware UTC datetimes")
        self._now = at.astimezone(UTC)

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def now(self) -> datetime:
        return self._now


class RecordingMessenger:
    """Keeps every notice it is asked to deliver."""

    def __init__(self) -> None:
        self.sent: list[Notice] = []

    def send(self, notice: Notice) -> None:
        self.sent.append(notice)

    def to(self, external_id: str) -> list[Notice]:
        return [n for n in self.sent if n.external_id == external_id]

    def texts_to(self, external_id: str) -> list[str]:
        return [n.reply.text for n in self.to(external_id)]

    def clear(self) -> None:
        self.sent.clear()


def user_id(name: str) -> str:
    """The platform id the driver gives a member called `name`."""
    return "U-" + name.lower()


@dataclass
class Bot:
    """Drives Apport the way an adapter does: members by name, one network by default."""

    store: FakeStore = field(default_factory=FakeStore)
    clock: FakeClock = field(default_factory=FakeClock)
    messenger: RecordingMessenger = field(default_factory=RecordingMessenger)
    network: str = "T1"

    def __post_init__(self) -> None:
        self.uow_factory = FakeUnitOfWorkFactory(self.store)
        self.dispatcher = Dispatcher(self.uow_factory, self.messenger, self.clock.now, "test")
        self.app = Apport(self.uow_factory, self.clock, after_commit=self.dispatcher.run_once)

    def run(
        self,
        who: str,
        command: str,
        text: str = "",
        *,
        verb: str = "",
        values: Mapping[str, str] | None = None,
        network: str | None = None,
    ) -> Reply:
        key = network or self.network
        return self.app.handle(
            Invocation(
                network_key=key,
                network_name=f"Net {key}",
                user_id=user_id(who),
                user_name=who,
                command=command,
                text=text,
                verb=verb,
                values=values,
            )
        )

    def ok(self, who: str, command: str, text: str = "", network: str | None = None) -> Reply:
        """Run a command that must succeed."""
        reply = self.run(who, command, text, network=network)
        if reply.error:
            raise AssertionError(f"/{command} {text} by {who} failed: {reply.text}")
        return reply

    def refused(
        self,
        who: str,
        command: str,
        text: str = "",
        *,
        verb: str = "",
        values: Mapping[str, str] | None = None,
        network: str | None = None,
    ) -> Reply:
        """Run a command that must be refused, and check that it changed nothing."""
        before, commits, sent = self.store.snapshot(), self.store.commits, len(self.messenger.sent)
        reply = self.run(who, command, text, verb=verb, values=values, network=network)
        assert reply.error, f"/{command} {text} by {who} was not refused: {reply.text}"
        assert reply.text, "a refusal says why"
        assert self.store.committed == before, "a refused command changed the store"
        assert self.store.commits == commits, "a refused command committed"
        assert len(self.messenger.sent) == sent, "a refused command sent notices"
        return reply

    def join(self, *names: str, accept_charter: bool = True) -> None:
        """Each member runs a first command (the first one becomes admin)."""
        for name in names:
            self.ok(name, "charter", "accept" if accept_charter else "")

    def member(self, name: str, network: str | None = None) -> Member:
        with self.uow_factory() as uow:
            found = uow.networks.get_by_key(network or self.network)
            assert found is not None, "no such network"
            member = uow.members.by_external_id(found.id, user_id(name))
            assert member is not None, f"{name} is not a member"
            return member

    def referral(self, number: int, network: str | None = None) -> Referral:
        with self.uow_factory() as uow:
            found = uow.networks.get_by_key(network or self.network)
            assert found is not None, "no such network"
            referral = uow.referrals.get(found.id, number)
            assert referral is not None, f"no referral #{number}"
            return referral


if TYPE_CHECKING:
    # The fakes satisfy core's ports (checked by mypy, never run).
    def _conforms(
        store: FakeStore, workspace: _Workspace
    ) -> tuple[
        UnitOfWork,
        UnitOfWorkFactory,
        NetworkRepository,
        MemberRepository,
        ClientRepository,
        ReferralRepository,
        CharterRepository,
        Clock,
        Messenger,
    ]:
        return (
            FakeUnitOfWork(store),
            FakeUnitOfWorkFactory(store),
            FakeNetworks(workspace),
            FakeMembers(workspace),
            FakeClients(workspace),
            FakeReferrals(workspace),
            FakeCharters(workspace),
            FakeClock(),
            RecordingMessenger(),
        )


# Directory and stats (issue 8)


class FakeDirectory:
    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def profiles(self, network_id: int, member_id: int | None = None) -> list[Profile]:
        tables = self._ws.tables
        return [
            Profile(
                m.id,
                m.external_id,
                m.display_name,
                m.profession,
                *tables.profiles.get(m.id, ("", "")),
                m.joined_at,
            )
            for m in sorted(tables.members.values(), key=lambda m: m.id)
            if m.network_id == network_id and member_id in (None, m.id)
        ]

    def standings(self, network_id: int, member_ids: Collection[int]) -> dict[int, Standing]:
        tables = self._ws.tables
        found = {}
        for member in member_ids:
            scores = [
                f.score
                for f in tables.feedback.values()
                if (f.network_id, f.member_id) == (network_id, member)
            ]
            given = sum(
                1
                for r in tables.referrals.values()
                if (r.network_id, r.referrer_id) == (network_id, member)
                and r.status is not Status.CANCELLED
            )
            if scores or given:
                average = sum(scores) / len(scores) if scores else None
                found[member] = Standing(average, len(scores), given)
        return found

    def save(
        self, network_id: int, member_id: int, profession: str, keywords: str, pitch: str
    ) -> None:
        stored = self._ws.tables.members.get(member_id)
        if stored is None or stored.network_id != network_id:
            raise LookupError(f"no member {member_id} in network {network_id}")
        stored.profession = profession
        self._ws.tables.profiles[member_id] = (keywords, pitch)


_CONTACT = (Status.CONTACTED, Status.WON, Status.LOST)


def _first(referral: Referral, statuses: Collection[Status]) -> datetime | None:
    moments = [e.at for e in referral.events if e.to_status in statuses]
    return min(moments) if moments else None


class FakeStats:
    """The figures of storage/stats.py, computed in Python over the tables (docs/stats.md)."""

    def __init__(self, workspace: _Workspace) -> None:
        self._ws = workspace

    def _referrals(self, network_id: int) -> list[Referral]:
        return [r for r in self._ws.tables.referrals.values() if r.network_id == network_id]

    def _feedback(self, network_id: int) -> list[Feedback]:
        return [f for f in self._ws.tables.feedback.values() if f.network_id == network_id]

    def figures(
        self, network_id: int, start: datetime, end: datetime, member_id: int | None = None
    ) -> Figures:
        def inside(at: datetime | None) -> bool:
            return at is not None and start <= at < end

        everything = self._referrals(network_id)
        live = [r for r in everything if r.status is not Status.CANCELLED and inside(r.created_at)]
        scores = [f.score for f in self._feedback(network_id) if inside(f.at)]
        if member_id is None:
            given = received = len(live)
            party, earned = everything, []
        else:
            given = sum(1 for r in live if r.referrer_id == member_id)
            received = sum(1 for r in live if r.receiver_id == member_id)
            party = [r for r in everything if r.receiver_id == member_id]
            earned = [r for r in everything if r.referrer_id == member_id]
            scores = [
                f.score
                for f in self._feedback(network_id)
                if inside(f.at) and f.member_id == member_id
            ]
        won = [r for r in party if inside(_first(r, (Status.WON,)))]
        paid = [r for r in party if inside(_first(r, (Status.PAID,)))]
        earned_won = [r for r in earned if inside(_first(r, (Status.WON,)))]
        earned_paid = [r for r in earned if inside(_first(r, (Status.PAID,)))]
        days = []
        for referral in party:
            contact = _first(referral, _CONTACT)
            if contact is not None and inside(contact):
                days.append((contact - referral.created_at).total_seconds() / 86400)

        def total(items: list[Referral], name: str) -> Decimal:
            return sum((getattr(r, name) or ZERO for r in items), ZERO)

        return Figures(
            given=given,
            received=received,
            accepted=sum(1 for r in party if inside(_first(r, (Status.ACCEPTED,)))),
            won=len(won),
            lost=sum(1 for r in party if inside(_first(r, (Status.LOST,)))),
            closed=total(won, "closed_amount"),
            commission_due=total(won, "commission_due"),
            commission_paid=total(paid, "commission_paid"),
            earned_due=total(earned_won, "commission_due"),
            earned_paid=total(earned_paid, "commission_paid"),
            contact_days=statistics.median(days) if days else None,
            contacts=len(days),
            feedback=sum(scores) / len(scores) if scores else None,
            feedback_count=len(scores),
        )

    def top_givers(
        self, network_id: int, start: datetime, end: datetime, limit: int
    ) -> list[Giver]:
        counts: dict[int, list[Referral]] = {}
        for r in self._referrals(network_id):
            if r.status is not Status.CANCELLED and start <= r.created_at < end:
                counts.setdefault(r.referrer_id, []).append(r)
        givers = [
            Giver(member, len(given), sum((r.closed_amount or ZERO for r in given), ZERO))
            for member, given in counts.items()
        ]
        givers.sort(key=lambda g: (-g.given, -g.closed, g.member_id))
        return givers[:limit]

    def monthly(
        self, network_id: int, bounds: Sequence[datetime], member_id: int | None = None
    ) -> list[tuple[int, Decimal]]:
        found = []
        everything = self._referrals(network_id)
        for lo, hi in itertools.pairwise(bounds):
            given = sum(
                1
                for r in everything
                if r.status is not Status.CANCELLED
                and lo <= r.created_at < hi
                and member_id in (None, r.referrer_id)
            )
            closed = ZERO
            for r in everything:
                won = _first(r, (Status.WON,))
                if won is not None and lo <= won < hi and member_id in (None, r.receiver_id):
                    closed += r.closed_amount or ZERO
            found.append((given, closed))
        return found

    def activity(
        self, network_id: int, window: ActivityWindow, member_id: int | None = None
    ) -> dict[int, Activity]:
        found: dict[int, dict[str, Any]] = {}

        def add(member: int, name: str, amount: int = 1) -> None:
            if member_id in (None, member):
                values = found.setdefault(member, {})
                values[name] = values.get(name, 0) + amount

        feedback_keys = {f.referral_id for f in self._feedback(network_id)}
        for r in self._referrals(network_id):
            if r.created_at < window.since:
                continue
            if r.status is not Status.CANCELLED:
                add(r.referrer_id, "given")
                if not (r.status is Status.OFFERED and r.created_at > window.answer_before):
                    add(r.receiver_id, "received")
                    add(r.receiver_id, "answered", int(r.status is not Status.OFFERED))
            accepted = _first(r, (Status.ACCEPTED,))
            if accepted is not None and accepted <= window.feedback_asked_before:
                add(r.referrer_id, "followups")
                add(r.referrer_id, "followups_answered", int(r.id in feedback_keys))
        received: dict[int, list[int]] = {}
        for f in self._feedback(network_id):
            if f.at >= window.since and member_id in (None, f.member_id):
                received.setdefault(f.member_id, []).append(f.score)
        for member, scores in received.items():
            found.setdefault(member, {}).update(
                feedback=sum(scores) / len(scores), feedback_count=len(scores)
            )
        return {member: Activity(member, **values) for member, values in found.items()}

    def ledger(self, network_id: int) -> list[LedgerLine]:
        tables = self._ws.tables
        return [
            LedgerLine(
                r.number,
                r.created_at,
                tables.members[r.referrer_id].display_name,
                tables.members[r.receiver_id].display_name,
                tables.clients[r.client_id].name,
                r.status.value,
                r.estimated_value,
                r.closed_amount,
                r.commission_due,
                r.commission_paid,
                r.charter_version,
                _first(r, (Status.WON,)),
                _first(r, (Status.PAID,)),
            )
            for r in sorted(self._referrals(network_id), key=lambda r: r.number)
        ]
