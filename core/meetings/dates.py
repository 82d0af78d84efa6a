"""Meeting days as members type them, in English or French.

`2025-03-06`, `06/03`, `6/3/2025`, `6 mars`, `march 6`, `thursday`, `jeudi`, `today`,
`aujourd'hui`, `tomorrow`, `demain`, `next`, `prochain`: each names one local day. A weekday
alone is the next such day (today included).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from core.shared.errors import InvalidValue
from core.shared.text import fold

_MONTHS = {
    **{
        name: i
        for i, name in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            start=1,
        )
    },
    **{
        name: i
        for i, name in enumerate(
            [
                "janvier",
                "fevrier",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "aout",
                "septembre",
                "octobre",
                "novembre",
                "decembre",
            ],
            start=1,
        )
    },
}
_WEEKDAYS = {
    **{
        name: i
        for i, name in enumerate(
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        )
    },
    **{
        name: i
        for i, name in enumerate(
            ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        )
    },
}
_TODAY = {"today", "aujourd'hui", "aujourdhui", "auj"}
_TOMORROW = {"tomorrow", "demain"}
NEXT_WORDS = {"next", "prochain", "prochaine", ""}


def _month(word: str) -> int | None:
    word = word.rstrip(".")
    if len(word) < 3:
        return None
    found = [number for name, number in _MONTHS.items() if name.startswith(word)]
    return found[0] if len(set(found)) == 1 else None


def _weekday(word: str) -> int | None:
    word = word.rstrip(".")
    if len(word) < 3:
        return None
    found = {number for name, number in _WEEKDAYS.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def _day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidValue("error.meeting_bad_date", value=text) from None


def _near(today: date, month: int, day: int, text: str) -> date:
    """A day without its year: this year's, or next year's when it is more than two months past."""
    found = _day(today.year, month, day, text)
    if found < today - timedelta(days=62):
        found = _day(today.year + 1, month, day, text)
    return found


def parse_day(text: str, today: date) -> date | None:
    """The local day `text` names; None for "next" (the caller's next meeting). Raises
    `InvalidValue` when it reads as no day."""
    folded = fold(text).replace("’", "'").strip()
    words = folded.replace(",", " ").split()
    if folded in NEXT_WORDS:
        return None
    if folded in _TODAY:
        return today
    if folded in _TOMORROW:
        return today + timedelta(days=1)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", folded)
    if iso:
        return _day(int(iso[1]), int(iso[2]), int(iso[3]), text)
    slashed = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?", folded)
    if slashed:
        day, month = int(slashed[1]), int(slashed[2])
        if slashed[3]:
            year = int(slashed[3])
            return _day(year + 2000 if year < 100 else year, month, day, text)
        return _near(today, month, day, text)
    words = [w for w in words if w not in ("le", "the", "on")]
    if words and _weekday(words[0]) is not None and len(words) > 1:
        words = words[1:]  # "jeudi 6 mars", "thursday march 6"
    if len(words) == 1 and (weekday := _weekday(words[0])) is not None:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    words = [w.removesuffix("er") if w[:-2].isdigit() else w for w in words]  # "1er mars"
    if len(words) in (2, 3):
        given_year = int(words[2]) if len(words) == 3 and words[2].isdigit() else None
        if len(words) == 3 and given_year is None:
            raise InvalidValue("error.meeting_bad_date", value=text)
        first, second = words[0], words[1]
        day_word, month_word = (first, second) if first.isdigit() else (second, first)
        named = _month(month_word)
        if not day_word.isdigit() or len(day_word) > 2 or named is None:
            raise InvalidValue("error.meeting_bad_date", value=text)
        if given_year is not None:
            return _day(given_year, named, int(day_word), text)
        return _near(today, named, int(day_word), text)
    raise InvalidValue("error.meeting_bad_date", value=text)


def is_weekday(text: str) -> bool:
    """`text` is a weekday alone (`jeudi`, `thu`)."""
    words = fold(text).split()
    return len(words) == 1 and _weekday(words[0]) is not None
