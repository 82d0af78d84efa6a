"""Two first commands at once create one network, one member, one acceptance."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from core.shared.tenancy import Member
from storage.database import unit_of_work_factory

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_clashing_network_insert_returns_the_existing_one(engine: Engine) -> None:
    uows = unit_of_work_factory(engine)
    first, second = uows(), uows()
    with first, second:
        created = first.networks.add("team", "Team", "fr", AT)
        first.commit()
        again = second.networks.add("team", "Other name", "en", AT)
        assert again.id == created.id and again.locale == "fr"
        member = second.members.add(Member(0, again.id, "U1", "Ann", set(), AT))
        second.commit()
    with uows() as uow:
        clash = uow.members.add(Member(0, created.id, "U1", "Ann again", set(), AT))
        assert clash.id == member.id
        uow.charters.accept(created.id, member.id, 1, AT)
        uow.commit()
    with uows() as uow:
        uow.charters.accept(created.id, member.id, 1, AT)
        uow.commit()
    with uows() as uow:
        assert uow.members.count(created.id) == 1
        assert uow.charters.acceptance_count(created.id, 1) == 1
