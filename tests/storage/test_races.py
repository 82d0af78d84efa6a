"""Two commands on the same record at the same moment, on two PostgreSQL connections.

Each test holds the first command's transaction just before its first write (after everything
it read), runs the second command until it finishes or waits for the first's lock, then lets
the first go on. That is the interleaving in which both would decide from the same state; the
tests show the outcome is the one the two commands would have one after the other.

SQLite takes its write lock when a transaction begins, so the second command cannot start
until the first ends: the interleaving cannot happen there and the tests are skipped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select, text

from core.app import Apport, FirstAdmin, Invocation
from core.recruitment.model import Stage
from core.shared.ui import Reply
from storage.database import unit_of_work_factory
from storage.tables import ClientRow, ReferralRow

pytestmark = pytest.mark.postgresql

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PATIENCE = 30.0  # seconds before a stuck test fails instead of hanging


class Clock:
    def now(self) -> datetime:
        return START


def _invocation(who: str, line: str) -> Invocation:
    command, _, rest = line.removeprefix("/").partition(" ")
    return Invocation("team", "Team", who, who, command, rest)


def _say(app: Apport, who: str, line: str) -> Reply:
    reply = app.handle(_invocation(who, line))
    assert not reply.error, reply.text
    return reply


@dataclass
class Run:
    """One command run on a thread of its own: its reply, or what it raised."""

    name: str
    app: Apport
    who: str
    line: str
    reply: Reply | None = None
    raised: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.reply = self.app.handle(_invocation(self.who, self.line))
        except BaseException as error:  # reported by the test, not lost on the thread
            self.raised = error
        finally:
            self.done.set()

    def finish(self) -> Reply:
        assert self.thread is not None
        self.thread.join(PATIENCE)
        assert not self.thread.is_alive(), f"{self.name} did not finish"
        if self.raised is not None:
            raise AssertionError(f"{self.name} raised {self.raised!r}") from self.raised
        assert self.reply is not None
        return self.reply


class Interleaving:
    """Hooks on the engine: hold thread "first" before a statement; learn each thread's pid."""

    def __init__(self, engine: Engine, hold_before: str) -> None:
        self.engine = engine
        self.hold_before = hold_before
        self.held = threading.Event()
        self.release = threading.Event()
        self.pids: dict[str, int] = {}
        event.listen(engine, "before_cursor_execute", self._before)

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)
        self.release.set()

    def _before(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        name = threading.current_thread().name
        if name not in ("first", "second"):
            return
        self.pids.setdefault(name, conn.connection.dbapi_connection.info.backend_pid)
        if name == "first" and not self.held.is_set() and statement.startswith(self.hold_before):
            self.held.set()
            self.release.wait(PATIENCE)

    def second_waits_or_ends(self, second: Run) -> None:
        """Return once `second` has ended, or is waiting for a lock held by another session."""
        deadline = time.monotonic() + PATIENCE
        probe = text("SELECT cardinality(pg_blocking_pids(:pid)) > 0")
        with self.engine.connect() as connection:
            while not second.done.wait(0.005):
                pid = self.pids.get("second")
                if pid is not None and connection.execute(probe, {"pid": pid}).scalar():
                    return
                connection.rollback()
                assert time.monotonic() < deadline, "the second command neither ended nor waited"


def _race(engine: Engine, hold_before: str, first: Run, second: Run) -> tuple[Run, Run]:
    """Run `first` up to `hold_before`, then `second` until it ends or waits, then both on."""
    interleaving = Interleaving(engine, hold_before)
    try:
        first.start()
        assert interleaving.held.wait(PATIENCE), f"first never reached {hold_before!r}"
        second.start()
        interleaving.second_waits_or_ends(second)
        interleaving.release.set()
        assert first.done.wait(PATIENCE) and second.done.wait(PATIENCE)
    finally:
        interleaving.remove()
    return first, second


@pytest.fixture
def app(engine: Engine) -> Iterator[Apport]:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time: no interleaving to test")
    yield Apport(unit_of_work_factory(engine), Clock(), first_admin=FirstAdmin.FIRST_MEMBER)


def _members(app: Apport, *names: str) -> None:
    for name in names:
        _say(app, name, "/charter accept")


def test_of_two_moves_on_one_referral_one_wins_and_the_other_is_refused(
    engine: Engine, app: Apport
) -> None:
    _members(app, "alice", "bob")
    _say(app, "alice", "/refer @bob Acme Corp | bookkeeping")

    cancel = Run("first", app, "alice", "/referral 1 cancel")
    accept = Run("second", app, "bob", "/referral 1 accept")
    _race(engine, "UPDATE referrals", cancel, accept)

    assert not cancel.finish().error
    refused = accept.finish()
    assert refused.error, f"both moves succeeded: {refused.text}"
    # The very refusal bob gets when he accepts a referral already cancelled.
    assert refused.text == app.handle(_invocation("bob", "/referral 1 accept")).text
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("team")
        assert network is not None
        referral = uow.referrals.get(network.id, 1)
        assert referral is not None
        moves = [(e.from_status, e.to_status) for e in referral.events]
    assert [f"{a.value if a else ''}>{b.value}" for a, b in moves] == [
        ">offered",
        "offered>cancelled",
    ]


def test_two_members_referring_one_new_client_at_once_give_it_one_owner(
    engine: Engine, app: Apport
) -> None:
    _members(app, "alice", "bob", "carol")

    alice = Run("first", app, "alice", "/refer @carol Acme Corp | bookkeeping")
    bob = Run("second", app, "bob", "/refer @carol Acme Corp | payroll")
    _race(engine, "INSERT INTO clients", alice, bob)

    assert not bob.finish().error
    second = alice.finish()
    assert not second.error, second.text
    assert "Acme Corp is a client of bob" in second.text
    with engine.connect() as connection:
        clients = connection.execute(select(ClientRow.id, ClientRow.owner_id)).all()
        owners = connection.execute(
            select(ReferralRow.client_id, ReferralRow.client_owner_id)
        ).all()
        count = connection.execute(select(func.count()).select_from(ReferralRow)).scalar()
    assert len(clients) == 1 and count == 2
    assert set(owners) == {(clients[0].id, clients[0].owner_id)}
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("team")
        assert network is not None
        bob_member = uow.members.by_external_id(network.id, "bob")
        assert bob_member is not None
    assert clients[0].owner_id == bob_member.id


RECRUITMENT = [
    ("alice", "/network role @bob experienced"),
    ("alice", "/network role @carol experienced"),
    ("alice", "/network role @dave recruiter"),
    ("alice", "/network role @erin recruiter"),
    ("alice", "/candidate Zoe Martin | plumber | Left BNI Lyon"),
]


def test_both_interview_reports_filed_at_once_open_the_vote(engine: Engine, app: Apport) -> None:
    _members(app, "alice", "bob", "carol", "dave", "erin")
    for who, line in RECRUITMENT:
        _say(app, who, line)

    bob = Run("first", app, "bob", "/candidate 1 report admit | Generous")
    carol = Run("second", app, "carol", "/candidate 1 report admit | Honest")
    _race(engine, "UPDATE candidate_interviews", bob, carol)

    assert not bob.finish().error
    assert not carol.finish().error
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("team")
        assert network is not None
        candidate = uow.candidates.get(network.id, 1)
        assert candidate is not None
    assert candidate.reports_complete
    assert candidate.stage is Stage.VOTE


def test_two_admins_publishing_the_charter_at_once_make_two_versions(
    engine: Engine, app: Apport
) -> None:
    _members(app, "alice", "bob")
    _say(app, "alice", "/network role @bob admin")

    alice = Run("first", app, "alice", "/charter commission 10%")
    bob = Run("second", app, "bob", "/charter commission 150")
    _race(engine, "INSERT INTO charter_versions", alice, bob)

    assert alice.finish().text.startswith("Version 2 ")
    assert bob.finish().text.startswith("Version 3 ")
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("team")
        assert network is not None
        versions = uow.charters.history(network.id)
    assert [(v.version, v.rule.kind.value) for v in versions] == [
        (1, "none"),
        (2, "percent"),
        (3, "flat"),
    ]


def test_of_two_admins_closing_one_breach_report_one_wins(engine: Engine, app: Apport) -> None:
    _members(app, "alice", "bob", "carol", "dave")
    _say(app, "alice", "/network role @bob admin")
    _say(app, "carol", "/report @dave poaching | Called my client directly")

    resolve = Run("first", app, "alice", "/report 1 resolve | Dave apologised")
    dismiss = Run("second", app, "bob", "/report 1 dismiss | Nothing happened")
    _race(engine, "UPDATE breach_reports", resolve, dismiss)

    assert not resolve.finish().error
    refused = dismiss.finish()
    assert refused.error, f"both moves succeeded: {refused.text}"
    assert refused.text == app.handle(_invocation("bob", "/report 1 dismiss")).text
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("team")
        assert network is not None
        breach = uow.breaches.get(network.id, 1)
        assert breach is not None
    assert [e.state.value for e in breach.events] == ["open", "resolved"]
