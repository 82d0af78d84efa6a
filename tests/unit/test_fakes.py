"""The fakes keep the promises the other unit tests rely on: real rollback, copies on read."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.network import Member, Role
from tests.fakes import FakeClock, FakeStore, FakeUnitOfWorkFactory, UniqueViolation

AT = datetime(2025, 1, 1, tzinfo=UTC)


def network_with_member(factory: FakeUnitOfWorkFactory) -> tuple[int, int]:
    with factory() as uow:
        network = uow.networks.add("K", "Net", "en", AT)
        member = uow.members.add(Member(0, network.id, "U1", "Alice", set(), AT))
        uow.commit()
    return network.id, member.id


def test_commit_publishes_and_leaving_without_commit_discards() -> None:
    factory = FakeUnitOfWorkFactory(FakeStore())
    network_id, _ = network_with_member(factory)

    with factory() as uow:
        uow.members.add(Member(0, network_id, "U2", "Bob", set(), AT))
        assert uow.members.count(network_id) == 2
    with factory() as uow:
        assert uow.members.count(network_id) == 1
    assert factory.store.commits == 1


def test_an_exception_rolls_back() -> None:
    factory = FakeUnitOfWorkFactory()
    network_id, _ = network_with_member(factory)
    with pytest.raises(RuntimeError), factory() as uow:
        uow.members.add(Member(0, network_id, "U2", "Bob", set(), AT))
        raise RuntimeError
    with factory() as uow:
        assert uow.members.count(network_id) == 1


def test_rollback_inside_the_block_forgets_the_changes() -> None:
    factory = FakeUnitOfWorkFactory()
    network_id, _ = network_with_member(factory)
    with factory() as uow:
        uow.members.add(Member(0, network_id, "U2", "Bob", set(), AT))
        uow.rollback()
        assert uow.members.count(network_id) == 1


def test_reads_are_copies_so_only_update_keeps_a_change() -> None:
    factory = FakeUnitOfWorkFactory()
    network_id, member_id = network_with_member(factory)
    with factory() as uow:
        member = uow.members.get(network_id, member_id)
        assert member is not None
        member.roles.add(Role.ADMIN)
        again = uow.members.get(network_id, member_id)
        assert again is not None and again.roles == set()
        uow.members.update(member)
        uow.commit()
    with factory() as uow:
        stored = uow.members.get(network_id, member_id)
        assert stored is not None and stored.roles == {Role.ADMIN}


def test_uniqueness_is_enforced() -> None:
    factory = FakeUnitOfWorkFactory()
    network_id, _ = network_with_member(factory)
    with factory() as uow:
        with pytest.raises(UniqueViolation):
            uow.members.add(Member(0, network_id, "U1", "Alice again", set(), AT))
        with pytest.raises(UniqueViolation):
            uow.networks.add("K", "Other", "en", AT)
        uow.charters.accept(network_id, 1, 1, AT)
        with pytest.raises(UniqueViolation):
            uow.charters.accept(network_id, 1, 1, AT)


def test_referral_numbers_are_per_network_and_rolled_back() -> None:
    factory = FakeUnitOfWorkFactory()
    with factory() as uow:
        one = uow.networks.add("A", "A", "en", AT).id
        two = uow.networks.add("B", "B", "en", AT).id
        assert [uow.referrals.next_number(one) for _ in range(2)] == [1, 2]
        assert uow.referrals.next_number(two) == 1
        uow.commit()
    with factory() as uow:
        assert uow.referrals.next_number(one) == 3
    with factory() as uow:
        assert uow.referrals.next_number(one) == 3


def test_members_by_name_ignore_case_and_accents() -> None:
    factory = FakeUnitOfWorkFactory()
    with factory() as uow:
        network_id = uow.networks.add("K", "Net", "en", AT).id
        uow.members.add(Member(0, network_id, "U1", "Élodie Martin", set(), AT))
        assert [m.external_id for m in uow.members.by_name(network_id, "elodie  MARTIN")] == ["U1"]
        assert uow.members.by_name(network_id, "Elodie") == []


def test_clock() -> None:
    clock = FakeClock(AT)
    assert clock.now() == AT
    assert clock.advance(timedelta(days=2)) == AT + timedelta(days=2)
    assert clock.now().tzinfo is not None
    with pytest.raises(ValueError):
        clock.set(datetime(2025, 1, 1))  # naive
    with pytest.raises(ValueError):
        clock.set(datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=2))))
