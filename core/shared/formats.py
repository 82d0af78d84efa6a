"""Numbers, amounts and moments written the way each language writes them, through Babel.

Every figure a message shows goes through here: `12 000,50 €` and `€12,000.50`, `4,0` and
`4.0`, `42 %` and `42%`, `29/11/2026` and `Nov 29, 2026`, `lun. 30 nov. à 09:00` and
`Nov 30, 2026, 9:00 AM`, `il y a 3 jours` and `3 days ago`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_timedelta
from babel.numbers import format_currency, format_decimal, format_percent

CENT = Decimal("0.01")

# The Babel locale each network language is written in.
_LOCALES = {"en": "en_US", "fr": "fr_FR"}

# Date and time patterns (CLDR syntax) per language.
_DATE = {"en": "MMM d, y", "fr": "dd/MM/y"}
_MOMENT = {"en": "MMM d, y, h:mm a", "fr": "EEE d MMM y 'à' HH:mm"}
_MOMENT_THIS_YEAR = {"en": "MMM d, y, h:mm a", "fr": "EEE d MMM 'à' HH:mm"}


def babel_locale(locale: str) -> str:
    return _LOCALES.get(locale, _LOCALES["en"])


def _language(locale: str) -> str:
    return locale if locale in _LOCALES else "en"


@cache
def _whole_pattern(locale: str) -> str:
    """The locale's currency pattern without its cents (`#,##0 ¤`)."""
    pattern = Locale.parse(babel_locale(locale)).currency_formats["standard"].pattern
    return str(pattern.split(";")[0].replace(".00", ""))


def money(amount: Decimal, currency: str, locale: str) -> str:
    """`1 200 €` in French, `€1,200` in English; cents only when there are some."""
    value = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    where = babel_locale(locale)
    if value == value.to_integral_value():
        return format_currency(
            value, currency, format=_whole_pattern(locale), locale=where, currency_digits=False
        )
    return format_currency(value, currency, locale=where)


def number(value: int | float | Decimal, locale: str) -> str:
    """A count or a plain number: `1 234` in French, `1,234` in English."""
    return format_decimal(value, locale=babel_locale(locale))


def decimal(value: float | Decimal, locale: str, places: int = 1) -> str:
    """A score or an average with a fixed number of decimals: `4,0` in French."""
    pattern = "#,##0." + "0" * places if places else "#,##0"
    return format_decimal(value, format=pattern, locale=babel_locale(locale))


def percent(ratio: float | Decimal, locale: str) -> str:
    """A ratio (0.42) as a percentage: `42 %` in French, `42%` in English."""
    return format_percent(ratio, locale=babel_locale(locale))


def day(moment: datetime | date, locale: str, timezone: str = "UTC") -> str:
    """The day of a moment in the network's time zone: `29/11/2026`, `Nov 29, 2026`."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(ZoneInfo(timezone)).date()
    return format_date(moment, _DATE[_language(locale)], locale=babel_locale(locale))


def month(first_day: date, locale: str) -> str:
    """A month and its year, as a title: `novembre 2026`, `November 2026`."""
    return format_date(first_day, "LLLL y", locale=babel_locale(locale))


def moment(
    when: datetime, locale: str, timezone: str = "UTC", now: datetime | None = None
) -> str:
    """Day and time in the network's time zone: `lun. 30 nov. à 09:00`,
    `Nov 30, 2026, 9:00 AM`; French leaves out the year of the current year (`now`'s)."""
    zone = ZoneInfo(timezone)
    local = when.astimezone(zone)
    language = _language(locale)
    this_year = now is not None and now.astimezone(zone).year == local.year
    pattern = (_MOMENT_THIS_YEAR if this_year else _MOMENT)[language]
    return format_datetime(local, pattern, tzinfo=zone, locale=babel_locale(locale))


def ago(delta: timedelta, locale: str) -> str:
    """How long ago, in words: `il y a 3 jours`, `3 days ago`."""
    return format_timedelta(-delta, add_direction=True, locale=babel_locale(locale))
