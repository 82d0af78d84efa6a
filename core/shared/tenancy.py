"""Networks (tenants) and their settings; members and their roles."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.shared.errors import InvalidValue
from core.shared.schedule import parse_weekly
from core.shared.text import parse_bounded_int, parse_fraction

LOCALES = ("en", "fr")


class Role(StrEnum):
    ADMIN = "admin"
    RECRUITER = "recruiter"
    EXPERIENCED = "experienced"
    MEMBER = "member"
    SECRETARY = "secretary"  # keeps the meetings' attendance


GRANTABLE_ROLES = (Role.ADMIN, Role.RECRUITER, Role.EXPERIENCED, Role.SECRETARY)


@dataclass
class Network:
    id: int
    key: str
    name: str
    locale: str
    currency: str = "EUR"
    timezone: str = "Europe/Paris"
    charter_required: bool = True
    created_at: datetime | None = None
    followup_days: int = 14
    charter_reminder: str = "mon 09:00"  # a weekly schedule, or "off"
    charter_reminder_index: int = 0  # which rule the next reminder shows
    announcements_channel: str = ""  # platform channel id
    recruiters_channel: str = ""
    exclusivity: bool = True  # one member per profession, as in BNI chapters
    experienced_days: int = 180  # membership that makes an interviewer without the role
    interview_days: int = 7  # an interviewer whose report is not in by then is reminded
    site_visit: bool = False  # the vote waits for one visit at the candidate's workplace
    vote_days: int = 7
    quorum: str = "1/2"  # of eligible recruiters who must vote
    threshold: str = "2/3"  # of yes among yes + no
    contact_retention_months: int = 24  # after a referral closes, its client contact is erased
    correction_days: int = 30  # after a win, the receiver may correct its amount this long
    payment_days: int = 30  # a commission unpaid this long reminds the receiver; twice, the admins
    # When the app was removed from the workspace or server (None while installed), and how
    # long its data is kept after that, in case it comes back.
    uninstalled_at: datetime | None = None
    uninstalled_retention_days: int = 30
    asks_day: str = "mon 08:00"  # when the week's asks are posted (weekly schedule), or "off"
    ask_weeks: int = 1  # an ask stays current this many weeks
    # Meetings and visitors (core/meetings/).
    meeting_schedule: str = "off"  # the weekly meeting (`thu 07:30`), set by `/meeting schedule`
    meeting_place: str = ""  # where it is held, or its link
    checkin_minutes: int = 60  # how long the "I'm here" button stays open from the start
    absences_allowed: int = 3  # absences (medical and substitutes aside) in the window
    absence_window_months: int = 6
    visitor_retention_months: int = 6  # after the visit, a visitor's contact is erased
    engagement_months: int = 6  # the engagement light's window
    grace_days: int = 60  # a member this new has a grey light
    weight_attendance: int = 3  # how much each indicator weighs in the engagement light
    weight_referrals: int = 3
    weight_visitors: int = 1
    weight_quality: int = 2
    pairing_weeks: str = "2"  # weeks between pairing rounds, or "off"
    pairing_months: int = 6  # a pair that met within this many months is not paired again


@dataclass
class Member:
    id: int
    network_id: int
    external_id: str
    display_name: str
    roles: set[Role] = field(default_factory=set)
    joined_at: datetime | None = None
    profession: str = ""

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles


def _locale(value: str) -> str:
    value = value.strip().lower()
    if value not in LOCALES:
        raise InvalidValue("error.invalid_choice", value=value, choices=", ".join(LOCALES))
    return value


def _currency(value: str) -> str:
    value = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise InvalidValue("error.invalid_currency", value=value)
    return value


def _timezone(value: str) -> str:
    value = value.strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder: OSError
        raise InvalidValue("error.invalid_timezone", value=value) from None
    return value


def _flag(value: str) -> bool:
    folded = value.strip().lower()
    if folded in ("on", "yes", "true", "1", "oui"):
        return True
    if folded in ("off", "no", "false", "0", "non"):
        return False
    raise InvalidValue("error.invalid_choice", value=value, choices="on, off")


def _days(value: str) -> int:
    return parse_bounded_int(value, 1, 365, "error.invalid_days")


def _months(value: str) -> int:
    return parse_bounded_int(value, 1, 120, "error.invalid_months")


def _weeks(value: str) -> int:
    return parse_bounded_int(value, 1, 52, "error.invalid_ask_weeks")
def _weeks_or_off(value: str) -> str:
    folded = value.strip().lower()
    if folded in ("off", "none", "non", "aucun", "0"):
        return "off"
    return str(parse_bounded_int(value, 1, 52, "error.invalid_weeks"))


def _schedule(value: str) -> str:
    weekly = parse_weekly(value)
    return str(weekly) if weekly else "off"


def _channel(value: str) -> str:
    """A channel as the adapter read it (its id); `none` clears it."""
    value = value.strip()
    if value.lower() in ("none", "off", "-", "aucun"):
        return ""
    if not value or len(value) > 200 or " " in value:
        raise InvalidValue("error.invalid_channel", value=value[:200])
    return value


def _minutes(value: str) -> int:
    return parse_bounded_int(value, 5, 600, "error.invalid_minutes")


def _count(value: str) -> int:
    return parse_bounded_int(value, 1, 52, "error.invalid_count")


def _weight(value: str) -> int:
    return parse_bounded_int(value, 0, 10, "error.invalid_weight")


def _share(value: str) -> str:
    share = parse_fraction(value)
    return f"{share.numerator}/{share.denominator}"


def _name(value: str) -> str:
    value = " ".join(value.split())
    if not value or len(value) > 100:
        raise InvalidValue("error.invalid_name", value=value[:100])
    return value


@dataclass(frozen=True)
class Setting:
    attribute: str
    parse: Callable[[str], object]
    is_channel: bool = False  # the value names a channel: the adapter reads it first


# `/network set KEY VALUE`: the key users type, the attribute it sets, how the value is read.
# Keys are written with hyphens; `charter_required` is read as `charter-required`.
SETTINGS: dict[str, Setting] = {
    "name": Setting("name", _name),
    "locale": Setting("locale", _locale),
    "currency": Setting("currency", _currency),
    "timezone": Setting("timezone", _timezone),
    "charter-required": Setting("charter_required", _flag),
    "followup-days": Setting("followup_days", _days),
    "charter-reminder": Setting("charter_reminder", _schedule),
    "announcements-channel": Setting("announcements_channel", _channel, is_channel=True),
    "recruiters-channel": Setting("recruiters_channel", _channel, is_channel=True),
    "exclusivity": Setting("exclusivity", _flag),
    "experienced-days": Setting("experienced_days", _days),
    "interview-days": Setting("interview_days", _days),
    "site-visit": Setting("site_visit", _flag),
    "vote-days": Setting("vote_days", _days),
    "quorum": Setting("quorum", _share),
    "threshold": Setting("threshold", _share),
    "contact-retention-months": Setting("contact_retention_months", _months),
    "correction-days": Setting("correction_days", _days),
    "payment-days": Setting("payment_days", _days),
    "uninstalled-retention-days": Setting("uninstalled_retention_days", _days),
    "asks-day": Setting("asks_day", _schedule),
    "ask-weeks": Setting("ask_weeks", _weeks),
    "checkin-minutes": Setting("checkin_minutes", _minutes),
    "absences-allowed": Setting("absences_allowed", _count),
    "absence-window-months": Setting("absence_window_months", _months),
    "visitor-retention-months": Setting("visitor_retention_months", _months),
    "engagement-months": Setting("engagement_months", _months),
    "grace-days": Setting("grace_days", _days),
    "weight-attendance": Setting("weight_attendance", _weight),
    "weight-referrals": Setting("weight_referrals", _weight),
    "weight-visitors": Setting("weight_visitors", _weight),
    "weight-quality": Setting("weight_quality", _weight),
    "pairing-weeks": Setting("pairing_weeks", _weeks_or_off),
    "pairing-months": Setting("pairing_months", _months),
}
