"""The repository contract: what core relies on from the SQL repositories and unit of work,
through core's ports, on every engine (SQLite always, PostgreSQL with TEST_DATABASE_URL).

A unit of work is a transaction: kept on `commit()`, thrown away otherwise. Reads are copies: a
change is kept only through the repository. Uniqueness holds as the schema declares it, lists
come back in a stable order, and numbers are per network.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from core.app import Apport, FirstAdmin, Invocation
from core.charter.model import CommissionKind
from core.dispatcher import Dispatcher
from core.referrals.clients import Client
from core.referrals.model import Referral, Status
from core.shared.tenancy import Member, Role
from core.shared.ui import Notice
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
    return Apport(
        uows, _Clock(), after_commit=dispatcher.run_once, first_admin=FirstAdmin.FIRST_MEMBER
    )


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


def _network_with_member(engine: Engine) -> tuple[int, int]:
    with unit_of_work_factory(engine)() as uow:
        network = uow.networks.add("K", "Net", "en", AT)
        member = uow.members.add(Member(0, network.id, "U1", "Alice", set(), AT))
        uow.commit()
    return network.id, member.id


def test_commit_keeps_and_leaving_without_commit_discards(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    network_id, _ = _network_with_member(engine)
    with uows() as uow:
        uow.members.add(Member(0, network_id, "U2", "Bob", set(), AT))
        assert uow.members.count(network_id) == 2
    with uows() as uow:
        assert uow.members.count(network_id) == 1


def test_an_exception_rolls_back(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    network_id, _ = _network_with_member(engine)
    with pytest.raises(RuntimeError), uows() as uow:
        uow.members.add(Member(0, network_id, "U2", "Bob", set(), AT))
        raise RuntimeError
    with uows() as uow:
        assert uow.members.count(network_id) == 1


def test_rollback_inside_the_block_forgets_the_changes(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    network_id, _ = _network_with_member(engine)
    with uows() as uow:
        uow.members.add(Member(0, network_id, "U2", "Bob", set(), AT))
        uow.rollback()
        assert uow.members.count(network_id) == 1


def test_reads_are_copies_so_only_update_keeps_a_change(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    network_id, member_id = _network_with_member(engine)
    with uows() as uow:
        member = uow.members.get(network_id, member_id)
        assert member is not None
        member.roles.add(Role.ADMIN)
        again = uow.members.get(network_id, member_id)
        assert again is not None and again.roles == set()
        uow.commit()
    with uows() as uow:
        stored = uow.members.get(network_id, member_id)
        assert stored is not None and stored.roles == set()
        stored.roles.add(Role.ADMIN)
        uow.members.update(stored)
        uow.commit()
    with uows() as uow:
        stored = uow.members.get(network_id, member_id)
        assert stored is not None and stored.roles == {Role.ADMIN}


def test_a_second_network_member_or_acceptance_is_the_first_one(engine: Engine) -> None:
    """Two first commands at once create the same network, member or acceptance: the second
    insert finds the first row and adds none."""
    uows = unit_of_work_factory(engine)
    network_id, member_id = _network_with_member(engine)
    with uows() as uow:
        again = uow.members.add(Member(0, network_id, "U1", "Alice again", set(), AT))
        assert (again.id, again.display_name) == (member_id, "Alice")
        assert uow.networks.add("K", "Other", "en", AT).id == network_id
        uow.charters.accept(network_id, member_id, 1, AT)
        uow.charters.accept(network_id, member_id, 1, AT)
        assert uow.charters.acceptances_of(network_id, member_id) == [(1, AT)]
        assert uow.members.count(network_id) == 1
        uow.commit()


def test_a_referral_number_is_taken_once(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    network_id, member_id = _network_with_member(engine)
    with uows() as uow:
        client = uow.clients.add(Client(0, network_id, "Acme", "acme", member_id, AT))
        uow.referrals.add(
            Referral(0, network_id, 1, member_id, member_id, client.id, member_id, "n", 3, 1, AT)
        )
        with pytest.raises(IntegrityError):
            uow.referrals.add(
                Referral(
                    0, network_id, 1, member_id, member_id, client.id, member_id, "m", 3, 1, AT
                )
            )


def test_referral_numbers_are_per_network_and_rolled_back(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    with uows() as uow:
        one = uow.networks.add("A", "A", "en", AT).id
        two = uow.networks.add("B", "B", "en", AT).id
        assert [uow.referrals.next_number(one) for _ in range(2)] == [1, 2]
        assert uow.referrals.next_number(two) == 1
        uow.commit()
    with uows() as uow:
        assert uow.referrals.next_number(one) == 3
    with uows() as uow:
        assert uow.referrals.next_number(one) == 3


def test_members_by_name_ignore_case_accents_and_spacing(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    with uows() as uow:
        network_id = uow.networks.add("K", "Net", "en", AT).id
        uow.members.add(Member(0, network_id, "U1", "Élodie Martin", set(), AT))
        assert [m.external_id for m in uow.members.by_name(network_id, "elodie  MARTIN")] == ["U1"]
        assert uow.members.by_name(network_id, "Elodie") == []


def test_lists_come_back_in_their_order(engine: Engine) -> None:
    """Members by id, clients by name, a member's referrals newest first without history."""
    uows = unit_of_work_factory(engine)
    network_id, alice = _network_with_member(engine)
    with uows() as uow:
        bob = uow.members.add(Member(0, network_id, "U2", "Bob", set(), AT)).id
        clients = [
            uow.clients.add(Client(0, network_id, name, name.lower(), alice, AT))
            for name in ("Zeta", "Acme", "Mu")
        ]
        for number, client in enumerate(clients, start=1):
            uow.referrals.add(
                Referral(0, network_id, number, alice, bob, client.id, alice, "n", 3, 1, AT)
            )
        uow.commit()
    with uows() as uow:
        assert [m.id for m in uow.members.all(network_id)] == [alice, bob]
        assert [c.name for c in uow.clients.owned_by(network_id, alice)] == ["Acme", "Mu", "Zeta"]
        mine = uow.referrals.for_member(network_id, bob)
        assert [r.number for r in mine] == [3, 2, 1]
        assert all(r.events == [] and r.status is Status.OFFERED for r in mine)


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
