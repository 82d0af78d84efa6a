"""The recruitment rules on their own: who interviews, and what the vote decides."""

from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.recruitment.model import (
    Ballot,
    Candidate,
    Tally,
    admitted,
    eligible_voters,
    pick_interviewers,
    profession_key,
    tally,
)
from core.shared.errors import InvalidValue
from core.shared.tenancy import Member, Role
from core.shared.text import parse_fraction

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def member(id_: int, *roles: Role, days: int = 10) -> Member:
    return Member(id_, 1, f"U{id_}", f"m{id_}", set(roles), NOW - timedelta(days=days))


def test_two_different_experienced_members_who_are_not_the_sponsor() -> None:
    members = [
        member(1, Role.EXPERIENCED),  # the sponsor
        member(2, Role.EXPERIENCED),
        member(3),  # new
        member(4, days=400),  # experienced by tenure
        member(5, Role.EXPERIENCED),
    ]
    picked = pick_interviewers(members, 1, NOW, 180, {})
    assert len(picked) == 2 and len(set(picked)) == 2
    assert 1 not in picked and 3 not in picked


def test_least_recently_assigned_first() -> None:
    members = [member(i, Role.EXPERIENCED) for i in (2, 3, 4)]
    last = {2: NOW - timedelta(days=1), 3: NOW - timedelta(days=30)}
    assert pick_interviewers(members, 1, NOW, 180, last) == [4, 3]


def test_fewer_than_two_eligible_gives_what_there_is() -> None:
    members = [member(1, Role.EXPERIENCED), member(2, Role.EXPERIENCED), member(3)]
    assert pick_interviewers(members, 1, NOW, 180, {}) == [2]


def test_the_sponsor_does_not_vote_and_only_recruiters_do() -> None:
    members = [member(1, Role.RECRUITER), member(2, Role.RECRUITER), member(3, Role.ADMIN)]
    candidate = Candidate(1, 1, 1, "Zoe", "plumber", "none", 1, NOW)
    assert eligible_voters(members, candidate) == [2]


@pytest.mark.parametrize(
    ("yes", "no", "abstain", "eligible", "expected"),
    [
        (2, 0, 0, 2, True),
        (2, 1, 0, 3, True),  # exactly two thirds
        (1, 1, 0, 2, False),  # half is not two thirds
        (1, 0, 0, 3, False),  # turnout 1/3 below the half quorum
        (1, 0, 1, 4, True),  # quorum reached by abstention; threshold counts yes and no only
        (0, 0, 2, 2, False),  # only abstentions: no decision for
        (0, 0, 0, 0, False),  # nobody can vote
    ],
)
def test_quorum_and_threshold_edges(
    yes: int, no: int, abstain: int, eligible: int, expected: bool
) -> None:
    result = Tally(yes, no, abstain, eligible)
    assert admitted(result, Fraction(1, 2), Fraction(2, 3)) is expected


@given(
    yes=st.integers(0, 30),
    no=st.integers(0, 30),
    abstain=st.integers(0, 30),
    extra=st.integers(0, 30),
)
def test_one_more_yes_never_turns_an_admission_into_a_rejection(
    yes: int, no: int, abstain: int, extra: int
) -> None:
    eligible = yes + no + abstain + extra + 1
    before = admitted(Tally(yes, no, abstain, eligible), Fraction(1, 2), Fraction(2, 3))
    after = admitted(Tally(yes + 1, no, abstain, eligible), Fraction(1, 2), Fraction(2, 3))
    assert after or not before


def test_ballots_of_people_no_longer_eligible_do_not_count() -> None:
    candidate = Candidate(
        1, 1, 1, "Zoe", "plumber", "none", 1, NOW, votes={2: Ballot.YES, 3: Ballot.NO, 9: Ballot.NO}
    )
    assert tally(candidate, [2, 3]) == Tally(1, 1, 0, 2)


def test_professions_match_across_case_accents_and_plurals() -> None:
    assert profession_key("Expert-Comptable") == profession_key("expert comptables")
    assert profession_key("Plombier ") == profession_key("PLOMBIERS")
    assert profession_key("plumber") != profession_key("electrician")


@pytest.mark.parametrize(
    ("text", "value"),
    [("2/3", Fraction(2, 3)), ("60%", Fraction(3, 5)), ("0,5", Fraction(1, 2)), ("1", Fraction(1))],
)
def test_shares_parse(text: str, value: Fraction) -> None:
    assert parse_fraction(text) == value


@pytest.mark.parametrize("text", ["0", "3/2", "abc", "1/0", "-1/2", "150%"])
def test_bad_shares_are_refused(text: str) -> None:
    with pytest.raises(InvalidValue):
        parse_fraction(text)
