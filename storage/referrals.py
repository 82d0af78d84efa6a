"""Referrals and clients: core's referral ports over one SQLAlchemy session."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.referrals.clients import Client
from core.referrals.model import Event, Referral, Status
from storage.counters import take_next
from storage.inserts import insert_or_skip
from storage.locks import locked
from storage.tables import ClientRow, NetworkRow, ReferralEventRow, ReferralRow


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
        currency=row.currency,
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
            currency=referral.currency,
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

    def update(self, referral: Referral, event: Event | None = None) -> None:
        row = self.session.get_one(ReferralRow, referral.id)
        if row.network_id != referral.network_id:
            raise ValueError("referral belongs to another network")
        row.status = referral.status.value
        row.closed_amount = referral.closed_amount
        row.commission_due = referral.commission_due
        row.commission_paid = referral.commission_paid
        row.updated_at = referral.updated_at or (event.at if event else row.updated_at)
        if event is not None:
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
