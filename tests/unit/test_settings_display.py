"""Settings read in the network's language: labels and values, never keys and codes."""

from __future__ import annotations

import pytest

from core.shared.tenancy import SETTINGS
from tests.driver import Bot

# A value each setting accepts, as an admin would type it.
SAMPLES = {
    "name": "Club Affaires Lyon",
    "locale": "en",
    "currency": "CHF",
    "timezone": "Europe/Paris",
    "charter-required": "off",
    "followup-days": "1",
    "charter-reminder": "friday 17:30",
    "announcements-channel": "general",
    "recruiters-channel": "recruiters",
    "exclusivity": "off",
    "experienced-days": "90",
    "interview-days": "5",
    "site-visit": "on",
    "vote-days": "10",
    "quorum": "2/3",
    "threshold": "3/4",
    "contact-retention-months": "12",
    "correction-days": "15",
    "payment-days": "45",
    "uninstalled-retention-days": "7",
    "asks-day": "lundi 8h",
    "ask-weeks": "2",
    "checkin-minutes": "45",
    "absences-allowed": "2",
    "absence-window-months": "3",
    "visitor-retention-months": "3",
    "engagement-months": "12",
    "grace-days": "30",
    "weight-attendance": "2",
    "weight-referrals": "4",
    "weight-visitors": "0",
    "weight-quality": "1",
    "pairing-weeks": "3",
    "pairing-months": "4",
}


def french() -> Bot:
    bot = Bot()
    bot.ok("Alice", "network", "set locale fr")
    return bot


def test_every_setting_has_a_sample() -> None:
    assert set(SAMPLES) == set(SETTINGS)


@pytest.mark.parametrize("key", sorted(SETTINGS))
def test_every_change_is_confirmed_in_a_sentence_without_the_key(key: str) -> None:
    for locale in ("fr", "en"):
        bot = Bot()
        bot.ok("Alice", "network", f"set locale {locale}")
        said = bot.ok("Alice", "network", f"set {key} {SAMPLES[key]}").text
        assert key not in said and "{" not in said and said.endswith(".")
        if key == "locale":
            continue
        words = (
            ("désormais", "n'est plus", "ne sont plus") if locale == "fr" else (" now ", "longer")
        )
        assert any(word in said for word in words), said


def test_a_french_admin_sets_the_time_zone_with_french_words() -> None:
    bot = french()
    said = bot.ok("Alice", "network", "régler fuseau-horaire Europe/Paris").text
    assert said == "Le fuseau horaire est désormais Europe/Paris."
    assert bot.ok("Alice", "network", "set locale en").text == (
        "Apport now speaks English in this network."
    )
    assert bot.ok("Alice", "network", "set langue fr").text == (
        "Apport parle désormais français dans ce réseau."
    )


def test_a_schedule_typed_the_french_way_is_shown_the_french_way() -> None:
    bot = french()
    said = bot.ok("Alice", "network", 'régler rappel-charte "lundi 9h"').text
    assert said == "Une règle de la charte est désormais rappelée chaque lundi à 09:00."
    bot.ok("Alice", "network", "régler rappel-charte vendredi à 17 h 30")
    fields = {f.label: f.value for f in bot.ok("Bob", "network").fields}
    assert fields["Rappel de la charte (hebdomadaire)"] == "vendredi 17:30  (rappel-charte)"
    assert fields["Langue"] == "français  (langue)"
    assert fields["Jours avant de demander si le client a été bien servi"] == (
        "14 jours  (jours-suivi)"
    )
    assert fields["Canal des annonces"] == "aucun  (canal-annonces)"
    off = bot.ok("Alice", "network", "régler rappel-charte non").text
    assert off == "La charte n'est plus rappelée chaque semaine."


def test_an_english_network_reads_and_types_schedules_its_way() -> None:
    bot = Bot()
    said = bot.ok("Alice", "network", "set charter-reminder mon 09:00").text
    assert said == "A rule of the charter is now recalled every Monday at 09:00."
    bot.ok("Alice", "network", "set charter-reminder lundi 9h")  # French words work here too
    fields = {f.label: f.value for f in bot.ok("Alice", "network").fields}
    assert fields["Charter reminder (weekly)"] == "Monday 09:00  (charter-reminder)"
    assert fields["Days before asking whether the client was served well"].startswith("14 days")


def test_one_day_is_singular() -> None:
    bot = french()
    assert bot.ok("Alice", "network", "set followup-days 1").text.endswith("au bout de 1 jour.")
    bot.ok("Alice", "network", "set locale en")
    assert bot.ok("Alice", "network", "set vote-days 1").text == "A vote now stays open 1 day."
