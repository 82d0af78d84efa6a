"""Periods in the network's time, the digest's schedule, and the activity light's rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.stats.model import (
    Activity,
    Light,
    Month,
    PeriodKind,
    activity_window,
    chart_months,
    current_period,
    expected_given,
    month_bounds,
    next_digest,
    previous_month,
    verdict,
)

PARIS = "Europe/Paris"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_the_month_is_the_network_s_month() -> None:
    # 23:30 UTC on March 31 is already April 1 in Paris (summer time since March 30).
    period = current_period(PeriodKind.MONTH, utc(2025, 3, 31, 23, 30), PARIS)
    assert (period.first, period.months) == (Month(2025, 4), 1)
    assert period.start == utc(2025, 3, 31, 22)
    assert period.end == utc(2025, 4, 30, 22)
    assert current_period(PeriodKind.MONTH, utc(2025, 3, 31, 21), PARIS).first == Month(2025, 3)


def test_quarters_and_years() -> None:
    quarter = current_period(PeriodKind.QUARTER, utc(2025, 5, 15), PARIS)
    assert (quarter.first, quarter.last) == (Month(2025, 4), Month(2025, 6))
    assert quarter.start == utc(2025, 3, 31, 22) and quarter.end == utc(2025, 6, 30, 22)
    year = current_period(PeriodKind.YEAR, utc(2025, 5, 15), "America/New_York")
    assert year.start == utc(2025, 1, 1, 5) and year.end == utc(2026, 1, 1, 5)
    assert previous_month(utc(2025, 1, 10), PARIS).first == Month(2024, 12)


def test_months_add_up_across_years() -> None:
    assert Month(2025, 1).plus(-1) == Month(2024, 12)
    assert Month(2024, 12).plus(13) == Month(2026, 1)
    assert str(Month(2025, 3)) == "2025-03"


def test_the_chart_shows_twelve_months_none_before_the_network() -> None:
    period = current_period(PeriodKind.MONTH, utc(2025, 3, 10), PARIS)
    months = chart_months(period, None)
    assert len(months) == 12 and months[0] == Month(2024, 4) and months[-1] == Month(2025, 3)
    assert chart_months(period, utc(2025, 1, 20)) == [
        Month(2025, 1),
        Month(2025, 2),
        Month(2025, 3),
    ]
    assert chart_months(period, utc(2025, 3, 9)) == [Month(2025, 3)]
    bounds = month_bounds([Month(2025, 2), Month(2025, 3)], PARIS)
    assert bounds == [utc(2025, 1, 31, 23), utc(2025, 2, 28, 23), utc(2025, 3, 31, 22)]


@pytest.mark.parametrize(
    ("after", "due"),
    [
        # March 1, 2025 is a Saturday: the first working day is Monday the 3rd.
        (utc(2025, 2, 20), utc(2025, 3, 3, 8)),
        (utc(2025, 3, 3, 7, 59), utc(2025, 3, 3, 8)),
        # Strictly after: the next one is April 1st (a Tuesday), 09:00 summer time.
        (utc(2025, 3, 3, 8), utc(2025, 4, 1, 7)),
        # June 1st, 2025 is a Sunday.
        (utc(2025, 5, 20), utc(2025, 6, 2, 7)),
        (utc(2025, 12, 15), utc(2026, 1, 1, 8)),
    ],
)
def test_the_digest_comes_on_the_first_working_day_at_nine(after: datetime, due: datetime) -> None:
    assert next_digest(after, PARIS) == due


def test_the_digest_follows_the_network_s_time_zone() -> None:
    assert next_digest(utc(2025, 2, 20), "America/New_York") == utc(2025, 3, 3, 14)


NOW = utc(2025, 6, 1)
WINDOW = activity_window(NOW, followup_days=14, answer_days=3)


@pytest.mark.parametrize(
    ("activity", "light", "criteria"),
    [
        # Nothing given, nothing else to judge: red.
        (Activity(1), Light.RED, ("red", None, None, None)),
        # One a month, everything answered, good feedback: green.
        (
            Activity(1, 6, 4, 4, 2, 2, 4.5, 3),
            Light.GREEN,
            ("green", "green", "green", "green"),
        ),
        # Gives a little, answers, never gives feedback: amber (1 + 2 + 0) / 3 = 1.
        (Activity(1, 2, 5, 5, 4, 0), Light.AMBER, ("amber", "green", "red", None)),
        # Answers everything and is well rated but gives nothing: never green.
        (Activity(1, 0, 5, 5, 0, 0, 4.8, 5), Light.AMBER, ("red", "green", None, "green")),
        # Gives plenty but leaves half the referrals unanswered and is poorly rated: amber.
        (Activity(1, 8, 4, 2, 0, 0, 2.5, 2), Light.AMBER, ("green", "amber", None, "red")),
        # Gives once, answers little, gives no feedback, poorly rated: red.
        (Activity(1, 1, 4, 1, 3, 0, 2.0, 2), Light.RED, ("amber", "red", "red", "red")),
    ],
)
def test_the_traffic_light_rule(
    activity: Activity, light: Light, criteria: tuple[str | None, ...]
) -> None:
    judged = verdict(activity)
    assert judged.light is light
    assert tuple(c.value if c else None for c in judged.criteria.values()) == criteria


def test_newer_members_are_expected_one_referral_per_month_of_membership() -> None:
    assert expected_given(None, WINDOW) == 6
    assert expected_given(NOW - timedelta(days=400), WINDOW) == 6
    assert expected_given(NOW - timedelta(days=10), WINDOW) == 1
    assert expected_given(NOW - timedelta(days=65), WINDOW) == 3
    assert verdict(Activity(1, given=1), expected=1).criteria["given"] is Light.GREEN
    assert verdict(Activity(1, given=1), expected=6).criteria["given"] is Light.AMBER


def test_the_window_looks_six_months_back() -> None:
    assert WINDOW.since == NOW - timedelta(days=183)
    assert WINDOW.answer_before == NOW - timedelta(days=3)
    assert WINDOW.feedback_asked_before == NOW - timedelta(days=14)
