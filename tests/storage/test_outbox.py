"""The outbox on a real database: nothing lost, nothing sent twice, failures retried."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import OperationalError

from core.app import Apport, FirstAdmin, Invocation
from core.dispatcher import Dispatcher
from core.shared.errors import DeliveryFailed
from core.shared.outbox import LEASE, MAX_ATTEMPTS, OutboxItem, OutboxState
from core.shared.ui import Notice
from storage.database import make_engine, migrate, unit_of_work_factory
from storage.outbox import SqlOutbox
from storage.tables import MemberRow, OutboxRow

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.at = START

    def now(self) -> datetime:
        return self.at


class Inbox:
    """A messenger that records deliveries and can be told to fail."""

    def __init__(self, failures: list[DeliveryFailed] | None = None) -> None:
        self.sent: list[Notice] = []
        self.failures = failures or []
        self.lock = threading.Lock()

    def send(self, notice: Notice) -> None:
        with self.lock:
            if self.failures:
                raise self.failures.pop(0)
            self.sent.append(notice)

    def texts(self, name: str) -> list[str]:
        return [n.reply.text for n in self.sent if n.name == name]


def _say(app: Apport, who: str, line: str) -> None:
    command, _, text = line.removeprefix("/").partition(" ")
    reply = app.handle(Invocation("team", "Team", who, who, command, text))
    assert not reply.error, reply.text


def _network_with_referral(engine: Engine, clock: Clock) -> Apport:
    # No dispatcher: rows wait. As in the console, the first member is the admin.
    app = Apport(unit_of_work_factory(engine), clock, first_admin=FirstAdmin.FIRST_MEMBER)
    for who in ("alice", "bob"):
        _say(app, who, "/charter accept")
    _say(app, "alice", "/refer @bob Acme Corp | bookkeeping")
    # These tests follow one message, bob's card: alice's copy of it is left out.
    with engine.begin() as connection:
        alice = connection.execute(select(MemberRow.id).where(MemberRow.external_id == "alice"))
        connection.execute(delete(OutboxRow).where(OutboxRow.member_id == alice.scalar_one()))
    return app


def _states(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        rows = connection.execute(select(OutboxRow.key, OutboxRow.state)).all()
    return {key: state for key, state in rows}


def test_a_restart_between_scheduling_and_sending_loses_nothing(
    database_url: str, engine: Engine
) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    engine.dispose()  # the process stops before anything was sent

    restarted = make_engine(database_url)
    inbox = Inbox()
    Dispatcher(unit_of_work_factory(restarted), inbox, clock.now, "after-restart").run_once()
    assert inbox.texts("bob") == ["alice passes you a new referral, #1: Acme Corp."]
    restarted.dispose()


def test_two_dispatchers_send_each_of_1000_messages_exactly_once(
    database_url: str, engine: Engine
) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    uows = unit_of_work_factory(engine)
    with uows() as uow:
        network = uow.networks.get_by_key("team")
        assert network is not None
        bob = uow.members.by_external_id(network.id, "bob")
        assert bob is not None
        for n in range(1000):
            uow.outbox.add(
                OutboxItem(
                    network.id,
                    "notice",
                    START,
                    {"reply": {"text": f"m{n}"}},
                    member_id=bob.id,
                    key=f"bulk:{n}",
                )
            )
        uow.commit()
    inboxes = [Inbox(), Inbox()]
    engines = [make_engine(database_url) for _ in range(2)]
    dispatchers = [
        Dispatcher(unit_of_work_factory(e), inboxes[i], clock.now, f"worker-{i}", batch=50)
        for i, e in enumerate(engines)
    ]
    threads = [threading.Thread(target=d.run_once) for d in dispatchers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for e in engines:
        e.dispose()
    bulk = [n.reply.text for i in inboxes for n in i.sent if n.reply.text.startswith("m")]
    assert all(inbox.sent for inbox in inboxes), "both dispatchers took a share"
    assert len(bulk) == 1000
    assert len(set(bulk)) == 1000
    assert all(state == "sent" for key, state in _states(engine).items() if key.startswith("bulk"))


def test_a_send_that_fails_twice_is_retried_then_sent(engine: Engine) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    inbox = Inbox([DeliveryFailed("timeout"), DeliveryFailed("connection reset")])
    dispatcher = Dispatcher(unit_of_work_factory(engine), inbox, clock.now, "w")

    first = dispatcher.run_once()
    assert (first.sent, first.retried) == (0, 1)
    clock.at += timedelta(seconds=31)
    assert dispatcher.run_once().retried == 1
    clock.at += timedelta(seconds=30)
    assert dispatcher.run_once().sent == 0, "the second retry waits twice as long"
    clock.at += timedelta(seconds=31)
    assert dispatcher.run_once().sent == 1
    assert inbox.texts("bob") == ["alice passes you a new referral, #1: Acme Corp."]


def test_a_rate_limit_delays_as_asked_and_does_not_drop(engine: Engine) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    inbox = Inbox([DeliveryFailed("ratelimited", retry_after=120)])
    dispatcher = Dispatcher(unit_of_work_factory(engine), inbox, clock.now, "w")

    assert dispatcher.run_once().retried == 1
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("team")
        assert network is not None
        (waiting,) = [i for i in uow.outbox.pending(network.id) if i.kind == "referral.card"]
    assert waiting.due_at == START + timedelta(seconds=120)
    assert waiting.attempts == 0, "a rate limit is not a failed attempt"
    clock.at += timedelta(seconds=119)
    assert dispatcher.run_once().sent == 0
    clock.at += timedelta(seconds=1)
    assert dispatcher.run_once().sent == 1


def _offered_state(engine: Engine) -> str:
    states = _states(engine)
    return states[next(k for k in states if k.startswith("referral.card"))]


def test_a_permanent_refusal_fails_the_row_at_once_and_admins_are_told(engine: Engine) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    inbox = Inbox([DeliveryFailed("user not found", permanent=True)])
    dispatcher = Dispatcher(unit_of_work_factory(engine), inbox, clock.now, "w")
    assert dispatcher.run_once().failed == 1
    dispatcher.run_once()
    assert _offered_state(engine) == OutboxState.FAILED.value
    (alert,) = inbox.texts("alice")
    assert "to bob could not be delivered" in alert and "user not found" in alert


def test_transport_failures_retry_through_the_delivery_window_then_fail_with_one_alert(
    engine: Engine,
) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    inbox = Inbox([DeliveryFailed("slack: internal_error") for _ in range(1000)])
    dispatcher = Dispatcher(
        unit_of_work_factory(engine), inbox, clock.now, "w", delivery_window=timedelta(hours=6)
    )
    tries = 0
    while _offered_state(engine) != OutboxState.FAILED.value and tries < 100:
        dispatcher.run_once()
        clock.at += timedelta(minutes=15)
        tries += 1
    assert 24 <= tries <= 30, "about every 15 minutes for 6 hours, then given up"
    inbox.failures.clear()
    dispatcher.run_once()
    expired, outage = sorted(inbox.texts("alice"), key=lambda text: "cannot reach" in text)
    assert "cannot reach the platform since Mar 2, 2026, 10:00 AM" in outage
    assert "retried for 6 hours" in outage
    assert "could not be delivered within 6 hours" in expired and "to bob" in expired


def test_a_claim_left_by_a_dead_dispatcher_is_taken_over_once_its_lease_expired(
    engine: Engine,
) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    uows = unit_of_work_factory(engine)
    crashed = Dispatcher(uows, Inbox(), clock.now, "crashed")
    with uows() as uow:  # a dispatcher renews its lease, claims, then its process dies
        crashed._renew(uow, clock.now())
        claimed = uow.outbox.claim(clock.now(), "crashed", 10)
        uow.commit()
    assert claimed and not any(item.in_doubt for item in claimed)
    inbox = Inbox()
    survivor = Dispatcher(uows, inbox, clock.now, "survivor")
    assert survivor.run_once().handled == 0, "its lease still runs"
    clock.at += LEASE - timedelta(seconds=1)
    assert survivor.run_once().handled == 0
    clock.at += timedelta(seconds=2)
    assert survivor.run_once().sent == 1
    assert inbox.texts("bob") == ["alice passes you a new referral, #1: Acme Corp."]
    assert inbox.sent[0].in_doubt, "it may have gone out: the messenger looks before sending"


def test_a_live_dispatcher_keeps_its_claims_while_it_renews_its_lease(engine: Engine) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    _notices_to_bob(engine, 1)
    uows = unit_of_work_factory(engine)
    taken: list[OutboxItem] = []

    class Slow(Inbox):
        """Each send takes 20 s on the clock: three sends outlast one lease."""

        def send(self, notice: Notice) -> None:
            clock.at += timedelta(seconds=20)
            with uows() as uow:
                taken.extend(uow.outbox.claim(clock.now(), "other", 10))
                uow.commit()
            super().send(notice)

    slow = Slow()
    Dispatcher(uows, slow, clock.now, "busy").run_once()
    assert len(slow.sent) == 2
    assert taken == [], "the other dispatcher never takes a row of a live one"


def test_a_dispatcher_that_stops_ends_its_lease_at_once(engine: Engine) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    uows = unit_of_work_factory(engine)
    stopping = Dispatcher(uows, Inbox(), clock.now, "stopping")
    with uows() as uow:
        stopping._renew(uow, clock.now())
        assert uow.outbox.claim(clock.now(), "stopping", 10)
        uow.commit()
    stopping.stop()
    inbox = Inbox()
    assert Dispatcher(uows, inbox, clock.now, "next").run_once().sent == 1


def test_cancelled_rows_are_never_sent(engine: Engine) -> None:
    clock = Clock()
    app = _network_with_referral(engine, clock)
    _say(app, "alice", "/referral 1 cancel")
    inbox = Inbox()
    dispatcher = Dispatcher(unit_of_work_factory(engine), inbox, clock.now, "w")
    dispatcher.run_once()
    clock.at += timedelta(days=30)
    dispatcher.run_once()
    states = _states(engine)
    assert states["unanswered:1"] == "cancelled"
    assert states["unanswered-referrer:1"] == "cancelled"
    assert not any(
        "waited" in text or "has not answered" in text
        for text in inbox.texts("bob") + inbox.texts("alice")
    )


def test_a_row_that_cannot_be_composed_holds_up_nothing_and_ends_with_an_alert(
    engine: Engine,
) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("team")
        bob = uow.members.by_external_id(network.id, "bob") if network else None
        assert network is not None and bob is not None
        for n, payload in enumerate([{"unreadable": True}, {"reply": {"text": "after it"}}]):
            item = OutboxItem(network.id, "notice", START - timedelta(hours=1), payload)
            item.member_id, item.key = bob.id, f"row:{n}"
            uow.outbox.add(item)
        uow.commit()
    inbox = Inbox()
    dispatcher = Dispatcher(unit_of_work_factory(engine), inbox, clock.now, "w")

    report = dispatcher.run_once()
    assert (report.sent, report.retried) == (2, 1), "the referral's notice and the next row"
    assert "after it" in inbox.texts("bob")
    for _ in range(MAX_ATTEMPTS):
        clock.at += timedelta(hours=1)
        dispatcher.run_once()
    assert _states(engine)["row:0"] == OutboxState.FAILED.value
    (alert,) = inbox.texts("alice")
    assert "to bob could not be delivered" in alert and "could not compose" in alert


def _notices_to_bob(engine: Engine, count: int) -> None:
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("team")
        bob = uow.members.by_external_id(network.id, "bob") if network else None
        assert network is not None and bob is not None
        for n in range(count):
            due = START - timedelta(hours=1) + timedelta(seconds=n)
            item = OutboxItem(network.id, "notice", due, {"reply": {"text": f"n{n}"}})
            item.member_id, item.key = bob.id, f"n:{n}"
            uow.outbox.add(item)
        uow.commit()


def test_when_a_send_cannot_be_marked_the_batch_stops_and_gives_back_the_rest(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    _notices_to_bob(engine, 3)

    def database_gone(*args: object, **kwargs: object) -> None:
        raise OperationalError("UPDATE outbox", {}, Exception("server closed the connection"))

    monkeypatch.setattr(SqlOutbox, "mark_sent", database_gone)
    inbox = Inbox()
    dispatcher = Dispatcher(unit_of_work_factory(engine), inbox, clock.now, "w")
    with pytest.raises(OperationalError):
        dispatcher.run_once()
    assert inbox.texts("bob") == ["n0"], "nothing more is sent once a send cannot be marked"
    states = _states(engine)
    assert states["n:0"] == "claimed", "it may have gone out: it stays claimed"
    assert states["n:1"] == states["n:2"] == "pending", "the rest is given back at once"

    monkeypatch.undo()
    dispatcher.run_once()
    assert sorted(inbox.texts("bob")[1:]) == [
        "alice passes you a new referral, #1: Acme Corp.",
        "n0",
        "n1",
        "n2",
    ], "the next run gives back what the failed run held: at least once, never lost"
    (again,) = [n for n in inbox.sent[1:] if n.reply.text == "n0"]
    assert again.in_doubt, "the messenger looks for it before sending it again"


def test_no_write_lock_is_held_while_a_reminder_is_sent(tmp_path: Path) -> None:
    """SQLite: a reminder composed from reads alone lets commands write during its send."""
    path = tmp_path / "apport.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    clock = Clock()
    _network_with_referral(engine, clock)
    writable: list[bool] = []

    class Probe(Inbox):
        def send(self, notice: Notice) -> None:
            other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                writable.append(True)
            except sqlite3.OperationalError:
                writable.append(False)
            finally:
                other.close()
            super().send(notice)

    probe = Probe()
    dispatcher = Dispatcher(
        unit_of_work_factory(engine, relaxed_commits=True), probe, clock.now, "w"
    )
    dispatcher.run_once()  # the referral's notice
    clock.at += timedelta(days=4)
    dispatcher.run_once()  # bob has not answered: a reminder, composed from the referral
    engine.dispose()
    assert "reminder.unanswered" in [notice.kind for notice in probe.sent]
    assert writable and all(writable), writable


def test_a_mark_with_nothing_else_pending_commits_at_once_else_with_its_unit_of_work(
    engine: Engine,
) -> None:
    clock = Clock()
    _network_with_referral(engine, clock)
    _notices_to_bob(engine, 2)
    uows = unit_of_work_factory(engine, relaxed_commits=True)
    with uows() as uow:
        claimed = uow.outbox.claim(clock.now(), "w", 10)
        uow.commit()
        first, second = [i for i in claimed if i.key.startswith("n:")]
        uow.outbox.mark_sent(first.id, clock.now(), "ts-1")  # no transaction open: kept now
        uow.outbox.by_key(second.network_id, second.key)  # a transaction is open now
        uow.outbox.mark_sent(second.id, clock.now(), "ts-2")  # kept only by a commit
    states = _states(engine)  # the unit of work ended without a commit
    assert (states["n:0"], states["n:1"]) == ("sent", "claimed")
    with uows() as uow:
        sent = uow.outbox.by_key(first.network_id, first.key)
        uow.outbox.by_key(second.network_id, second.key)
        uow.outbox.mark_sent(second.id, clock.now(), "ts-2")
        uow.commit()
    assert sent is not None and sent.ref == "ts-1"
    assert _states(engine)["n:1"] == "sent"


def test_a_job_whose_post_fails_keeps_nothing_it_wrote_and_runs_again_whole(
    engine: Engine,
) -> None:
    clock = Clock()
    app = _network_with_referral(engine, clock)
    _say(app, "alice", "/network set announcements-channel general")

    class FirstPostFails(Inbox):
        failed = False

        def send(self, notice: Notice) -> None:
            if notice.kind == "charter.reminder" and not self.failed:
                self.failed = True
                raise DeliveryFailed("timeout")
            super().send(notice)

    inbox = FirstPostFails()
    dispatcher = Dispatcher(unit_of_work_factory(engine), inbox, clock.now, "w")
    dispatcher.run_once()

    def reminders() -> list[OutboxItem]:
        with unit_of_work_factory(engine)() as uow:
            network = uow.networks.get_by_key("team")
            assert network is not None
            return [i for i in uow.outbox.pending(network.id) if i.kind == "charter.reminder"]

    def turn() -> int:
        with unit_of_work_factory(engine)() as uow:
            network = uow.networks.get_by_key("team")
            assert network is not None
            return network.charter_reminder_index

    (due,) = reminders()
    clock.at = due.due_at
    assert dispatcher.run_once().retried == 1
    (waiting,) = reminders()
    assert (waiting.key, waiting.attempts) == (due.key, 1), "the next one was not scheduled"
    assert turn() == 0, "the rule's turn did not move"

    clock.at += timedelta(seconds=31)
    assert dispatcher.run_once().sent == 1
    (posted,) = [n for n in inbox.sent if n.kind == "charter.reminder"]
    assert posted.channel == "general"
    assert turn() == 1
    (following,) = reminders()
    assert following.due_at == due.due_at + timedelta(days=7)
