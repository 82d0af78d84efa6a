"""Every message of both catalogs, filled in as core fills it in, reads as each language is
written: no placeholder left, no "(s)", no "-" standing for something missing, dates and amounts
the local way, and French with no English word and no "de" before a vowel."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from core.shared import formats
from core.shared.i18n import CATALOGS, EN, EN_PLURALS, FR, FR_PLURALS, PLURALS, Translator

COUNTS: tuple[int | Decimal, ...] = (0, 1, 2, Decimal("1234.5"))
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)

AMOUNTS = {"amount", "due", "paid", "old", "old_due", "balance", "due_to_me", "owed_by_me"}
DAYS = {"date", "won", "since"}
MOMENTS = {"at", "deadline", "time"}
# Names people gave: one that starts with a vowel and one with a mute h, so that French
# that would need "d'" or "qu'" before them shows.
NAMES = ("Élodie", "Hugo")
# Text a member wrote, ending with its own full stop.
NOTES = {"note", "reason", "comment", "notes", "detail", "pitch"}
NUMBERS = {
    "number", "n", "total", "version", "given", "expected", "answered", "received",
    "followups", "followups_answered", "yes", "no", "abstain", "eligible", "voted", "position",
    "length", "limit", "lost", "decided", "referrals", "commissions", "green", "amber",
    "red", "year", "hours", "months", "days", "turnout", "score", "average", "rate",
}  # fmt: skip

# Words that only English writes, looked for in French messages (commands and the keywords
# typed after them aside).
ENGLISH = re.compile(
    r"\b(the|and|with|from|your|you|referrals?|members|declined|accepted|cancelled|reason|"
    r"found|days|months|hours|setting|is|are|was|of|to|feedback|scores?)\b"
)
COMMAND = re.compile(r"/[a-z]+(?:\s+(?:N|[A-Z]+|[\d\u202f]+|[a-z-]+(?:\|[a-z-]+)+|[a-z-]+))*")
SETTING = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
CODE_BESIDE_AMOUNT = re.compile(r"\d[\s\u00a0\u202f]?(EUR|USD)\b|\b(EUR|USD)[\s\u00a0]?\d")
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
# "de oui" and "de haut" are right: "oui" and an aspirated h take no elision (a name's h is
# taken as mute).
ELISION = re.compile(r"\b(de|que|De|Que) (?!oui\b)(?=[aeiouyéèêàâîôûAEIOUYÉÈÊÀÂÎÔÛ]|H)")
PLURAL_SLIP = re.compile(r"\b1 (members|referrals|days|months|hours|scores|candidates)\b")


def names(template: str) -> set[str]:
    return {n for _, n, _, _ in string.Formatter().parse(template) if n}


def value(language: str, name: str, variant: int) -> str:
    quantity = COUNTS[variant % len(COUNTS)]
    if name in AMOUNTS:
        return formats.money(Decimal(quantity), "EUR", language)
    if name in DAYS:
        return formats.day(NOW - timedelta(days=30), language, "Europe/Paris")
    if name in MOMENTS:
        return formats.moment(NOW + timedelta(days=1), language, "Europe/Paris", NOW)
    if name in NOTES:
        return "Rappelé deux fois, sans réponse."
    if name in {"quorum", "threshold"}:
        return "2/3"
    if name in NUMBERS:
        return formats.number(quantity, language)
    if name == "client":
        return ("Hôtel du Parc", "Acme")[variant % 2]
    return NAMES[variant % 2]


def renderings(language: str) -> Iterator[tuple[str, str]]:
    t = Translator(language)
    for key, template in CATALOGS[language].items():
        for variant in range(len(COUNTS)):
            params = {n: value(language, n, variant) for n in names(template)}
            yield key, t(key, **params)
    for key, forms in PLURALS[language].items():
        wanted = set().union(*(names(f) for f in forms.values())) - {"count"}
        for variant, count in enumerate(COUNTS):
            params = {n: value(language, n, variant) for n in wanted}
            yield key, t.n(key, count, **params)


FRENCH = list(renderings("fr"))
ENGLISH_TEXTS = list(renderings("en"))


def test_every_message_is_rendered() -> None:
    assert len(FRENCH) == len(ENGLISH_TEXTS) > 4 * 500


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_placeholder_is_left_unfilled(language: str) -> None:
    texts = FRENCH if language == "fr" else ENGLISH_TEXTS
    assert [(k, s) for k, s in texts if re.search(r"\{\w*\}", s)] == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_message_stands_in_for_something_missing(language: str) -> None:
    texts = FRENCH if language == "fr" else ENGLISH_TEXTS
    assert [(k, s) for k, s in texts if "(s)" in s or "(-)" in s or ": -" in s] == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_dates_and_amounts_are_written_the_local_way(language: str) -> None:
    texts = FRENCH if language == "fr" else ENGLISH_TEXTS
    assert [(k, s) for k, s in texts if ISO_DATE.search(s)] == []
    assert [(k, s) for k, s in texts if CODE_BESIDE_AMOUNT.search(s)] == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_note_ending_with_a_full_stop_gets_no_second_one(language: str) -> None:
    texts = FRENCH if language == "fr" else ENGLISH_TEXTS
    assert [(k, s) for k, s in texts if DOUBLE_STOP.search(s)] == []


# The `other` form of a unit, which the code picks for counts above one ("14 days").
UNIT_FORMS = {"setting.days.other", "setting.months.other"}
# Counts that still reach the message as a bare number rather than through a plural form: the
# features that added them landed beside the plural catalogs. Each is to become a plural entry.
COUNTS_NOT_YET_PLURAL = {
    "asks.how_to_change",
    "engagement.title",
    "meeting.absence_limit_admins",
    "meeting.absence_warning",
    "meeting.absences_so_far",
}
# `{value}` is a duration there ("au bout de 14 jours"), never a name.
DURATIONS = {"setting.now.followup-days", "setting.now.interview-days", "setting.now.payment-days"}


def test_english_counts_agree() -> None:
    exempt = UNIT_FORMS | COUNTS_NOT_YET_PLURAL
    found = [(k, s) for k, s in ENGLISH_TEXTS if PLURAL_SLIP.search(s) and k not in exempt]
    assert found == []


def test_french_never_puts_de_or_que_before_a_vowel() -> None:
    assert [(k, s) for k, s in FRENCH if ELISION.search(s) and k not in DURATIONS] == []


def test_french_messages_have_no_english_word() -> None:
    # Setting keys (`correction-days`) are typed as they are: left out with the commands.
    found = [
        (k, m[0]) for k, s in FRENCH if (m := ENGLISH.search(SETTING.sub("", COMMAND.sub("", s))))
    ]
    assert found == []


def test_the_checks_catch_what_they_look_for() -> None:
    assert ELISION.search("une recommandation de Élodie")
    assert ELISION.search("de la part de Hugo")
    assert not ELISION.search("de la part de Bob, de haut en bas")
    assert ENGLISH.search(COMMAND.sub("", "marquée « declined »"))
    assert not ENGLISH.search(COMMAND.sub("", "tapez /referral 3 accepted MONTANT."))
    assert CODE_BESIDE_AMOUNT.search("12 000,50 EUR") and DOUBLE_STOP.search("Motif : ok..")
    assert not DOUBLE_STOP.search("Et puis...")


# The catalogs themselves: a French message for every English one, with the same placeholders.


def test_every_english_message_has_a_french_one() -> None:
    assert sorted(set(EN) - set(FR)) == [] and sorted(set(FR) - set(EN)) == []
    assert sorted(set(EN_PLURALS) - set(FR_PLURALS)) == []
    assert sorted(set(FR_PLURALS) - set(EN_PLURALS)) == []


@pytest.mark.parametrize("key", sorted(EN_PLURALS))
def test_plural_forms_fill_in_the_placeholders_of_english(key: str) -> None:
    english = set().union(*(names(f) for f in EN_PLURALS[key].values()))
    assert "count" in english
    assert {"one", "other"} <= set(EN_PLURALS[key]) and {"one", "other"} <= set(FR_PLURALS[key])
    for form in FR_PLURALS[key].values():
        assert names(form) == english
