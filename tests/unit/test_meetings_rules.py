"""The pure rules of meetings: dates as members type them, the absence rule's steps, and the
engagement light."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.meetings import engagement
from core.meetings.dates import parse_day
from core.meetings.engagement import Engagement, Inputs, Met, Reading
from core.meetings.model import AbsenceStep, absence_step
from core.shared.errors import InvalidValue

SATURDAY = date(2025, 3, 1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-03-06", date(2025, 3, 6)),
        ("06/03", date(2025, 3, 6)),
        ("6/3/2025", date(2025, 3, 6)),
        ("6 mars", date(2025, 3, 6)),
        ("jeudi 6 mars", date(2025, 3, 6)),
        ("1er avril", date(2025, 4, 1)),
        ("March 6", date(2025, 3, 6)),
        ("thursday", date(2025, 3, 6)),
        ("jeudi", date(2025, 3, 6)),
        ("Thu", date(2025, 3, 6)),
        ("samedi", SATURDAY),
        ("today", SATURDAY),
        ("aujourd'hui", SATURDAY),
        ("demain", date(2025, 3, 2)),
        ("20 février", date(2025, 2, 20)),  # just past: this year's (a correction)
    ],
)
def test_dates_in_english_and_french(text: str, day: date) -> None:
    assert parse_day(text, SATURDAY) == day


def test_a_day_long_past_this_year_is_next_years() -> None:
    assert parse_day("15 janvier", date(2025, 6, 1)) == date(2026, 1, 15)


@pytest.mark.parametrize("text", ["next", "prochain", "prochaine", ""])
def test_next_means_the_next_meeting(text: str) -> None:
    assert parse_day(text, SATURDAY) is None


@pytest.mark.parametrize("text", ["someday", "31/02", "2025-13-01", "6 foo", "ma", "12345"])
def test_what_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(InvalidValue):
        parse_day(text, SATURDAY)


@given(st.integers(0, 20), st.integers(1, 10))
def test_each_absence_step_is_taken_once(absences: int, allowed: int) -> None:
    steps = [absence_step(n - 1, n, allowed) for n in range(1, absences + 1)]
    assert steps.count(AbsenceStep.REACHED) == (1 if absences >= allowed else 0)
    expected_warn = 1 if allowed > 1 and absences >= allowed - 1 else 0
    assert steps.count(AbsenceStep.WARN) == expected_warn


def test_the_example_of_the_club() -> None:
    """attendance 92% ✓, referrals 1.5 per month ✓, visitors 0 ✗: green when the visitors
    weigh little, as the default weights say."""
    inputs = Inputs(months=6, meetings=25, attended=23, given=9, visitors=0)
    readings = [
        engagement.attendance(inputs, 3),
        engagement.referrals(inputs, 3),
        engagement.visitors(inputs, 1),
        engagement.quality(inputs, 2),
    ]
    assert [r.met for r in readings] == [Met.YES, Met.YES, Met.NO, None]
    assert engagement.light(readings, new_member=False) is Engagement.GREEN
    heavy_visitors = [*readings[:2], engagement.visitors(inputs, 6)]
    assert engagement.light(heavy_visitors, new_member=False) is Engagement.AMBER


def test_new_members_and_nothing_to_judge_are_grey() -> None:
    inputs = Inputs(months=1, meetings=4, attended=0)
    readings = [engagement.attendance(inputs, 3), engagement.referrals(inputs, 3)]
    assert engagement.light(readings, new_member=True) is Engagement.GREY
    assert engagement.light(readings, new_member=False) is Engagement.RED
    assert engagement.light([engagement.quality(inputs, 2)], new_member=False) is Engagement.GREY


@given(st.lists(st.tuples(st.sampled_from(list(Met)), st.integers(0, 10)), min_size=1, max_size=6))
def test_a_better_reading_never_lowers_the_light(found: list[tuple[Met, int]]) -> None:
    order = [Engagement.RED, Engagement.AMBER, Engagement.GREEN]
    readings = [Reading(f"r{i}", met, weight) for i, (met, weight) in enumerate(found)]
    before = engagement.light(readings, new_member=False)
    improved = [Reading(r.name, Met.YES, r.weight) if i == 0 else r for i, r in enumerate(readings)]
    after = engagement.light(improved, new_member=False)
    if before is Engagement.GREY:
        assert after in (Engagement.GREY, *order)
    else:
        assert order.index(after) >= order.index(before)
