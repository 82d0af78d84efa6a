"""A pairing round, as a pure function: who meets whom, and why.

`pair(people, history, since, seed)` puts every member given into a pair with someone they
have not been paired or met with since `since`. It prefers complementary partners: members of
different trades whose keywords overlap (they serve the same kind of client) or who have had
referrals about the same clients; and it pairs new members first, with experienced ones. An odd
member joins a pair as a third. A member with no fresh partner left is set aside rather than
paired again with someone they already met.

Given the same arguments (the seed included) it returns the same round.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

Pair = frozenset[int]

# How much each kind of closeness weighs when choosing a partner.
SHARED_WORD = 2.0
SHARED_CLIENT = 3.0
NEW_WITH_EXPERIENCED = 1.5


@dataclass(frozen=True)
class Person:
    """A member as a round sees them."""

    member_id: int
    trade: frozenset[str] = frozenset()  # the profession's word stems
    words: Mapping[str, str] = field(default_factory=dict)  # keyword stem -> word as written
    new: bool = False  # joined recently: paired with an experienced member first


@dataclass(frozen=True)
class Met:
    """Two members paired (or who met) at a moment."""

    a: int
    b: int
    at: datetime


class Why(StrEnum):
    WORDS = "words"  # they serve the same kind of client (`words` says which)
    CLIENTS = "clients"  # referrals about the same clients
    WELCOME = "welcome"  # a new member with an experienced one
    FRESH = "fresh"  # only that they have not met yet


@dataclass(frozen=True)
class Reason:
    why: Why
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    members: tuple[int, ...]  # two, or three when the round was odd
    reason: Reason


@dataclass(frozen=True)
class Round:
    groups: tuple[Group, ...]
    left_out: tuple[int, ...]  # no fresh partner among the members left


def _key(a: int, b: int) -> Pair:
    return frozenset((a, b))


def _reason(one: Person, other: Person, shared_clients: Mapping[Pair, int]) -> Reason:
    if not one.trade & other.trade:
        common = sorted(set(one.words) & set(other.words))
        if common:
            return Reason(Why.WORDS, tuple(one.words[stem] for stem in common[:2]))
    if shared_clients.get(_key(one.member_id, other.member_id), 0):
        return Reason(Why.CLIENTS)
    if one.new != other.new:
        return Reason(Why.WELCOME)
    return Reason(Why.FRESH)


def _score(one: Person, other: Person, shared_clients: Mapping[Pair, int]) -> float:
    score = 0.0
    if not one.trade & other.trade:  # the same trade competes for clients rather than shares
        score += SHARED_WORD * len(set(one.words) & set(other.words))
    score += SHARED_CLIENT * shared_clients.get(_key(one.member_id, other.member_id), 0)
    if one.new != other.new:
        score += NEW_WITH_EXPERIENCED
    return score


def pair(
    people: Iterable[Person],
    history: Iterable[Met],
    since: datetime,
    seed: int,
    shared_clients: Mapping[Pair, int] | None = None,
) -> Round:
    """The round: pairs (and at most one trio per member left over) that repeat no pair met
    since `since`; every person is in exactly one group or left out."""
    clients = shared_clients or {}
    everyone = {p.member_id: p for p in people}
    seen = {_key(m.a, m.b) for m in history if m.at >= since and m.a != m.b}
    rng = random.Random(seed)

    def fresh(a: int, b: int) -> bool:
        return a != b and _key(a, b) not in seen

    ids = sorted(everyone)
    # Every fresh pair, closest first (a random order among equals, drawn from the seed).
    edges = [
        (_score(everyone[a], everyone[b], clients), rng.random(), a, b)
        for i, a in enumerate(ids)
        for b in ids[i + 1 :]
        if fresh(a, b)
    ]
    edges.sort(reverse=True)
    paired: set[int] = set()
    pairs: list[list[int]] = []
    for _, _, a, b in edges:
        if a not in paired and b not in paired:
            paired.update((a, b))
            pairs.append([a, b])
    order = [member for member in ids if member not in paired]
    rng.shuffle(order)
    left = sorted(order, key=lambda member: not everyone[member].new)
    # A member left over joins a pair both of whose members are fresh to them.
    still_left: list[int] = []
    for member in left:
        open_pairs = [
            group for group in pairs if len(group) == 2 and all(fresh(member, o) for o in group)
        ]
        if not open_pairs:
            still_left.append(member)
            continue
        best_group = max(
            open_pairs,
            key=lambda group: sum(_score(everyone[member], everyone[o], clients) for o in group),
        )
        best_group.append(member)
    groups = []
    for group in pairs:
        first, second = everyone[group[0]], everyone[group[1]]
        groups.append(Group(tuple(group), _reason(first, second, clients)))
    return Round(tuple(groups), tuple(sorted(still_left)))


def pairs_of(group: Group) -> list[tuple[int, int]]:
    """Every two members of a group who meet: one pair, or the three of a trio."""
    members = group.members
    return [
        (members[i], members[j]) for i in range(len(members)) for j in range(i + 1, len(members))
    ]
