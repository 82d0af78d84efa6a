"""The engagement light: how a member takes part in the club, over `engagement-months`.

Each indicator reads one thing (attendance, referrals given, visitors brought, the quality of
the work they received feedback on) into a `Reading`: its value, its goal, and whether the
goal is met, half met or missed. The light weighs the readings that apply, each by its
network setting. A member still in their first `grace-days` is grey: too new to judge.

The indicators are pure functions of `Inputs`; `core/meetings/engagement_report.py` reads the
inputs and lists the indicators in `INDICATORS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Engagement(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    GREY = "grey"


class Met(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


POINTS = {Met.YES: 1.0, Met.PARTLY: 0.5, Met.NO: 0.0}
GREEN_FROM = 0.75  # weighted share of points that makes the light green
AMBER_FROM = 0.4

ATTENDANCE_GOAL = 0.75  # share of meetings attended
REFERRALS_GOAL = 1.0  # referrals given per month
VISITORS_GOAL = 1.0  # visitors brought per quarter
QUALITY_GOAL = 4.0  # average feedback score out of 5


@dataclass(frozen=True)
class Inputs:
    """What one member did in the window (`months`: how long they were a member in it)."""

    months: float
    meetings: int = 0  # meetings held while they were a member
    attended: int = 0
    given: int = 0
    visitors: int = 0
    quality: float | None = None
    quality_count: int = 0


@dataclass(frozen=True)
class Reading:
    name: str  # the catalog key suffix: `engagement.<name>`
    met: Met | None  # None: nothing to judge yet (no meeting held, no score)
    weight: int
    value: float = 0.0
    goal: float = 0.0


def _met(value: float, goal: float, half: float) -> Met:
    return Met.YES if value >= goal else Met.PARTLY if value >= half else Met.NO


def attendance(inputs: Inputs, weight: int) -> Reading:
    if inputs.meetings == 0:
        return Reading("attendance", None, weight, goal=ATTENDANCE_GOAL)
    share = inputs.attended / inputs.meetings
    return Reading("attendance", _met(share, ATTENDANCE_GOAL, 0.5), weight, share, ATTENDANCE_GOAL)


def referrals(inputs: Inputs, weight: int) -> Reading:
    per_month = inputs.given / max(inputs.months, 1.0)
    met = _met(per_month, REFERRALS_GOAL, REFERRALS_GOAL / 2)
    return Reading("referrals", met, weight, per_month, REFERRALS_GOAL)


def visitors(inputs: Inputs, weight: int) -> Reading:
    per_quarter = inputs.visitors / max(inputs.months / 3, 1.0)
    met = _met(per_quarter, VISITORS_GOAL, VISITORS_GOAL / 2)
    return Reading("visitors", met, weight, float(inputs.visitors), VISITORS_GOAL)


def quality(inputs: Inputs, weight: int) -> Reading:
    if not inputs.quality_count or inputs.quality is None:
        return Reading("quality", None, weight, goal=QUALITY_GOAL)
    return Reading(
        "quality", _met(inputs.quality, QUALITY_GOAL, 3.0), weight, inputs.quality, QUALITY_GOAL
    )


def light(readings: Sequence[Reading], new_member: bool) -> Engagement:
    """Green, amber or red from the weighted readings that apply; grey for a new member, or
    when nothing applies."""
    judged = [r for r in readings if r.met is not None and r.weight > 0]
    if new_member or not judged:
        return Engagement.GREY
    total = sum(r.weight for r in judged)
    score = sum(POINTS[r.met] * r.weight for r in judged if r.met is not None) / total
    if score >= GREEN_FROM:
        return Engagement.GREEN
    return Engagement.AMBER if score >= AMBER_FROM else Engagement.RED
