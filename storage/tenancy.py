"""Networks and members: core's tenancy ports over one SQLAlchemy session."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from core.shared.tenancy import Member, Network, Role
from core.shared.text import fold
from storage.inserts import insert_or_skip
from storage.tables import Base, MemberRow, NetworkRow

# What a network's row holds besides its identity: its name, language and every setting. Their
# defaults are written once, in core's `Network`.
SETTINGS = tuple(
    f.name for f in dataclasses.fields(Network) if f.name not in ("id", "key", "created_at")
)


# The external id an erased member's record takes: the platform account no longer maps to it.
ERASED = "erased:"


def present() -> ColumnElement[bool]:
    """Members who have not erased their data: the directory, the counts, the roll."""
    return MemberRow.external_id.not_like(f"{ERASED}%")


def _network(row: NetworkRow) -> Network:
    network = Network(row.id, row.key, row.name, row.locale, created_at=row.created_at)
    for name in SETTINGS:
        setattr(network, name, getattr(row, name))
    return network


def new_network_row(key: str, name: str, locale: str, at: datetime) -> NetworkRow:
    """A new network's row, with core's default settings and its numbering at 1."""
    defaults = Network(0, key, name, locale)
    return NetworkRow(
        key=key,
        next_referral_number=1,
        next_candidate_number=1,
        next_breach_number=1,
        created_at=at,
        **{setting: getattr(defaults, setting) for setting in SETTINGS},
    )


class SqlNetworks:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, network_id: int) -> Network | None:
        row = self.session.get(NetworkRow, network_id)
        return _network(row) if row else None

    def get_by_key(self, key: str) -> Network | None:
        row = self.session.scalars(select(NetworkRow).where(NetworkRow.key == key)).one_or_none()
        return _network(row) if row else None

    def add(self, key: str, name: str, locale: str, at: datetime) -> Network:
        row = new_network_row(key, name, locale, at)
        if not insert_or_skip(self.session, row):
            # Another process created it first (two first commands at once): use theirs.
            found = self.get_by_key(key)
            if found is None:
                raise LookupError(f"network {key!r} vanished after a conflicting insert")
            return found
        return _network(row)

    def update(self, network: Network) -> None:
        row = self.session.get_one(NetworkRow, network.id)
        for setting in SETTINGS:
            setattr(row, setting, getattr(network, setting))

    def erase(self, network_id: int) -> None:
        """Every table that carries a network, children before parents, then the network:
        a table added later is covered without a change here."""
        for table in reversed(Base.metadata.sorted_tables):
            if "network_id" in table.c:
                self.session.execute(delete(table).where(table.c.network_id == network_id))
        self.session.execute(delete(NetworkRow).where(NetworkRow.id == network_id))


def _member(row: MemberRow) -> Member:
    roles = {Role(r) for r in row.roles.split(",") if r}
    return Member(
        row.id,
        row.network_id,
        row.external_id,
        row.display_name,
        roles,
        row.joined_at,
        row.profession,
    )


def _roles(member: Member) -> str:
    return ",".join(sorted(r.value for r in member.roles))


class SqlMembers:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _one(self, *where: object) -> Member | None:
        row = self.session.scalars(select(MemberRow).where(*where)).one_or_none()  # type: ignore[arg-type]
        return _member(row) if row else None

    def get(self, network_id: int, member_id: int) -> Member | None:
        return self._one(MemberRow.network_id == network_id, MemberRow.id == member_id)

    def by_external_id(self, network_id: int, external_id: str) -> Member | None:
        return self._one(MemberRow.network_id == network_id, MemberRow.external_id == external_id)

    def by_name(self, network_id: int, name: str) -> list[Member]:
        rows = self.session.scalars(
            select(MemberRow).where(
                MemberRow.network_id == network_id, MemberRow.name_key == fold(name)
            )
        )
        return [_member(row) for row in rows]

    def many(self, network_id: int, member_ids: Collection[int]) -> dict[int, Member]:
        if not member_ids:
            return {}
        rows = self.session.scalars(
            select(MemberRow).where(
                MemberRow.network_id == network_id, MemberRow.id.in_(list(member_ids))
            )
        )
        return {row.id: _member(row) for row in rows}

    def count(self, network_id: int) -> int:
        query = select(func.count()).select_from(MemberRow)
        return self.session.scalar(query.where(MemberRow.network_id == network_id, present())) or 0

    def all(self, network_id: int) -> list[Member]:
        rows = self.session.scalars(
            select(MemberRow)
            .where(MemberRow.network_id == network_id, present())
            .order_by(MemberRow.id)
        )
        return [_member(row) for row in rows]

    def add(self, member: Member) -> Member:
        row = MemberRow(
            network_id=member.network_id,
            external_id=member.external_id,
            display_name=member.display_name,
            name_key=fold(member.display_name),
            roles=_roles(member),
            joined_at=member.joined_at,
            profession=member.profession,
        )
        if not insert_or_skip(self.session, row):
            found = self.by_external_id(member.network_id, member.external_id)
            if found is None:
                raise LookupError(f"member {member.external_id!r} vanished after a conflict")
            return found
        return _member(row)

    def erase(self, member: Member, pseudonym: str) -> None:
        row = self.session.get_one(MemberRow, member.id)
        if row.network_id != member.network_id:
            raise ValueError("member belongs to another network")
        row.display_name = pseudonym
        row.name_key = fold(pseudonym)
        # The platform account no longer maps to this record: if they come back, they are new.
        row.external_id = f"{ERASED}{row.id}"
        row.roles = ""
        row.profession = ""
        row.keywords = ""
        row.pitch = ""
        self.session.flush()

    def update(self, member: Member) -> None:
        row = self.session.get_one(MemberRow, member.id)
        if row.network_id != member.network_id:
            raise ValueError("member belongs to another network")
        row.display_name = member.display_name
        row.name_key = fold(member.display_name)
        row.roles = _roles(member)
        row.profession = member.profession
