"""Pairing rounds: every `pairing-weeks`, each member not paused gets a partner to meet.

A round is a job in the outbox (like the charter reminders): it pairs the members with
`core.meets.pairing.pair`, writes each pair as a one-to-one waiting to be booked, tells each
member who they meet and why, with a button to book, and schedules the next round. The rounds
start once the network uses one-to-ones (a first `/meet` or `/meets`, or an admin setting
`pairing-weeks`); the first falls on the next Monday at 09:00, network time. Several bot
processes never run one twice.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from core.directory.model import tokens
from core.meets import cards
from core.meets.model import Meet, MeetState
from core.meets.pairing import Group, Person, Why, pair, pairs_of
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ports import UnitOfWork
from core.shared.schedule import Weekly
from core.shared.tenancy import Network, Role
from core.shared.ui import Reply
from core.shared.ui_codec import encode_reply

KIND = "meet.round"
SUBJECT = "pairing-round"
FIRST_ROUND = Weekly(0, time(9, 0))  # Monday 09:00, network time
MONTH = timedelta(days=30)


def weeks(network: Network) -> int:
    """Weeks between rounds; 0 when the rounds are off."""
    value = network.pairing_weeks
    return int(value) if value.isdigit() else 0


def _add(uow: UnitOfWork, network: Network, due: datetime) -> None:
    key = f"{SUBJECT}:{due:%Y-%m-%dT%H:%M}:{uuid.uuid4().hex[:12]}"
    uow.outbox.add(OutboxItem(network.id, KIND, due, {}, key=key, subject=SUBJECT))


def ensure_scheduled(uow: UnitOfWork, network: Network, now: datetime) -> None:
    """A round waits in the outbox whenever the rounds are on."""
    if weeks(network) and not uow.outbox.pending(network.id, SUBJECT):
        _add(uow, network, FIRST_ROUND.next_after(now, network.timezone))


def reschedule(uow: UnitOfWork, network: Network, now: datetime) -> None:
    """The setting changed: the next round follows it (none when off)."""
    uow.outbox.cancel(network.id, SUBJECT, (KIND,))
    ensure_scheduled(uow, network, now)


def _person(ctx: Context, member_id: int, joined: datetime | None, roles: set[Role]) -> Person:
    found = ctx.uow.directory.profiles(ctx.network.id, member_id)
    profile = found[0] if found else None
    trade = frozenset(t.stem for t in tokens(profile.profession)) if profile else frozenset()
    words: dict[str, str] = {}
    if profile is not None:
        for token in tokens(f"{profile.keywords} {profile.pitch}"):
            if token.stem not in trade:
                words.setdefault(token.stem, token.word)
    experienced_after = timedelta(days=ctx.network.experienced_days)
    new = (
        Role.EXPERIENCED not in roles
        and joined is not None
        and ctx.now - joined < experienced_after
    )
    return Person(member_id, trade, words, new)


def reason_text(ctx: Context, group: Group) -> str:
    reason = group.reason
    if reason.why is Why.WORDS:
        return ctx.t("pairing.why.words", words=", ".join(reason.words))
    return ctx.t(f"pairing.why.{reason.why.value}")


def run(ctx: Context, item: OutboxItem) -> None:
    """The round: pairs written as one-to-ones to book, each member told; then the next."""
    network = ctx.network
    every = weeks(network)
    if not every:
        return
    _add(ctx.uow, network, max(item.due_at, ctx.now) + timedelta(weeks=every))
    paused = ctx.uow.meets.paused(network.id, ctx.now)
    members = [m for m in ctx.uow.members.all(network.id) if m.id not in paused]
    people = [_person(ctx, m.id, m.joined_at, m.roles) for m in members]
    since = ctx.now - MONTH * network.pairing_months
    number = ctx.uow.meets.last_round(network.id) + 1
    made = pair(
        people,
        ctx.uow.meets.history(network.id, since),
        since,
        seed=network.id * 100_003 + number,
        shared_clients=ctx.uow.meets.shared_clients(network.id),
    )
    for group in made.groups:
        meets = []
        for a, b in pairs_of(group):
            meet = Meet(
                0,
                network.id,
                ctx.uow.meets.next_number(network.id),
                a,
                b,
                MeetState.PAIRED,
                ctx.now,
                round=number,
            )
            meets.append(ctx.uow.meets.add(meet))
        for member in group.members:
            _tell(ctx, item, member, number, group, [m for m in meets if m.is_party(member)])


def _tell(
    ctx: Context, item: OutboxItem, member: int, number: int, group: Group, meets: list[Meet]
) -> None:
    t = ctx.t
    others = [ctx.name(m.other(member)) for m in meets]
    key = "pairing.notice" if len(others) == 1 else "pairing.notice_trio"
    text = t(
        key,
        round=number,
        name=others[0],
        names=t("pairing.and", first=", ".join(others[:-1]), last=others[-1]),
        why=reason_text(ctx, group),
    )
    actions = tuple(
        cards.move_action(ctx, m, t("action.meet_book_with", name=ctx.name(m.other(member))))
        for m in meets
    )
    reply = Reply(
        text=text,
        actions=actions,
        footer=t("pairing.footer", meet=f"/{ctx.typed('meet')}", meets=f"/{ctx.typed('meets')}"),
    )
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            "meet.notice",
            ctx.now,
            {"reply": encode_reply(reply)},
            member_id=member,
            key=f"{item.key}:{member}",
        )
    )
