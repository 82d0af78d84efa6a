"""What core needs from the outside world, as protocols: storage, time, delivery."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from decimal import Decimal
from types import TracebackType
from typing import Protocol, Self

from core.asks.model import Ask, Exchange, PastReferral, Thanks
from core.charter.model import CharterVersion
from core.directory.model import Profile, Standing
from core.meetings.ports import MeetingRepository, VisitorRepository
from core.meets.repository import MeetRepository
from core.recruitment.model import Ballot, Candidate, CandidateEvent, Report, Visit
from core.referrals.clients import Client
from core.referrals.feedback import Feedback
from core.referrals.model import Event, Referral
from core.shared.audit import AuditEntry
from core.shared.outbox import OutboxItem
from core.shared.tenancy import Member, Network
from core.shared.ui import Notice
from core.stats.model import Activity, ActivityWindow, Figures, Giver, LedgerLine
from core.trust.breaches import Breach, BreachEvent


class NetworkRepository(Protocol):
    def get(self, network_id: int) -> Network | None: ...
    def get_by_key(self, key: str) -> Network | None: ...
    def add(self, key: str, name: str, locale: str, at: datetime) -> Network: ...
    def update(self, network: Network) -> None: ...
    def erase(self, network_id: int) -> None:
        """Delete the network and every row that belongs to it."""
        ...


class MemberRepository(Protocol):
    def get(self, network_id: int, member_id: int) -> Member | None: ...
    def by_external_id(self, network_id: int, external_id: str) -> Member | None: ...
    def by_name(self, network_id: int, name: str) -> list[Member]: ...
    def many(self, network_id: int, member_ids: Collection[int]) -> dict[int, Member]:
        """The members among `member_ids` who exist, by id (one lookup for a batch)."""
        ...

    def count(self, network_id: int) -> int:
        """How many members the network has (erased ones are no longer members)."""
        ...

    def all(self, network_id: int) -> list[Member]:
        """The network's members in the order they joined, erased ones left out (`get` and
        `many` still find them, under their pseudonym)."""
        ...

    def add(self, member: Member) -> Member: ...
    def update(self, member: Member) -> None: ...
    def erase(self, member: Member, pseudonym: str) -> None:
        """Replace the member's personal data with `pseudonym`; their records stay."""
        ...


class ClientRepository(Protocol):
    def by_key(self, network_id: int, key: str) -> Client | None: ...
    def get(self, network_id: int, client_id: int) -> Client | None: ...
    def owned_by(self, network_id: int, owner_id: int) -> list[Client]: ...
    def add(self, client: Client) -> Client: ...


class ReferralRepository(Protocol):
    def next_number(self, network_id: int) -> int: ...
    def add(self, referral: Referral) -> Referral: ...
    def get(self, network_id: int, number: int) -> Referral | None: ...
    def update(self, referral: Referral, event: Event | None = None) -> None:
        """Store the referral's new state and the event that moved it (none: a correction)."""
        ...

    def for_member(self, network_id: int, member_id: int) -> list[Referral]: ...
    def all(self, network_id: int) -> list[Referral]: ...
    def erase_contact(self, network_id: int, referral_id: int) -> bool:
        """Forget the client's contact details on a referral; False if there were none."""
        ...


class CharterRepository(Protocol):
    def current(self, network_id: int, lock: bool = False) -> CharterVersion | None:
        """The latest version; `lock`: no other version is published until commit."""
        ...

    def get(self, network_id: int, version: int) -> CharterVersion | None: ...
    def history(self, network_id: int) -> list[CharterVersion]: ...
    def add(self, version: CharterVersion) -> CharterVersion: ...
    def accepted(self, network_id: int, member_id: int, version: int) -> bool: ...
    def accept(self, network_id: int, member_id: int, version: int, at: datetime) -> None: ...
    def acceptance_count(self, network_id: int, version: int) -> int: ...
    def acceptances_of(self, network_id: int, member_id: int) -> list[tuple[int, datetime]]: ...


class OutboxRepository(Protocol):
    def add(self, item: OutboxItem) -> bool:
        """Schedule `item`; False (and nothing added) when its key is already in the network."""
        ...

    def cancel(self, network_id: int, subject: str, kinds: Collection[str]) -> int:
        """Cancel the pending rows about `subject` of these kinds; how many were cancelled."""
        ...

    def claim(self, now: datetime, worker: str, limit: int) -> list[OutboxItem]:
        """Atomically take up to `limit` due rows, and the claims of dispatchers whose lease
        expired (those come back `in_doubt`)."""
        ...

    def renew_lease(self, worker: str, until: datetime) -> None:
        """`worker` is alive until `until`: its claims are its own until then."""
        ...

    def end_lease(self, worker: str, now: datetime) -> None:
        """`worker` stops: what it still holds can be taken over at once."""
        ...

    def release_claims(self, worker: str) -> int:
        """Give back what `worker` still holds after a failed run (pending again, in doubt)."""
        ...

    def latest(self, network_id: int, kind: str) -> OutboxItem | None:
        """The network's most recently created row of this kind."""
        ...

    def mark_sent(self, item_id: int, at: datetime, ref: str | None = None) -> None:
        """The row went out (`ref`: the platform's reference of the post); kept by the unit of
        work's commit, which the caller makes next."""
        ...

    def mark_all_sent(self, item_ids: Collection[int], at: datetime, ref: str | None) -> None:
        """These rows went out together (as one message); kept by the caller's commit."""
        ...

    def by_key(self, network_id: int, key: str) -> OutboxItem | None: ...
    def mark_skipped(self, item_id: int, at: datetime) -> None: ...
    def retry(
        self, item_id: int, due_at: datetime, error: str, attempts: int, in_doubt: bool = False
    ) -> None: ...
    def mark_failed(self, item_id: int, error: str, attempts: int) -> None: ...
    def pending(self, network_id: int, subject: str = "") -> list[OutboxItem]: ...
    def waiting_before(self, item: OutboxItem) -> bool:
        """A row of the same network, kind, subject and member as `item`, made before it, is
        not sent yet (pending or claimed): `item` must wait for it, to keep their order."""
        ...


class CandidateRepository(Protocol):
    def next_number(self, network_id: int) -> int: ...
    def add(self, candidate: Candidate) -> Candidate: ...
    def get(self, network_id: int, number: int, lock: bool = False) -> Candidate | None:
        """The whole candidate; `lock` holds it until commit (votes that must not cross)."""
        ...

    def open(self, network_id: int) -> list[Candidate]: ...
    def holding(self, network_id: int) -> list[Candidate]:
        """Candidates who hold their profession: the open ones, and the admitted ones not yet
        linked to a member."""
        ...

    def update(self, candidate: Candidate) -> None:
        """Store the candidate's own fields (stage, conflict, overrides, vote dates, decision,
        link)."""
        ...

    def set_interviewers(self, candidate: Candidate, at: datetime) -> None: ...
    def save_report(self, candidate: Candidate, report: Report) -> None: ...
    def add_visit(self, candidate: Candidate, visit: Visit) -> None: ...
    def save_vote(
        self, candidate: Candidate, voter_id: int, ballot: Ballot, at: datetime
    ) -> None: ...
    def add_event(self, candidate: Candidate, event: CandidateEvent) -> None: ...
    def votes_of(self, network_id: int, member_id: int) -> list[tuple[int, str, datetime]]:
        """The member's own ballots: (candidate number, ballot, when)."""
        ...

    def last_assigned(self, network_id: int) -> dict[int, datetime]:
        """When each member was last assigned as an interviewer."""
        ...


class FeedbackRepository(Protocol):
    def get(self, network_id: int, referral_id: int) -> Feedback | None: ...
    def save(self, feedback: Feedback) -> None:
        """Record the feedback on a referral, replacing an earlier one."""
        ...

    def quality(self, network_id: int, member_id: int) -> tuple[float | None, int]:
        """Average score the member received, and how many scores."""
        ...

    def given_by(self, network_id: int, member_id: int) -> list[tuple[int, Feedback]]:
        """(referral number, feedback) the member gave."""
        ...

    def received_by(self, network_id: int, member_id: int) -> list[tuple[int, Feedback]]: ...


class BreachRepository(Protocol):
    def next_number(self, network_id: int) -> int: ...
    def add(self, breach: Breach) -> Breach: ...
    def get(self, network_id: int, number: int) -> Breach | None: ...
    def open(self, network_id: int) -> list[Breach]: ...
    def update(self, breach: Breach, event: BreachEvent) -> None: ...
    def filed_by(self, network_id: int, member_id: int) -> list[Breach]: ...


class AuditRepository(Protocol):
    def add(self, entry: AuditEntry) -> None: ...
    def recent(self, network_id: int, limit: int) -> list[AuditEntry]: ...


class DirectoryRepository(Protocol):
    def profiles(self, network_id: int, member_id: int | None = None) -> list[Profile]:
        """Every member's profile (or one member's), in the order they joined; erased members
        are in no list."""
        ...

    def standings(self, network_id: int, member_ids: Collection[int]) -> dict[int, Standing]:
        """Feedback average and referrals given of these members (only those who have some)."""
        ...

    def save(
        self, network_id: int, member_id: int, profession: str, keywords: str, pitch: str
    ) -> None: ...


class ErasureRepository(Protocol):
    """Personal data gone from every table it was copied into (core/trust/mydata.py and the
    contact retention job)."""

    def replace_everywhere(self, network_id: int, words: Sequence[str], by: str) -> int:
        """Every whole-word occurrence of `words`, in any text of the network, becomes `by`."""
        ...

    def forget_words_of(self, network_id: int, member_id: int, placeholder: str) -> None:
        """The member's notes on referral moves, feedback comments, asks and thanks messages
        become `placeholder`."""
        ...

    def forget_candidacy_of(
        self, network_id: int, member_id: int, pseudonym: str, placeholder: str
    ) -> None:
        """The candidacy the member joined through loses their name and what was written on
        them."""
        ...

    def cancel_messages_to(self, network_id: int, member_id: int) -> int: ...
    def closed_with_contact(self, network_id: int) -> list[tuple[int, int, datetime]]:
        """(referral id, number, first closing time) of closed referrals holding a contact."""
        ...

    def reschedule(self, network_id: int, kind: str, subject: str, due_at: datetime) -> bool:
        """Move the pending rows of `kind` about `subject`; False when none waits."""
        ...


class StatsRepository(Protocol):
    """Figures computed by aggregates in the database, never by loading the rows."""

    def figures(
        self, network_id: int, start: datetime, end: datetime, member_id: int | None = None
    ) -> Figures:
        """The network's figures in [start, end); one member's when `member_id` is given."""
        ...

    def top_givers(
        self, network_id: int, start: datetime, end: datetime, limit: int
    ) -> list[Giver]:
        """Who gave the most referrals in [start, end)."""
        ...

    def monthly(
        self, network_id: int, bounds: Sequence[datetime], member_id: int | None = None
    ) -> list[tuple[int, Decimal]]:
        """Referrals given and business closed between consecutive `bounds`."""
        ...

    def activity(
        self, network_id: int, window: ActivityWindow, member_id: int | None = None
    ) -> dict[int, Activity]:
        """What each member did in the window (members without activity are left out)."""
        ...

    def ledger(self, network_id: int) -> list[LedgerLine]:
        """Every referral with its commission, for the treasurer, oldest first."""
        ...


class CardRepository(Protocol):
    """Where each member's copy of a card was posted, to update it in place."""

    def ref(self, network_id: int, card: str, member_id: int) -> str:
        """The platform's reference of the member's copy of `card`; "" when none was posted."""
        ...

    def place(self, network_id: int, card: str, member_id: int, ref: str, at: datetime) -> None:
        """The member's copy of `card` is now the message `ref` (posted or reposted)."""
        ...


class AskRepository(Protocol):
    """Members' asks of the week (history kept), public thanks, and who exchanges with whom."""

    def lock_member(self, network_id: int, member_id: int) -> None:
        """Hold the member until commit: their asks change one command at a time."""
        ...

    def set(self, network_id: int, member_id: int, text: str, at: datetime) -> Ask:
        """End the member's current ask, if any, and make `text` their ask from `at`."""
        ...

    def end(self, network_id: int, member_id: int, at: datetime) -> int:
        """End the member's current ask; how many were ended (0 or 1)."""
        ...

    def current(
        self,
        network_id: int,
        now: datetime,
        weeks: int,
        member_ids: Collection[int] | None = None,
    ) -> dict[int, Ask]:
        """The asks not ended and set in the last `weeks` weeks, by member, oldest first;
        erased members have none."""
        ...

    def at(self, network_id: int, member_id: int, moment: datetime) -> Ask | None:
        """The member's ask that was running at `moment` (set before, not yet ended)."""
        ...

    def history(self, network_id: int, member_id: int) -> list[Ask]: ...
    def past_referrals(self, network_id: int) -> list[PastReferral]:
        """Every referral not cancelled: who gave it to whom, with its client and need."""
        ...

    def exchanges(self, network_id: int, member_id: int) -> list[Exchange]:
        """What the member gave to and received from each other member (cancelled left out;
        business closed counts won and paid referrals)."""
        ...

    def add_thanks(self, thanks: Thanks) -> bool:
        """Record a public thank-you; False (nothing added) if the referral has one."""
        ...

    def thanks_for(self, network_id: int, referral_id: int) -> Thanks | None: ...


class UnitOfWork(Protocol):
    """One transaction: nothing is kept unless `commit()` is called before the block ends."""

    # Read-only, so an implementation may hold its own repository types (covariance).
    @property
    def networks(self) -> NetworkRepository: ...
    @property
    def members(self) -> MemberRepository: ...
    @property
    def clients(self) -> ClientRepository: ...
    @property
    def referrals(self) -> ReferralRepository: ...
    @property
    def charters(self) -> CharterRepository: ...
    @property
    def outbox(self) -> OutboxRepository: ...
    @property
    def feedback(self) -> FeedbackRepository: ...
    @property
    def candidates(self) -> CandidateRepository: ...
    @property
    def breaches(self) -> BreachRepository: ...
    @property
    def audit(self) -> AuditRepository: ...
    @property
    def directory(self) -> DirectoryRepository: ...
    @property
    def stats(self) -> StatsRepository: ...
    @property
    def erasure(self) -> ErasureRepository: ...
    @property
    def cards(self) -> CardRepository: ...
    @property
    def asks(self) -> AskRepository: ...
    @property
    def meetings(self) -> MeetingRepository: ...
    @property
    def visitors(self) -> VisitorRepository: ...
    @property
    def meets(self) -> MeetRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class Messenger(Protocol):
    def send(self, notice: Notice) -> str | None:
        """Deliver one notice (a direct message, or a channel post); raise `DeliveryFailed`.

        Returns the platform's reference of the message posted (a Slack `ts`, a Discord
        message id) when later posts may thread under it, else None.
        """
        ...
