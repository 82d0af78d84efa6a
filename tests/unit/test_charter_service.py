"""The charter: the default text, acceptance, new versions published by admins."""

from datetime import timedelta

import pytest

from core.charter.default_text import DEFAULT_CHARTER
from core.shared.ui import Reply
from tests.driver import Bot, user_id

SECTIONS_EN = [
    "Part one: rules between members",
    "Part two: quality commitments to clients",
    "Remuneration",
]


@pytest.fixture
def bot() -> Bot:
    bot = Bot()
    bot.ok("Alice", "help")  # first member: admin
    bot.ok("Bob", "help")
    return bot


def fields(reply: Reply) -> dict[str, str]:
    return {f.label: f.value for f in reply.fields}


def test_a_new_network_starts_with_the_default_charter_v1(bot: Bot) -> None:
    reply = bot.ok("Bob", "charter")

    assert reply.title == "Charter of Net T1, version 1 (Mar 1, 2025)"
    assert list(fields(reply)) == [*SECTIONS_EN, "Commission rule"]
    assert fields(reply)["Part one: rules between members"] == DEFAULT_CHARTER["en"]["members"]
    assert "No poaching" in fields(reply)["Part one: rules between members"]
    assert fields(reply)["Commission rule"] == "none"
    assert reply.footer == "You have not accepted this version yet: /charter accept."
    assert [(a.label, a.command, a.args) for a in reply.actions] == [
        ("Accept the charter", "charter", "accept")
    ]


def test_the_default_charter_in_french(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    reply = bot.ok("Bob", "charter")

    assert reply.title == "Charte du réseau Net T1, version 1 (01/03/2025)"
    members = fields(reply)["Première partie : règles entre membres"]
    assert members == DEFAULT_CHARTER["fr"]["members"]
    assert "Pas de débauchage" in members
    assert fields(reply)["Règle de commission"] == "aucune"
    assert reply.actions[0].label == "Accepter la charte"


def test_accept_is_recorded_once(bot: Bot) -> None:
    first = bot.ok("Bob", "charter", "accept")
    assert first.text == "Thank you: you accepted version 1 of the charter."
    stored = bot.db.rows("charter_acceptances")

    again = bot.ok("Bob", "charter", "accept")
    assert again.text == "You had already accepted version 1 of the charter."
    assert bot.db.rows("charter_acceptances") == stored
    assert len(stored) == 1

    shown = bot.ok("Bob", "charter")
    assert shown.footer == "You have accepted this version."
    assert shown.actions == ()


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("commission 10%", None),
        ("commission none", None),
        ("edit", None),
        ("", {"members": "a", "clients": "b", "remuneration": "c"}),
    ],
)
def test_only_admins_change_the_charter(bot: Bot, text: str, values: dict[str, str] | None) -> None:
    verb = "edit" if values else ""
    reply = bot.refused("Bob", "charter", text, verb=verb, values=values)
    assert reply.text == "Only network admins can do that."
    assert bot.db.count("charter_versions") == 1


@pytest.mark.parametrize(
    ("rule", "described"),
    [
        ("10%", "10% of the amount closed before tax"),
        (
            "10% min 50 max 2000",
            "10% of the amount closed before tax, at least €50, at most €2,000",
        ),
        ("12,5 %", "12.5% of the amount closed before tax"),
        ("150", "flat fee of €150 per closed deal"),
    ],
)
def test_commission_publishes_a_new_version(bot: Bot, rule: str, described: str) -> None:
    bot.ok("Bob", "charter", "accept")
    bot.messenger.clear()

    reply = bot.ok("Alice", "charter", f"commission {rule}")

    assert reply.text == (
        f"Version 2 of the charter is published (commission: {described}). "
        "You accept it by publishing it; every other member is asked to accept it."
    )
    shown = bot.ok("Bob", "charter")
    assert shown.title.startswith("Charter of Net T1, version 2")
    assert fields(shown)["Commission rule"] == described
    assert fields(shown)["Remuneration"] == DEFAULT_CHARTER["en"]["remuneration"]
    assert shown.footer.startswith("You have not accepted this version yet")  # again
    [notice] = bot.messenger.to(user_id("Bob"))
    assert notice.kind == "charter.new_version"
    assert notice.reply.text == (
        f"Alice published version 2 of the charter (commission: {described}). "
        "Please read it and accept it."
    )
    assert [a.args for a in notice.reply.actions] == ["", "accept"]
    assert bot.messenger.to(user_id("Alice")) == []


@pytest.mark.parametrize("rule", ["abc", "10% min 3000 max 2000", "150%"])
def test_an_invalid_commission_rule_is_refused(bot: Bot, rule: str) -> None:
    reply = bot.refused("Alice", "charter", f"commission {rule}")
    assert reply.text.startswith(f"{rule} is not a commission rule.")


def test_commission_without_a_rule_shows_usage(bot: Bot) -> None:
    reply = bot.refused("Alice", "charter", "commission")
    assert reply.text == "Usage: /charter commission 10% [min 50] [max 2000] | 150 | none"


def test_history_lists_every_version(bot: Bot) -> None:
    bot.ok("Alice", "charter", "accept")
    bot.ok("Bob", "charter", "accept")
    bot.clock.advance(timedelta(days=2))
    bot.ok("Alice", "charter", "commission 10%")
    bot.ok("Alice", "charter", "accept")

    reply = bot.ok("Bob", "charter", "history")

    assert reply.title == "Charter versions"
    assert reply.lines == (
        "Version 1, Mar 1, 2025, by Apport (default charter): commission none; accepted by 2",
        "Version 2, Mar 3, 2025, by Alice: commission 10% of the amount closed before tax; "
        "accepted by 1",
    )


def test_edit_alone_opens_the_form_with_the_current_text(bot: Bot) -> None:
    reply = bot.ok("Alice", "charter", "edit")

    assert reply.form is not None
    assert (reply.form.command, reply.form.verb, reply.form.title) == (
        "charter",
        "edit",
        "Edit the charter",
    )
    assert {i.name: i.initial for i in reply.form.inputs} == DEFAULT_CHARTER["en"]
    assert bot.db.count("charter_versions") == 1


def test_the_edit_form_starts_from_the_french_text(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    form = bot.ok("Alice", "charter", "edit").form
    assert form is not None
    assert form.title == "Modifier la charte"
    assert {i.name: i.initial for i in form.inputs} == DEFAULT_CHARTER["fr"]


def test_submitting_the_edit_form_publishes_a_version_keeping_the_rule(bot: Bot) -> None:
    bot.ok("Alice", "charter", "commission 10%")
    values = {
        "members": "Be generous.",
        "clients": "Answer within a day.",
        "remuneration": "Pay on time.",
    }

    reply = bot.run("Alice", "charter", verb="edit", values=values)

    assert not reply.error
    assert reply.text.startswith("Version 3 of the charter is published (commission: 10%")
    shown = bot.ok("Bob", "charter")
    assert list(fields(shown).values()) == [
        "Be generous.",
        "Answer within a day.",
        "Pay on time.",
        "10% of the amount closed before tax",
    ]
    again = bot.ok("Alice", "charter", "edit").form
    assert again is not None
    assert again.inputs[0].initial == "Be generous."


def test_edit_refuses_an_empty_section(bot: Bot) -> None:
    values = {"members": "Be generous.", "clients": "   ", "remuneration": "Pay on time."}
    reply = bot.refused("Alice", "charter", verb="edit", values=values)
    assert reply.text.startswith("Usage: /charter edit")


def test_edit_refuses_a_section_over_2000_characters(bot: Bot) -> None:
    values = {"members": "x" * 2001, "clients": "b", "remuneration": "c"}
    reply = bot.refused("Alice", "charter", verb="edit", values=values)
    assert reply.text == (
        "“Part one: rules between members” is too long (2001 characters; at most 2000)."
    )


def test_a_submitted_form_for_an_unknown_verb_is_a_usage_error(bot: Bot) -> None:
    reply = bot.refused("Alice", "charter", verb="rewrite", values={"members": "x"})
    assert reply.text.startswith("Usage: /charter")
