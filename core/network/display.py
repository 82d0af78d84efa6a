"""The network's settings as a member reads them, in the network's language: `français` rather
than `fr`, `lundi 09:00` rather than `mon 09:00`, `14 jours`, and a sentence per setting that
confirms a change ("Le fuseau horaire est désormais Europe/Paris.").

The message keys are listed here in full, so a translator's tool finds every one."""

from __future__ import annotations

from core.shared.context import Context
from core.shared.i18n import Translator
from core.shared.keywords import choice_key, shown
from core.shared.schedule import parse_weekly
from core.shared.tenancy import SETTINGS

# The sentence that confirms a new value, for the settings that take one.
_NOW = {
    "name": "setting.now.name",
    "locale": "setting.now.locale",
    "currency": "setting.now.currency",
    "timezone": "setting.now.timezone",
    "followup-days": "setting.now.followup-days",
    "charter-reminder": "setting.now.charter-reminder",
    "announcements-channel": "setting.now.announcements-channel",
    "recruiters-channel": "setting.now.recruiters-channel",
    "experienced-days": "setting.now.experienced-days",
    "interview-days": "setting.now.interview-days",
    "vote-days": "setting.now.vote-days",
    "quorum": "setting.now.quorum",
    "threshold": "setting.now.threshold",
    "contact-retention-months": "setting.now.contact-retention-months",
    "correction-days": "setting.now.correction-days",
    "payment-days": "setting.now.payment-days",
}
# The sentences for a switch turned on, or off (or a channel or schedule cleared).
_ON = {
    "charter-required": "setting.now.charter-required.on",
    "exclusivity": "setting.now.exclusivity.on",
    "site-visit": "setting.now.site-visit.on",
}
_OFF = {
    "charter-required": "setting.now.charter-required.off",
    "exclusivity": "setting.now.exclusivity.off",
    "site-visit": "setting.now.site-visit.off",
    "charter-reminder": "setting.now.charter-reminder.off",
    "announcements-channel": "setting.now.announcements-channel.off",
    "recruiters-channel": "setting.now.recruiters-channel.off",
}
# Settings counted in days or months, written with their unit: (one, other).
_DAYS = ("setting.days.one", "setting.days.other")
_MONTHS = ("setting.months.one", "setting.months.other")
_UNITS = {
    "followup-days": _DAYS,
    "experienced-days": _DAYS,
    "interview-days": _DAYS,
    "vote-days": _DAYS,
    "correction-days": _DAYS,
    "payment-days": _DAYS,
    "contact-retention-months": _MONTHS,
    "uninstalled-retention-days": _DAYS,
    "absence-window-months": _MONTHS,
    "visitor-retention-months": _MONTHS,
    "engagement-months": _MONTHS,
    "grace-days": _DAYS,
    "pairing-months": _MONTHS,
    "ask-weeks": ("setting.weeks.one", "setting.weeks.other"),
}
# Weekly schedules, shown with the day's name in the network's language.
_SCHEDULES = ("charter-reminder", "asks-day")
_LANGUAGES = {"en": "setting.language.en", "fr": "setting.language.fr"}
WEEKDAYS = (
    "weekday.0",
    "weekday.1",
    "weekday.2",
    "weekday.3",
    "weekday.4",
    "weekday.5",
    "weekday.6",
)


def _count(t: Translator, unit: tuple[str, str], n: int) -> str:
    one = n == 1 or (t.locale == "fr" and n == 0)  # French counts 0 as one
    return t(unit[0] if one else unit[1], n=n)


def schedule(t: Translator, stored: str) -> str:
    """A weekly schedule as the language writes it (`lundi 09:00`, `Monday 09:00`)."""
    weekly = parse_weekly(stored)
    if weekly is None:
        return t("value.off")
    return t("setting.schedule", day=t(WEEKDAYS[weekly.weekday]), time=f"{weekly.at:%H:%M}")


def value(ctx: Context, key: str) -> str:
    """The setting's value, in the network's language."""
    t = ctx.t
    raw = getattr(ctx.network, SETTINGS[key].attribute)
    if isinstance(raw, bool):
        return t("value.on") if raw else t("value.off")
    if key in _UNITS:
        return _count(t, _UNITS[key], int(raw))
    if key == "locale" and raw in _LANGUAGES:
        return t(_LANGUAGES[raw])
    if key in _SCHEDULES:
        return schedule(t, str(raw))
    return str(raw) if raw != "" else t("setting.none")


def key_spelled(ctx: Context, key: str) -> str:
    """The key as the network's language types it (`fuseau-horaire`)."""
    return shown(choice_key("network", "key", key), key, ctx.network.locale)


def changed(ctx: Context, key: str) -> str:
    """The sentence that confirms the setting's new value."""
    t = ctx.t
    raw = getattr(ctx.network, SETTINGS[key].attribute)
    if isinstance(raw, bool):
        return t(_ON[key] if raw else _OFF[key])
    if key == "charter-reminder":
        weekly = parse_weekly(str(raw))
        if weekly is None:
            return t(_OFF[key])
        day = t(WEEKDAYS[weekly.weekday])
        return t(_NOW[key], day=day, time=f"{weekly.at:%H:%M}")
    if SETTINGS[key].is_channel and raw == "":
        return t(_OFF[key])
    if key not in _NOW:  # a setting with no sentence of its own: its label and new value
        return t("setting.now.other", label=t(f"setting.{key}"), value=value(ctx, key))
    return t(_NOW[key], value=value(ctx, key))
