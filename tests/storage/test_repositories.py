"""The SQL repositories and unit of work, through core's ports, on every engine."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Engine

from core.app import Apport, Invocation
from core.charter import CommissionKind
from core.network import Member, Role
from core.services.dispatcher import Dispatcher
from core.ui import Notice
from storage.database import unit_of_work_factory

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class _Clock:
    def now(self) -> datetime:
        return AT


class _Inbox:
    def __init__(self) -> None:
        self.notices: list[Notice] = []

    def send(self, notice: Notice) -> None:
        self.notices.append(notice)


def _app(engine: Engine, inbox: _Inbox | None = None) -> Apport:
    uows = unit_of_work_factory(engine)
    dispatcher = Dispatcher(uows, inbox or _Inbox(), _Clock().now, "test")
    return Apport(uows, _Clock(), after_commit=dispatcher.run_once)


def _run(app: Apport, network: str, user: str, line: str) -> str:
    command, _, text = line.removeprefix("/").partition(" ")
    reply = app.handle(Invocation(network, network.title(), user, user, command, text))
    return "\n".join([reply.text, reply.title, *[f.value for f in reply.fields], *reply.lines])


def test_nothing_is_kept_without_commit(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    with uows() as uow:
        uow.networks.add("n1", "N1", "en", AT)
    with uows() as uow:
        assert uow.networks.get_by_key("n1") is None


def test_committed_network_and_members_survive_a_new_engine(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    with uows() as uow:
        network = uow.networks.add("n1", "N1", "fr", AT)
        uow.members.add(Member(0, network.id, "U1", "Élodie Dupont", {Role.ADMIN}, AT))
        uow.commit()
    with uows() as uow:
        found = uow.networks.get_by_key("n1")
        assert found is not None and found.locale == "fr"
        (member,) = uow.members.by_name(found.id, "elodie dupont")
        assert member.roles == {Role.ADMIN}
        assert member.joined_at == AT


def test_queries_never_cross_networks(engine: Engine) -> None:
    app = _app(engine)
    for network in ("east", "west"):
        _run(app, network, "alice", "/charter accept")
        _run(app, network, "bob", "/charter accept")
    assert "#1" in _run(app, "east", "alice", "/refer @bob Acme | audit")
    assert "#1" in _run(app, "west", "alice", "/refer @bob Other | audit")
    assert "#2" in _run(app, "east", "alice", "/refer @bob Beta | audit")
    uows = unit_of_work_factory(engine)
    with uows() as uow:
        east, west = uow.networks.get_by_key("east"), uow.networks.get_by_key("west")
        assert east is not None and west is not None
        east_bob = uow.members.by_external_id(east.id, "bob")
        assert east_bob is not None
        assert uow.members.get(west.id, east_bob.id) is None
        assert uow.referrals.get(west.id, 2) is None
        assert [c.name for c in uow.clients.owned_by(west.id, east_bob.id)] == []
        east_ref = uow.referrals.get(east.id, 1)
        assert east_ref is not None
        assert uow.clients.get(west.id, east_ref.client_id) is None


def test_referral_lifecycle_is_stored_with_its_history(engine: Engine) -> None:
    app = _app(engine)
    _run(app, "n", "alice", "/charter commission 10% min 50 max 2000")
    _run(app, "n", "alice", "/charter accept")
    _run(app, "n", "bob", "/charter accept")
    _run(app, "n", "alice", "/refer @bob Acme Corp | bookkeeping | 5 000,50 | 3")
    _run(app, "n", "bob", "/referral 1 accept")
    _run(app, "n", "bob", "/referral 1 contacted")
    _run(app, "n", "bob", "/referral 1 won 12000")
    _run(app, "n", "alice", "/referral 1 paid")
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("n")
        assert network is not None
        referral = uow.referrals.get(network.id, 1)
        assert referral is not None
        assert referral.status.value == "paid"
        assert referral.estimated_value == Decimal("5000.50")
        assert referral.closed_amount == Decimal("12000.00")
        assert referral.commission_due == Decimal("1200.00")
        assert referral.commission_paid == Decimal("1200.00")
        assert [e.to_status.value for e in referral.events] == [
            "offered",
            "accepted",
            "contacted",
            "won",
            "paid",
        ]
        charter = uow.charters.get(network.id, referral.charter_version)
        assert charter is not None and charter.rule.kind is CommissionKind.PERCENT
        assert charter.rule.cap == Decimal("2000.00")
        assert uow.charters.acceptance_count(network.id, 2) == 2


def test_referral_numbers_are_unique_under_concurrency(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    with uows() as uow:
        network = uow.networks.add("n", "N", "en", AT)
        uow.commit()
    taken: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def take() -> None:
        try:
            for _ in range(10):
                with uows() as uow:
                    number = uow.referrals.next_number(network.id)
                    uow.commit()
                with lock:
                    taken.append(number)
        except BaseException as error:  # surfaced by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=take) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(taken) == list(range(1, 41))


def test_a_refused_command_leaves_the_database_unchanged(engine: Engine) -> None:
    inbox = _Inbox()
    app = _app(engine, inbox)
    _run(app, "n", "alice", "/charter accept")
    _run(app, "n", "bob", "/charter accept")
    _run(app, "n", "alice", "/refer @bob Acme | audit")
    sent = len(inbox.notices)
    for line in ("/referral 1 won 100", "/refer @bob Acme | audit | -5", "/refer @alice X | y"):
        command, _, text = line.removeprefix("/").partition(" ")
        assert app.handle(Invocation("n", "N", "alice", "alice", command, text)).error
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.get_by_key("n")
        assert network is not None
        referral = uow.referrals.get(network.id, 1)
        assert referral is not None and referral.status.value == "offered"
        assert uow.referrals.get(network.id, 2) is None
        assert len(referral.events) == 1
    assert len(inbox.notices) == sent
