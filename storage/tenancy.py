"""Networks and members: core's tenancy ports over one SQLAlchemy session."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.shared.tenancy import Member, Network, Role
from core.shared.text import fold
from storage.inserts import insert_or_skip
from storage.tables import MemberRow, NetworkRow


def _network(row: NetworkRow) -> Network:
    return Network(
        id=row.id,
        key=row.key,
        name=row.name,
        locale=row.locale,
        currency=row.currency,
        timezone=row.timezone,
        charter_required=row.charter_required,
        created_at=row.created_at,
        followup_days=row.followup_days,
        charter_reminder=row.charter_reminder,
        charter_reminder_index=row.charter_reminder_index,
        announcements_channel=row.announcements_channel,
        recruiters_channel=row.recruiters_channel,
        exclusivity=row.exclusivity,
        experienced_days=row.experienced_days,
        site_visit=row.site_visit,
        vote_days=row.vote_days,
        quorum=row.quorum,
        threshold=row.threshold,
        contact_retention_months=row.contact_retention_months,
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
        row = NetworkRow(
            key=key,
            name=name,
            locale=locale,
            currency="EUR",
            timezone="Europe/Paris",
            charter_required=True,
            next_referral_number=1,
            followup_days=14,
            charter_reminder="mon 09:00",
            charter_reminder_index=0,
            announcements_channel="",
            recruiters_channel="",
            exclusivity=True,
            experienced_days=180,
            site_visit=False,
            vote_days=7,
            quorum="1/2",
            threshold="2/3",
            next_candidate_number=1,
            contact_retention_months=24,
            next_breach_number=1,
            created_at=at,
        )
        if not insert_or_skip(self.session, row):
            # Another process created it first (two first commands at once): use theirs.
            found = self.get_by_key(key)
            if found is None:
                raise LookupError(f"network {key!r} vanished after a conflicting insert")
            return found
        return _network(row)

    def update(self, network: Network) -> None:
        row = self.session.get_one(NetworkRow, network.id)
        row.name = network.name
        row.locale = network.locale
        row.currency = network.currency
        row.timezone = network.timezone
        row.charter_required = network.charter_required
        row.followup_days = network.followup_days
        row.charter_reminder = network.charter_reminder
        row.charter_reminder_index = network.charter_reminder_index
        row.announcements_channel = network.announcements_channel
        row.recruiters_channel = network.recruiters_channel
        row.exclusivity = network.exclusivity
        row.experienced_days = network.experienced_days
        row.site_visit = network.site_visit
        row.vote_days = network.vote_days
        row.quorum = network.quorum
        row.threshold = network.threshold
        row.contact_retention_months = network.contact_retention_months


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
        return self.session.scalar(query.where(MemberRow.network_id == network_id)) or 0

    def all(self, network_id: int) -> list[Member]:
        rows = self.session.scalars(
            select(MemberRow).where(MemberRow.network_id == network_id).order_by(MemberRow.id)
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
        row.external_id = f"erased:{row.id}"
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
