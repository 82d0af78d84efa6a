"""French keywords: every verb, choice and option has a French spelling, accepted in every
network beside the English one, and none stands for two words of one command."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.commands import COMMANDS, Command, parse
from core.shared.i18n import CATALOGS
from core.shared.keywords import (
    choice_key,
    command_key,
    fold,
    option_key,
    resolve,
    spellings,
    verb_key,
)
from core.shared.ui import InputKind
from tests.driver import Bot

# Discord's rule for command, subcommand and option names, which the keywords become there.
DISCORD_NAME = re.compile(r"^[-_\w]{1,32}$")


def declared() -> Iterator[tuple[str, str]]:
    """(catalog key, declared word) of every keyword the declarations use."""
    seen: set[str] = set()
    for command in COMMANDS.values():
        yield command_key(command.name), command.name
        for verb in command.verbs:
            if verb.name:
                yield verb_key(command.name, verb.name), verb.name
            for param in verb.params:
                if param.name not in seen:
                    seen.add(param.name)
                    yield option_key(param.name), param.name
                for choice in param.choices:
                    if not choice.isdigit():  # numbers read the same in every language
                        yield choice_key(command.name, param.name, choice), choice
    yield option_key("text"), "text"
    yield "kw.verbless.show", "show"  # Discord's name for a group's verb-less subcommand
    yield "kw.verbless.new", "new"


def test_every_keyword_has_an_english_and_a_french_spelling() -> None:
    expected = dict(declared())
    english = {k: v for k, v in CATALOGS["en"].items() if k.startswith("kw.")}
    french = {k: v for k, v in CATALOGS["fr"].items() if k.startswith("kw.")}
    assert expected == english, "the English catalog lists each declared word as itself"
    assert set(french) == set(expected), "the French catalog has the same keyword keys"
    for key in expected:
        assert spellings(key, "fr"), f"{key} has no French spelling"


def _words_of(command: Command) -> dict[str, list[tuple[str, str]]]:
    """The groups of words typed at one place of a command, which must stay apart."""
    groups: dict[str, list[tuple[str, str]]] = {
        "verbs": [(verb_key(command.name, v.name), v.name) for v in command.verbs if v.name]
    }
    verbless = command.verb("")
    if verbless is not None and verbless.params and not command.number_first:
        first = verbless.params[0]
        if first.kind is InputKind.CHOICE:  # `/stats mois` is read after the verbs are tried
            groups["verbs"] += [(choice_key(command.name, first.name, c), c) for c in first.choices]
    for verb in command.verbs:
        for param in verb.params:
            if param.choices:
                groups[param.name] = [
                    (choice_key(command.name, param.name, c), c) for c in param.choices
                ]
    return groups


@pytest.mark.parametrize("command", list(COMMANDS.values()), ids=lambda c: c.name)
def test_no_keyword_stands_for_two_words_of_one_command(command: Command) -> None:
    for group, words in _words_of(command).items():
        meaning: dict[str, str] = {}
        for key, word in words:
            for locale in CATALOGS:
                for spelling in (word, *spellings(key, locale)):
                    folded = fold(spelling)
                    assert meaning.setdefault(folded, word) == word, (
                        f"/{command.name} {group}: {spelling!r} means both "
                        f"{meaning[folded]!r} and {word!r}"
                    )


def test_discord_names_are_valid_and_distinct() -> None:
    for locale in CATALOGS:
        commands = [spellings(command_key(c), locale)[0] for c in COMMANDS]
        assert len(set(commands)) == len(commands), f"two commands share a name in {locale}"
        for command in COMMANDS.values():
            for verb in command.verbs:
                names = [spellings(option_key(p.name), locale)[0] for p in verb.params]
                names.append(spellings(option_key("text"), locale)[0])
                assert len(set(names)) == len(names), f"/{command.name} {verb.name}: {names}"
        for key, _ in declared():
            if key.count(".") <= 2:  # commands, verbs, options (not choices)
                for name in spellings(key, locale):
                    assert DISCORD_NAME.match(name) and name == name.lower(), (key, name)


@pytest.mark.parametrize(
    ("command", "text", "verb", "args"),
    [
        ("referral", "3 accepter", "", {"number": "3", "action": "accept"}),
        ("referral", "3 Contacté", "", {"number": "3", "action": "contacted"}),
        ("referral", "3 contacte", "", {"number": "3", "action": "contacted"}),
        ("referral", "3 gagné 12000", "", {"number": "3", "action": "won", "note": "12000"}),
        ("referral", "3 GAGNE 12 000", "", {"number": "3", "action": "won", "note": "12 000"}),
        ("referral", "3 payé", "", {"number": "3", "action": "paid"}),
        (
            "referral",
            "3 corriger 900 | typo",
            "",
            {"number": "3", "action": "correct", "note": "900 | typo"},
        ),
        ("referrals", "reçues", "", {"filter": "received"}),
        ("feedback", "3 plus-tard", "", {"number": "3", "score": "later"}),
        ("feedback", "3 plus_tard", "", {"number": "3", "score": "later"}),
        ("stats", "trimestre", "", {"period": "quarter"}),
        ("stats", "moi année", "me", {"period": "year"}),
        ("stats", "moi annee", "me", {"period": "year"}),
        ("stats", "export", "export", {}),
        ("charter", "historique", "history", {}),
        ("charter", "commission 10 % min 50", "commission", {"rule": "10 % min 50"}),
        ("candidate", "2 voter oui", "vote", {"candidate": "2", "ballot": "yes"}),
        ("candidate", "2 voter abstention", "vote", {"candidate": "2", "ballot": "abstain"}),
        (
            "candidate",
            "2 compte-rendu admettre | fine",
            "report",
            {"candidate": "2", "recommendation": "admit", "notes": "fine"},
        ),
        (
            "candidate",
            "2 visite | seen at work",
            "visit",
            {"candidate": "2", "notes": "seen at work"},
        ),
        (
            "report",
            "@bob démarchage | took my client",
            "",
            {"member": "bob", "kind": "poaching", "what": "took my client"},
        ),
        (
            "report",
            "@bob impaye | never paid",
            "",
            {"member": "bob", "kind": "unpaid", "what": "never paid"},
        ),
        (
            "network",
            "régler fuseau-horaire Europe/Paris",
            "set",
            {"key": "timezone", "setting_value": "Europe/Paris"},
        ),
        (
            "network",
            "role @bob recruteur retirer",
            "role",
            {"member": "bob", "role": "recruiter", "remove": "remove"},
        ),
        ("mydata", "effacer confirmer", "erase", {"confirm": "confirm"}),
        ("referral", "3 accept", "", {"number": "3", "action": "accept"}),  # English still works
    ],
)
def test_french_keywords_parse_to_the_declared_words(
    command: str, text: str, verb: str, args: dict[str, str]
) -> None:
    parsed = parse(COMMANDS[command], text)
    assert parsed.verb.name == verb
    assert parsed.args == args


@given(st.sampled_from(sorted(k for k in CATALOGS["fr"] if k.startswith("kw."))), st.booleans())
def test_any_case_and_accents_resolve(key: str, upper: bool) -> None:
    word = CATALOGS["en"][key]
    for spelling in spellings(key, "fr"):
        typed = fold(spelling).upper() if upper else spelling
        assert resolve(typed, [(key, word)]) == word


def test_an_unknown_word_is_still_a_usage_error() -> None:
    bot = Bot()
    bot.join("Alice", "Bob")
    bot.ok("Alice", "refer", "@Bob Acme | audit")
    refused = bot.refused("Bob", "referral", "1 acceptez")
    assert refused.problem is not None and refused.problem.field == "action"


def test_french_verbs_move_a_referral_in_an_english_network() -> None:
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10 % min 50")
    bot.join("Alice", "Bob")
    bot.ok("Alice", "refer", "@Bob Acme | audit")
    bot.ok("Bob", "referral", "1 accepter")
    bot.ok("Bob", "referral", "1 contacte")
    bot.ok("Bob", "referral", "1 gagné 300")
    assert bot.referral(1).commission_due == 50
    bot.ok("Alice", "referral", "1 payé")
    assert bot.referral(1).status.value == "paid"
    bot.ok("Alice", "feedback", "1 5 Très bien servi")


def test_help_speaks_the_networks_language() -> None:
    bot = Bot()
    bot.ok("Alice", "network", "régler langue fr")
    lines = bot.ok("Alice", "help", "referral").lines
    assert lines == (
        "/referral N [accepter|refuser|annuler|contacté|gagné|perdu|payé|corriger] [note]",
    )
    candidate = bot.ok("Alice", "help", "candidat").lines
    assert "/candidate N voter oui|non|abstention" in candidate
    english = Bot()
    assert english.ok("Alice", "help", "referral").lines[0].startswith("/referral N [accept|")


def test_buttons_written_as_commands_use_the_networks_keywords() -> None:
    from adapters.common.as_text import action_text
    from core.shared.ui import Action

    vote = Action("Oui", "candidate", "1 vote yes")
    assert action_text(vote, "fr") == "[Oui] /candidate 1 voter oui"
    assert action_text(vote, "en") == "[Oui] /candidate 1 vote yes"
    assert action_text(Action("Plus tard", "feedback", "3 later"), "fr") == (
        "[Plus tard] /feedback 3 plus-tard"
    )
    typed = action_text(vote, "fr").removeprefix("[Oui] /candidate ")
    assert parse(COMMANDS["candidate"], typed).args == {"candidate": "1", "ballot": "yes"}
