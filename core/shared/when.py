"""A moment typed by a member, in the network's time zone, in English or French.

`parse_when` reads what people write in a chat: `tomorrow 10:00`, `2026-12-03 08:30`,
`03/12/2026 8h30`, `jeudi 8h30`, `demain 10h`, `next monday 9am`, `lundi prochain à 9h`,
`today 15:00`, `après-demain 14h`. A day without a time, or a moment already past, is refused
with the text as it was typed. `format_when` writes a moment back, with the day's name, in the
network's language.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.shared.errors import InvalidValue
from core.shared.text import fold

__all__ = ["format_when", "parse_duration", "parse_when"]

_WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(
    (
        ("monday", "mon", "lundi", "lun"),
        ("tuesday", "tue", "tues", "mardi", "mar"),
        ("wednesday", "wed", "mercredi", "mer"),
        ("thursday", "thu", "thur", "thurs", "jeudi", "jeu"),
        ("friday", "fri", "vendredi", "ven"),
        ("saturday", "sat", "samedi", "sam"),
        ("sunday", "sun", "dimanche", "dim"),
    )
):
    for _name in _names:
        _WEEKDAYS[_name] = _index

# Relative days, by how many days after today.
_RELATIVE: dict[str, int] = {
    "today": 0,
    "aujourd'hui": 0,
    "aujourdhui": 0,
    "tomorrow": 1,
    "demain": 1,
    "apres-demain": 2,
    "apres demain": 2,
    "day after tomorrow": 2,
}
# Words that carry nothing: `at 10:00`, `à 10h`, `le 3/12`, `next`, `prochain`.
_FILLER = {"at", "a", "on", "le", "the", "this", "ce", "next", "prochain", "prochaine"}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
_TIME = re.compile(r"^(\d{1,2})(?:(?::|h)(\d{2})?)?\s*(am|pm)?$")


def _time(text: str) -> time | None:
    match = _TIME.match(text)
    if match is None or (":" not in text and "h" not in text and not match[3]):
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[3] == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _date(words: list[str], today: date) -> date | None:
    """The day the words name, or None when they name none (or several)."""
    text = " ".join(words)
    if not text:
        return None
    if text in _RELATIVE:
        return today + timedelta(days=_RELATIVE[text])
    if text in _WEEKDAYS:
        ahead = (_WEEKDAYS[text] - today.weekday()) % 7
        return today + timedelta(days=ahead)
    if (match := _ISO.match(text)) is not None:
        return _real_date(int(match[1]), int(match[2]), int(match[3]))
    if (match := _DAY_MONTH.match(text)) is not None:
        year = today.year if match[3] is None else int(match[3])
        if year < 100:
            year += 2000
        found = _real_date(year, int(match[2]), int(match[1]))
        if found is not None and match[3] is None and found < today:
            found = _real_date(year + 1, int(match[2]), int(match[1]))
        return found
    return None


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_when(text: str, now: datetime, timezone: str) -> datetime:
    """The moment `text` names in `timezone`, in UTC; refused when unreadable or past.

    A weekday is the next one (today's when its time is still ahead)."""
    zone = ZoneInfo(timezone)
    folded = fold(text).replace("’", "'").replace(",", " ")
    words = [w for w in folded.split() if w not in _FILLER]
    # `10 h 30`, `3 pm`: glue a time's pieces back together.
    joined: list[str] = []
    for word in words:
        glued = word in ("am", "pm", "h") or re.fullmatch(r"h?\d{2}", word)
        if glued and joined and re.fullmatch(r"\d{1,2}(h|:)?|.*h", joined[-1]):
            joined[-1] += word
            continue
        joined.append(word)
    moment: time | None = None
    rest: list[str] = []
    for word in joined:
        found = _time(word) if moment is None else None
        if found is not None:
            moment = found
        else:
            rest.append(word)
    today = now.astimezone(zone).date()
    day = _date(rest, today)
    if day is None or moment is None:
        raise InvalidValue("error.invalid_when", value=text.strip(), concerns="when")
    local = datetime.combine(day, moment, zone)
    if local <= now.astimezone(zone) and " ".join(rest) in _WEEKDAYS:
        local = datetime.combine(day + timedelta(days=7), moment, zone)
    result = local.astimezone(UTC)
    if result <= now:
        raise InvalidValue("error.when_past", value=text.strip(), concerns="when")
    return result


_DAY_NAMES = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_MONTH_NAMES = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}


def format_when(moment: datetime, timezone: str, locale: str) -> str:
    """`Thursday 3 December 2026, 08:30` / `jeudi 3 décembre 2026 à 08:30`."""
    language = locale if locale in _DAY_NAMES else "en"
    local = moment.astimezone(ZoneInfo(timezone))
    day = _DAY_NAMES[language][local.weekday()]
    month = _MONTH_NAMES[language][local.month - 1]
    joiner = " à " if language == "fr" else ", "
    return f"{day} {local.day} {month} {local.year}{joiner}{local:%H:%M}"


_DURATION = re.compile(r"^(\d{1,3})\s*([a-z]+)$")
_UNITS: dict[str, int] = {
    "d": 1,
    "j": 1,
    "day": 1,
    "days": 1,
    "jour": 1,
    "jours": 1,
    "w": 7,
    "s": 7,
    "week": 7,
    "weeks": 7,
    "sem": 7,
    "semaine": 7,
    "semaines": 7,
    "m": 30,
    "month": 30,
    "months": 30,
    "mois": 30,
}


def parse_duration(text: str, longest_days: int = 366) -> timedelta:
    """`4w`, `10d`, `2m`, `3 semaines`, `15j`: a span of whole days, at most `longest_days`."""
    match = _DURATION.match(fold(text).strip())
    days = int(match[1]) * _UNITS[match[2]] if match and match[2] in _UNITS else 0
    if not 0 < days <= longest_days:
        raise InvalidValue("error.invalid_duration", value=text.strip(), concerns="duration")
    return timedelta(days=days)
