"""Repositories: core's storage ports over one SQLAlchemy session, always scoped to a network."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.charter import CharterVersion, CommissionKind, CommissionRule
from core.clients import Client
from core.network import Member, Network, Role
from core.referrals import Event, Referral, Status
from core.text import fold
from storage.counters import take_next
from storage.inserts import insert_or_skip
from storage.locks import locked
from storage.tables import (
    CharterAcceptanceRow,
    CharterVersionRow,
    ClientRow,
    MemberRow,
    NetworkRow,
    ReferralEventRow,
    ReferralRow,
)


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


def _client(row: ClientRow) -> Client:
    return Client(row.id, row.network_id, row.name, row.key, row.owner_id, row.created_at)


class SqlClients:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_key(self, network_id: int, key: str) -> Client | None:
        row = self.session.scalars(
            select(ClientRow).where(ClientRow.network_id == network_id, ClientRow.key == key)
        ).one_or_none()
        return _client(row) if row else None

    def get(self, network_id: int, client_id: int) -> Client | None:
        row = self.session.get(ClientRow, client_id)
        return _client(row) if row and row.network_id == network_id else None

    def owned_by(self, network_id: int, owner_id: int) -> list[Client]:
        rows = self.session.scalars(
            select(ClientRow)
            .where(ClientRow.network_id == network_id, ClientRow.owner_id == owner_id)
            .order_by(ClientRow.name)
        )
        return [_client(row) for row in rows]

    def add(self, client: Client) -> Client:
        row = ClientRow(
            network_id=client.network_id,
            name=client.name,
            key=client.key,
            owner_id=client.owner_id,
            created_at=client.created_at,
        )
        if not insert_or_skip(self.session, row):
            # Another member registered the same client at the same moment: theirs stands, and
            # they own it.
            found = self.by_key(client.network_id, client.key)
            if found is None:
                raise LookupError(f"client {client.key!r} vanished after a conflicting insert")
            return found
        return _client(row)


def _event(row: ReferralEventRow) -> Event:
    source = Status(row.from_status) if row.from_status else None
    return Event(row.actor_id, row.at, source, Status(row.to_status), row.note)


def _referral(row: ReferralRow, events: list[Event]) -> Referral:
    return Referral(
        id=row.id,
        network_id=row.network_id,
        number=row.number,
        referrer_id=row.referrer_id,
        receiver_id=row.receiver_id,
        client_id=row.client_id,
        client_owner_id=row.client_owner_id,
        need=row.need,
        temperature=row.temperature,
        charter_version=row.charter_version,
        created_at=row.created_at,
        estimated_value=row.estimated_value,
        status=Status(row.status),
        closed_amount=row.closed_amount,
        commission_due=row.commission_due,
        commission_paid=row.commission_paid,
        contact=row.contact,
        updated_at=row.updated_at,
        events=events,
    )


class SqlReferrals:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next_number(self, network_id: int) -> int:
        return take_next(self.session, network_id, NetworkRow.next_referral_number)

    def _add_event(self, referral: Referral, event: Event) -> None:
        self.session.add(
            ReferralEventRow(
                network_id=referral.network_id,
                referral_id=referral.id,
                actor_id=event.actor_id,
                at=event.at,
                from_status=event.from_status.value if event.from_status else None,
                to_status=event.to_status.value,
                note=event.note,
            )
        )

    def add(self, referral: Referral) -> Referral:
        row = ReferralRow(
            network_id=referral.network_id,
            number=referral.number,
            referrer_id=referral.referrer_id,
            receiver_id=referral.receiver_id,
            client_id=referral.client_id,
            client_owner_id=referral.client_owner_id,
            need=referral.need,
            temperature=referral.temperature,
            charter_version=referral.charter_version,
            status=referral.status.value,
            estimated_value=referral.estimated_value,
            closed_amount=referral.closed_amount,
            commission_due=referral.commission_due,
            commission_paid=referral.commission_paid,
            created_at=referral.created_at,
            updated_at=referral.updated_at or referral.created_at,
            contact=referral.contact,
        )
        self.session.add(row)
        self.session.flush()
        referral.id = row.id
        for event in referral.events:
            self._add_event(referral, event)
        self.session.flush()
        return referral

    def get(self, network_id: int, number: int) -> Referral | None:
        """The referral with its history, its row locked until commit (see storage/locks)."""
        row = self.session.scalars(
            locked(
                select(ReferralRow).where(
                    ReferralRow.network_id == network_id, ReferralRow.number == number
                ),
                ReferralRow,
            )
        ).one_or_none()
        if row is None:
            return None
        events = self.session.scalars(
            select(ReferralEventRow)
            .where(ReferralEventRow.referral_id == row.id)
            .order_by(ReferralEventRow.id)
        )
        return _referral(row, [_event(e) for e in events])

    def update(self, referral: Referral, event: Event) -> None:
        row = self.session.get_one(ReferralRow, referral.id)
        if row.network_id != referral.network_id:
            raise ValueError("referral belongs to another network")
        row.status = referral.status.value
        row.closed_amount = referral.closed_amount
        row.commission_due = referral.commission_due
        row.commission_paid = referral.commission_paid
        row.updated_at = referral.updated_at or event.at
        self._add_event(referral, event)
        self.session.flush()

    def all(self, network_id: int) -> list[Referral]:
        rows = self.session.scalars(
            select(ReferralRow)
            .where(ReferralRow.network_id == network_id)
            .order_by(ReferralRow.number)
        )
        return [_referral(row, []) for row in rows]

    def erase_contact(self, network_id: int, referral_id: int) -> bool:
        result = self.session.execute(
            update(ReferralRow)
            .where(
                ReferralRow.network_id == network_id,
                ReferralRow.id == referral_id,
                ReferralRow.contact != "",
            )
            .values(contact="")
        )
        return bool(getattr(result, "rowcount", 0))

    def for_member(self, network_id: int, member_id: int) -> list[Referral]:
        """The member's referrals, given or received, newest first (history not loaded)."""
        rows = self.session.scalars(
            select(ReferralRow)
            .where(
                ReferralRow.network_id == network_id,
                (ReferralRow.referrer_id == member_id) | (ReferralRow.receiver_id == member_id),
            )
            .order_by(ReferralRow.number.desc())
        )
        return [_referral(row, []) for row in rows]


def _charter(row: CharterVersionRow) -> CharterVersion:
    rule = CommissionRule(
        CommissionKind(row.commission_kind),
        row.commission_rate,
        row.commission_flat,
        row.commission_min,
        row.commission_cap,
    )
    return CharterVersion(
        row.id, row.network_id, row.version, row.texts, rule, row.created_at, row.created_by
    )


class SqlCharters:
    def __init__(self, session: Session) -> None:
        self.session = session

    def current(self, network_id: int, lock: bool = False) -> CharterVersion | None:
        """The latest version; `lock` holds the network's row until commit.

        A new version is numbered from the latest, and locking that version's row would not
        stop another one being added after it: publishing waits on the network instead.
        """
        if lock:
            self.session.execute(
                select(NetworkRow.id).where(NetworkRow.id == network_id).with_for_update()
            )
        row = self.session.scalars(
            select(CharterVersionRow)
            .where(CharterVersionRow.network_id == network_id)
            .order_by(CharterVersionRow.version.desc())
            .limit(1)
        ).one_or_none()
        return _charter(row) if row else None

    def get(self, network_id: int, version: int) -> CharterVersion | None:
        row = self.session.scalars(
            select(CharterVersionRow).where(
                CharterVersionRow.network_id == network_id, CharterVersionRow.version == version
            )
        ).one_or_none()
        return _charter(row) if row else None

    def history(self, network_id: int) -> list[CharterVersion]:
        rows = self.session.scalars(
            select(CharterVersionRow)
            .where(CharterVersionRow.network_id == network_id)
            .order_by(CharterVersionRow.version)
        )
        return [_charter(row) for row in rows]

    def add(self, version: CharterVersion) -> CharterVersion:
        rule = version.rule
        row = CharterVersionRow(
            network_id=version.network_id,
            version=version.version,
            texts=version.texts,
            commission_kind=rule.kind.value,
            commission_rate=rule.rate,
            commission_flat=rule.flat,
            commission_min=rule.minimum,
            commission_cap=rule.cap,
            created_by=version.created_by,
            created_at=version.created_at,
        )
        self.session.add(row)
        self.session.flush()
        version.id = row.id
        return version

    def accepted(self, network_id: int, member_id: int, version: int) -> bool:
        found = self.session.scalar(
            select(CharterAcceptanceRow.id).where(
                CharterAcceptanceRow.network_id == network_id,
                CharterAcceptanceRow.member_id == member_id,
                CharterAcceptanceRow.version == version,
            )
        )
        return found is not None

    def accept(self, network_id: int, member_id: int, version: int, at: datetime) -> None:
        # A concurrent acceptance of the same version is the same fact: keep the first.
        insert_or_skip(
            self.session,
            CharterAcceptanceRow(
                network_id=network_id, member_id=member_id, version=version, accepted_at=at
            ),
        )

    def acceptances_of(self, network_id: int, member_id: int) -> list[tuple[int, datetime]]:
        rows = self.session.execute(
            select(CharterAcceptanceRow.version, CharterAcceptanceRow.accepted_at)
            .where(
                CharterAcceptanceRow.network_id == network_id,
                CharterAcceptanceRow.member_id == member_id,
            )
            .order_by(CharterAcceptanceRow.version)
        ).all()
        return [(version, at) for version, at in rows]

    def acceptance_count(self, network_id: int, version: int) -> int:
        query = (
            select(func.count())
            .select_from(CharterAcceptanceRow)
            .where(
                CharterAcceptanceRow.network_id == network_id,
                CharterAcceptanceRow.version == version,
            )
        )
        return self.session.scalar(query) or 0
