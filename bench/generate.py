"""A generated network for benchmarks and the stats tests: members with profiles, clients,
referrals with their lifecycle events, and feedback, written with bulk inserts.

The data is deterministic for a seed: referrals spread over `months` months before `now`, each
moving through the lifecycle the way real ones do (some declined or cancelled, most accepted,
then contacted, won or lost, some paid), with events never later than `now`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text

from core.shared.text import fold, normalise_client_name
from storage.tables import (
    Base,
    ClientRow,
    FeedbackRow,
    MemberRow,
    NetworkRow,
    ReferralEventRow,
    ReferralRow,
)

NOW = datetime(2025, 3, 20, 15, 0, tzinfo=UTC)
CHUNK = 5_000
RATE = Decimal("0.10")

TRADES: tuple[tuple[str, str, str], ...] = (
    ("Expert-comptable", "comptabilité, bilan, TVA, paie", "Je tiens les comptes des TPE"),
    ("Accountant", "bookkeeping, payroll, tax returns", "Books kept, taxes filed"),
    ("Avocate d'affaires", "contrats, statuts, baux commerciaux", "Le droit des entreprises"),
    ("Plombier", "plomberie, chauffage, sanitaires", "Dépannage et installation"),
    ("Électricien", "électricité, tableaux, mises aux normes", "Installations sûres"),
    ("Architecte", "plans, permis de construire, rénovation", "Des lieux qui vous ressemblent"),
    ("Web designer", "sites web, e-commerce, identité visuelle", "Your shop online"),
    ("Agent immobilier", "vente, location, estimation", "Votre bien au juste prix"),
    ("Courtier en assurances", "assurance, prévoyance, mutuelle", "Bien couvert"),
    ("Photographe", "portraits, événements, produits", "Des images qui vendent"),
    ("Traiteur", "buffets, cocktails, repas d'entreprise", "Vos événements gourmands"),
    ("Coach", "management, prise de parole, équipes", "Des équipes qui avancent"),
    ("Imprimeur", "cartes de visite, flyers, signalétique", "Imprimé demain"),
    ("Banquier", "prêts, trésorerie, placements", "Financer vos projets"),
    ("Développeur", "logiciels, applications, automatisation", "Du code sur mesure"),
    ("Menuisier", "menuiserie, agencement, cuisines", "Le bois sur mesure"),
    ("Paysagiste", "jardins, terrasses, entretien", "Des extérieurs soignés"),
    ("Traductrice", "traduction, interprétariat, anglais", "Vos textes dans toutes les langues"),
    ("Consultant RH", "recrutement, formation, paie", "Les bonnes personnes"),
    ("Notaire", "successions, ventes, donations", "Sécuriser vos actes"),
)


@dataclass(frozen=True)
class Generated:
    network_id: int
    key: str
    members: int
    referrals: int
    events: int
    feedback: int
    now: datetime
    admin_external_id: str


def _chunks(
    rows: Sequence[dict[str, Any]], size: int = CHUNK
) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _next_id(connection: Connection, table: type[Base]) -> int:
    return int(connection.scalar(select(func.coalesce(func.max(table.id), 0))) or 0) + 1  # type: ignore[attr-defined]


def _insert(connection: Connection, table: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    for chunk in _chunks(rows):
        connection.execute(insert(table), list(chunk))


def _lifecycle(
    rng: random.Random, created: datetime, now: datetime
) -> tuple[list[tuple[str | None, str, datetime]], str]:
    """The referral's events (from, to, at), none after `now`, and the status they lead to."""
    steps: list[tuple[str | None, str, datetime]] = [(None, "offered", created)]
    at = created
    roll = rng.random()
    if roll < 0.07:
        path = ["declined"]
    elif roll < 0.09:
        path = ["cancelled"]
    else:
        path = ["accepted"]
        if rng.random() < 0.75:
            path.append("contacted")
        outcome = rng.random()
        if outcome < 0.55:
            path.append("won")
            if rng.random() < 0.6:
                path.append("paid")
        elif outcome < 0.85:
            path.append("lost")
    delays = {
        "accepted": (0.1, 4),
        "declined": (0.1, 4),
        "cancelled": (0.1, 2),
        "contacted": (0.2, 12),
        "won": (2, 45),
        "lost": (2, 45),
        "paid": (3, 40),
    }
    for status in path:
        low, high = delays[status]
        at = at + timedelta(days=rng.uniform(low, high))
        if at > now:
            break
        steps.append((steps[-1][1], status, at))
    return steps, steps[-1][1]


def generate(
    engine: Engine,
    members: int = 2_000,
    referrals: int = 200_000,
    months: int = 36,
    seed: int = 8,
    now: datetime = NOW,
    key: str = "bench",
) -> Generated:
    rng = random.Random(seed)
    start = now - timedelta(days=months * 30.44)
    with engine.begin() as connection:
        network_id = _next_id(connection, NetworkRow)
        connection.execute(
            insert(NetworkRow),
            [
                {
                    "id": network_id,
                    "key": key,
                    "name": "Bench network",
                    "locale": "en",
                    "currency": "EUR",
                    "timezone": "Europe/Paris",
                    "charter_required": False,
                    "next_referral_number": referrals + 1,
                    "created_at": start,
                }
            ],
        )
        first_member = _next_id(connection, MemberRow)
        member_rows = []
        for i in range(members):
            profession, keywords, pitch = TRADES[i % len(TRADES)]
            name = f"Member {i + 1:04d}"
            member_rows.append(
                {
                    "id": first_member + i,
                    "network_id": network_id,
                    "external_id": f"U{i + 1}",
                    "display_name": name,
                    "name_key": fold(name),
                    "roles": "admin" if i == 0 else "",
                    "joined_at": start + timedelta(days=rng.uniform(0, months * 15)),
                    "profession": profession,
                    "keywords": keywords,
                    "pitch": pitch,
                }
            )
        _insert(connection, MemberRow, member_rows)
        member_ids = [row["id"] for row in member_rows]
        first_client = _next_id(connection, ClientRow)
        client_count = max(1, referrals // 4)
        client_rows = []
        for i in range(client_count):
            name = f"Client {i + 1:06d}"
            client_rows.append(
                {
                    "id": first_client + i,
                    "network_id": network_id,
                    "name": name,
                    "key": normalise_client_name(name),
                    "owner_id": rng.choice(member_ids),
                    "created_at": start,
                }
            )
        _insert(connection, ClientRow, client_rows)
        first_referral = _next_id(connection, ReferralRow)
        referral_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        feedback_rows: list[dict[str, Any]] = []
        span = (now - start).total_seconds()
        for i in range(referrals):
            referral_id = first_referral + i
            referrer, receiver = rng.sample(member_ids, 2)
            created = start + timedelta(seconds=rng.uniform(0, span))
            steps, status = _lifecycle(rng, created, now)
            closed = due = paid = None
            if status in ("won", "paid"):
                closed = Decimal(rng.randrange(500, 50_000)).quantize(Decimal("0.01"))
                due = (closed * RATE).quantize(Decimal("0.01"))
                paid = due if status == "paid" else Decimal("0.00")
            client = first_client + rng.randrange(client_count)
            referral_rows.append(
                {
                    "id": referral_id,
                    "network_id": network_id,
                    "number": i + 1,
                    "referrer_id": referrer,
                    "receiver_id": receiver,
                    "client_id": client,
                    "client_owner_id": referrer,
                    "need": "generated",
                    "temperature": rng.randint(1, 5),
                    "charter_version": 1,
                    "currency": "EUR",
                    "status": status,
                    "estimated_value": None,
                    "closed_amount": closed,
                    "commission_due": due,
                    "commission_paid": paid,
                    "created_at": created,
                    "updated_at": steps[-1][2],
                }
            )
            for source, target, at in steps:
                actor = referrer if target in ("offered", "cancelled", "paid") else receiver
                event_rows.append(
                    {
                        "network_id": network_id,
                        "referral_id": referral_id,
                        "actor_id": actor,
                        "at": at,
                        "from_status": source,
                        "to_status": target,
                        "note": "",
                    }
                )
            accepted = next((at for _, target, at in steps if target == "accepted"), None)
            asked = accepted + timedelta(days=14) if accepted else None
            if asked is not None and asked <= now and rng.random() < 0.45:
                feedback_rows.append(
                    {
                        "network_id": network_id,
                        "referral_id": referral_id,
                        "giver_id": referrer,
                        "member_id": receiver,
                        "score": rng.choices((1, 2, 3, 4, 5), (1, 2, 6, 14, 12))[0],
                        "comment": "",
                        "at": min(asked + timedelta(hours=rng.uniform(0, 72)), now),
                    }
                )
        _insert(connection, ReferralRow, referral_rows)
        _insert(connection, ReferralEventRow, event_rows)
        _insert(connection, FeedbackRow, feedback_rows)
        if connection.dialect.name == "postgresql":  # explicit ids: move the sequences on
            for table in ("networks", "members", "clients", "referrals"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT MAX(id) FROM {table}))"
                    )
                )
            # What autovacuum does soon after a bulk load: the planner's statistics.
            connection.execute(text("ANALYZE"))
    return Generated(
        network_id,
        key,
        members,
        referrals,
        len(event_rows),
        len(feedback_rows),
        now,
        "U1",
    )
