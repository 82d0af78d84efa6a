"""Weekly schedules in a network's own time zone ("every Monday at 09:00")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.shared.errors import InvalidValue
from core.shared.keywords import fold

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FRENCH_DAYS = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")
# `mon 09:00`, `monday at 9:00`, `lundi 9h`, `lundi à 9 h 30`, `ven. 17h30`
_WEEKLY = re.compile(
    r"^(?P<day>[a-z]{3})[a-z]*\.?\s+(?:(?:at|a)\s+)?(?P<h>\d{1,2})\s*[:h]\s*(?P<m>\d{2})?$"
)


@dataclass(frozen=True)
class Weekly:
    weekday: int  # Monday is 0
    at: time

    def __str__(self) -> str:
        """How it is stored: `mon 09:00`."""
        return f"{DAYS[self.weekday]} {self.at:%H:%M}"

    def next_after(self, moment: datetime, timezone: str) -> datetime:
        """The first occurrence strictly after `moment`, in UTC."""
        zone = ZoneInfo(timezone)
        local = moment.astimezone(zone)
        days_ahead = (self.weekday - local.weekday()) % 7
        candidate_day = local.date() + timedelta(days=days_ahead)
        for extra in (0, 7, 14):
            candidate = datetime.combine(candidate_day + timedelta(days=extra), self.at, zone)
            if candidate > local:
                return candidate.astimezone(UTC)
        raise AssertionError("unreachable: a week always holds the next occurrence")


def parse_weekly(text: str) -> Weekly | None:
    """`mon 09:00`, `lundi 9h`, `friday 17:30`; `off` (or `non`) means no schedule."""
    folded = " ".join(fold(text).split())
    if folded in ("off", "none", "non", "aucun"):
        return None
    match = _WEEKLY.match(folded)
    if match is None:
        raise InvalidValue("error.invalid_schedule", value=text)
    day = match["day"]
    weekday = (
        DAYS.index(day) if day in DAYS else (_FRENCH_DAYS.index(day) if day in _FRENCH_DAYS else -1)
    )
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if weekday < 0 or hour > 23 or minute > 59:
        raise InvalidValue("error.invalid_schedule", value=text)
    return Weekly(weekday, time(hour, minute))
