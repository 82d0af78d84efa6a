"""Fewer, better messages: reminders due together go as one message; a mistyped command or
verb suggests the closest one; a move the state refuses says what comes first. In English and
in French."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.driver import Bot, user_id


@pytest.fixture
def bot() -> Bot:
    bot = Bot()
    bot.join("Alice", "Bob", "Carol", "Dan")
    bot.messenger.clear()
    return bot


def test_reminders_due_together_reach_a_member_as_one_message(bot: Bot) -> None:
    for n, referrer in enumerate(("Alice", "Carol", "Dan"), start=1):
        bot.ok(referrer, "refer", f"@Bob Client {n} | bookkeeping")
    bot.messenger.clear()

    bot.clock.advance(timedelta(days=3, minutes=1))
    bot.dispatcher.run_once()

    [reminders] = bot.messenger.to(user_id("Bob"))
    assert reminders.reply.title == "Reminders (3)"
    assert [line.split(" for ")[0] for line in reminders.reply.lines] == [
        "Referral #1",
        "Referral #2",
        "Referral #3",
    ]
    assert all("please accept or decline it" in line for line in reminders.reply.lines)
    assert "/referral NUMBER" in reminders.reply.footer
    assert bot.dispatcher.run_once().handled == 0, "every reminder row was marked sent"


def test_a_lone_reminder_goes_out_as_it_is(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Client | bookkeeping")
    bot.messenger.clear()
    bot.clock.advance(timedelta(days=3, minutes=1))
    bot.dispatcher.run_once()
    [reminder] = bot.messenger.to(user_id("Bob"))
    assert reminder.reply.text.startswith("Referral #1 for Client from Alice has waited 3 days")
    assert [a.label for a in reminder.reply.actions] == ["Accept", "Decline"]


def test_grouped_reminders_are_in_the_networks_language(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    for n, referrer in enumerate(("Alice", "Carol"), start=1):
        bot.ok(referrer, "refer", f"@Bob Client {n} | comptabilité")
    bot.messenger.clear()
    bot.clock.advance(timedelta(days=3, minutes=1))
    bot.dispatcher.run_once()
    [reminders] = bot.messenger.to(user_id("Bob"))
    assert reminders.reply.title == "Rappels (2)"
    assert reminders.reply.footer.startswith("/referral NUMÉRO ou /candidate NUMÉRO")


@pytest.mark.parametrize(
    ("command", "text", "says"),
    [
        ("refr", "@Bob Acme | audit", "Unknown command refr. Did you mean /refer @Bob Acme | "),
        ("referals", "", "Did you mean /referrals?"),
        ("referral", "1 wonn 5000", "Did you mean /referral 1 won 5000?\nUsage: /referral"),
        ("referral", "1 acept", "Did you mean /referral 1 accept?"),
        ("charter", "acept", "Did you mean /charter accept?"),
    ],
)
def test_a_mistyped_command_or_verb_suggests_the_closest(
    bot: Bot, command: str, text: str, says: str
) -> None:
    bot.ok("Alice", "refer", "@Bob Client | bookkeeping")
    reply = bot.refused("Bob", command, text)
    assert says in reply.text


def test_nothing_close_suggests_nothing(bot: Bot) -> None:
    assert "Did you mean" not in bot.refused("Bob", "xyzzy").text
    bot.ok("Alice", "refer", "@Bob Client | bookkeeping")
    assert "Did you mean" not in bot.refused("Bob", "referral", "1 explode").text


def test_suggestions_in_french(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    bot.ok("Alice", "refer", "@Bob Client | comptabilité")
    assert bot.refused("Bob", "refr").text == (
        "Commande inconnue : refr. Vouliez-vous dire /refer ? Tapez /help pour voir ce que je "
        "sais faire."
    )
    assert bot.refused("Bob", "referral", "1 acept").text.startswith(
        "Vouliez-vous dire /referral 1 accept ?\nUtilisation : /referral"
    )
    assert bot.refused("Bob", "referral", "1 won 100").text == (
        "La recommandation n° 1 est au statut « proposée » : elle ne peut pas encore être "
        "marquée « won ». Acceptez-la d'abord : /referral 1 accept."
    )
    assert bot.refused("Alice", "referral", "1 paid").text.endswith("Bob doit d'abord l'accepter.")


def test_a_refused_move_says_what_comes_first(bot: Bot) -> None:
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", "Bob")
    bot.ok("Alice", "refer", "@Bob Client | bookkeeping")
    assert bot.refused("Bob", "referral", "1 won 100").text.endswith(
        "Accept it first: /referral 1 accept."
    )
    bot.ok("Bob", "referral", "1 accept")
    assert bot.refused("Alice", "referral", "1 paid").text == (
        "Referral #1 is accepted: it cannot be marked paid yet. Bob has to mark it won first."
    )
    bot.ok("Bob", "referral", "1 won 100")
    bot.ok("Alice", "referral", "1 paid")
    closed = bot.refused("Bob", "referral", "1 lost").text
    assert closed == "Referral #1 is paid: it cannot be marked lost now."
