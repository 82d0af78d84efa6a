"""Pairing rounds as a pure function: no pair repeats within the window, everyone is covered,
and a seed gives the same round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from core.meets.pairing import Met, Person, Why, pair, pairs_of

NOW = datetime(2026, 6, 1, tzinfo=UTC)
SINCE = NOW - timedelta(days=180)


@st.composite
def rounds(draw: st.DrawFn) -> tuple[list[Person], list[Met], int]:
    ids = draw(st.lists(st.integers(1, 40), min_size=0, max_size=14, unique=True))
    words = st.dictionaries(st.sampled_from(["restaur", "hotel", "payroll", "shop"]), st.just("w"))
    people = [
        Person(
            member,
            frozenset(draw(st.sets(st.sampled_from(["account", "lawyer", "cater"]), max_size=1))),
            draw(words),
            draw(st.booleans()),
        )
        for member in ids
    ]
    history = []
    if len(ids) >= 2:
        for _ in range(draw(st.integers(0, 30))):
            a, b = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
            days = draw(st.integers(0, 400))
            history.append(Met(a, b, NOW - timedelta(days=days)))
    return people, history, draw(st.integers(0, 2**32))


def _recent(history: list[Met]) -> set[frozenset[int]]:
    return {frozenset((m.a, m.b)) for m in history if m.at >= SINCE}


@given(rounds())
def test_no_pair_met_within_the_window_is_paired_again(case: tuple) -> None:  # type: ignore[type-arg]
    people, history, seed = case
    made = pair(people, history, SINCE, seed)
    recent = _recent(history)
    for group in made.groups:
        for a, b in pairs_of(group):
            assert frozenset((a, b)) not in recent


@given(rounds())
def test_everyone_is_in_one_group_or_left_out_for_want_of_a_fresh_partner(case: tuple) -> None:  # type: ignore[type-arg]
    people, history, seed = case
    made = pair(people, history, SINCE, seed)
    placed = [m for g in made.groups for m in g.members] + list(made.left_out)
    assert sorted(placed) == sorted(p.member_id for p in people)
    assert all(len(g.members) in (2, 3) for g in made.groups)
    recent = _recent(history)
    left = made.left_out
    for i, a in enumerate(left):
        for b in left[i + 1 :]:
            assert frozenset((a, b)) in recent, "two members left out could have met"


@given(rounds())
def test_the_same_seed_gives_the_same_round(case: tuple) -> None:  # type: ignore[type-arg]
    people, history, seed = case
    assert pair(people, history, SINCE, seed) == pair(list(reversed(people)), history, SINCE, seed)


@given(st.integers(2, 25), st.integers(0, 2**32))
def test_without_history_nobody_is_left_out_and_only_an_odd_round_has_a_trio(
    count: int, seed: int
) -> None:
    made = pair([Person(i) for i in range(count)], [], SINCE, seed)
    assert made.left_out == ()
    trios = [g for g in made.groups if len(g.members) == 3]
    assert len(trios) == count % 2


def test_complementary_trades_meet_and_the_reason_says_why() -> None:
    people = [
        Person(1, frozenset({"account"}), {"restaur": "restaurants"}),
        Person(2, frozenset({"cater"}), {"restaur": "restaurants"}),
        Person(3, frozenset({"lawyer"}), {"divorc": "divorce"}),
        Person(4, frozenset({"plumb"}), {"bathroom": "bathrooms"}),
    ]
    made = pair(people, [], SINCE, seed=7)
    [ours] = [g for g in made.groups if 1 in g.members]
    assert set(ours.members) == {1, 2}
    assert ours.reason.why is Why.WORDS and ours.reason.words == ("restaurants",)


def test_the_same_trade_is_not_complementary_and_new_members_meet_experienced_ones() -> None:
    people = [
        Person(1, frozenset({"account"}), {"restaur": "restaurants"}, new=True),
        Person(2, frozenset({"account"}), {"restaur": "restaurants"}, new=True),
        Person(3, frozenset({"lawyer"})),
        Person(4, frozenset({"plumb"})),
    ]
    made = pair(people, [], SINCE, seed=1)
    for group in made.groups:
        assert {p.new for p in people if p.member_id in group.members} == {True, False}
        assert group.reason.why is Why.WELCOME
