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
COMMON_WORD_FLOOR = 20  # a word held by more members than this and a quarter says nothing


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


def _close_pairs(
    everyone: Mapping[int, Person], clients: Mapping[Pair, int]
) -> dict[tuple[int, int], float]:
    """The pairs with something in common, and how much: found through the words they share
    (a word most members use says nothing and is left out) and their clients in common."""
    holders: dict[str, list[int]] = {}
    for member in sorted(everyone):
        for stem in everyone[member].words:
            holders.setdefault(stem, []).append(member)
    common = max(COMMON_WORD_FLOOR, len(everyone) // 4)
    close: dict[tuple[int, int], float] = {}
    for members in holders.values():
        if len(members) > common:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if not everyone[a].trade & everyone[b].trade:
                    close[a, b] = close.get((a, b), 0.0) + SHARED_WORD
    for pair_, count in clients.items():
        if len(pair_) == 2 and all(member in everyone for member in pair_):
            a, b = sorted(pair_)
            close[a, b] = close.get((a, b), 0.0) + SHARED_CLIENT * count
    for a, b in close:
        if everyone[a].new != everyone[b].new:
            close[a, b] += NEW_WITH_EXPERIENCED
    return close


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

    # First the closest pairs (a random order among equals, drawn from the seed).
    edges = [
        (score, rng.random(), a, b)
        for (a, b), score in sorted(_close_pairs(everyone, clients).items())
        if fresh(a, b)
    ]
    edges.sort(reverse=True)
    paired: set[int] = set()
    pairs: list[list[int]] = []
    for _, _, a, b in edges:
        if a not in paired and b not in paired:
            paired.update((a, b))
            pairs.append([a, b])
    # Then everyone else, new members first, each with an experienced member when one is free.
    waiting = [member for member in sorted(everyone) if member not in paired]
    rng.shuffle(waiting)
    waiting.sort(key=lambda member: not everyone[member].new)
    left: list[int] = []
    while waiting:
        member = waiting.pop(0)
        new = everyone[member].new
        partner = (
            next((o for o in waiting if everyone[o].new != new and fresh(member, o)), None)
            if new
            else None
        )
        if partner is None:
            partner = next((o for o in waiting if fresh(member, o)), None)
        if partner is None:
            left.append(member)
            continue
        waiting.remove(partner)
        pairs.append([member, partner])
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
