"""`/help`, and what an unknown command gets."""

from core.commands import COMMANDS
from tests.driver import Bot


def test_help_lists_every_command_with_its_usage() -> None:
    bot = Bot()
    reply = bot.ok("Alice", "help")
    assert reply.title == "What I can do here"
    assert len(reply.lines) == len(COMMANDS)
    assert reply.lines[0] == (
        "/refer @member client | need | [estimated value] | [temperature 1-5] | [contact]  "
        "pass a client to a member (no text opens the form)"
    )


def test_help_on_one_command() -> None:
    bot = Bot()
    reply = bot.ok("Alice", "help", "/referral")
    assert reply.title == "/referral"
    assert reply.text.startswith("The receiver accepts or declines")
    assert reply.lines == (
        "/referral N [accept|decline|cancel|contacted|won|lost|paid|correct] [note]",
    )


def test_help_shows_admin_verbs_to_admins_only() -> None:
    bot = Bot()
    bot.ok("Alice", "help")
    admin = bot.ok("Alice", "help", "charter").lines
    member = bot.ok("Bob", "help", "charter").lines
    assert any(line.startswith("/charter commission") for line in admin)
    assert not any("commission" in line or "edit" in line for line in member)
    assert "/charter accept" in member


def test_unknown_topic_and_unknown_command() -> None:
    bot = Bot()
    bot.ok("Alice", "help")
    assert bot.refused("Alice", "help", "dance").text == (
        "Unknown command dance. Type /help to see what I can do."
    )
    assert bot.refused("Alice", "dance").text.startswith("Unknown command dance.")
