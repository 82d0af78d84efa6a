"""Breach reports reach someone who may act; the first admin is the platform's authority; the
charter publishes only real changes, its publisher accepting them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.app import FirstAdmin, Invocation
from tests.driver import Bot, user_id


def shown(reply: object) -> str:
    parts = [getattr(reply, "text", ""), getattr(reply, "title", ""), getattr(reply, "footer", "")]
    parts += [f"{f.label}: {f.value}" for f in getattr(reply, "fields", ())]
    parts += list(getattr(reply, "lines", ()))
    return "\n".join(parts)


@pytest.fixture
def bot() -> Bot:
    """Alice (admin), Bob, Carol, Rita accepted the charter; Bob referred Acme to Carol."""
    bot = Bot()
    bot.join("Alice", "Bob", "Carol", "Rita")
    bot.ok("Bob", "refer", "@Carol Acme | audit | 1000")
    bot.messenger.clear()
    return bot


# Reports about admins


def test_a_report_about_the_only_admin_goes_to_the_recruiters(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Rita recruiter")
    bot.messenger.clear()
    received = bot.ok("Bob", "report", "@Alice unpaid | She never paid me")
    assert "goes to the recruiters" in received.text
    (alert,) = bot.messenger.texts_to(user_id("Rita"))
    assert "comes to you, the recruiters" in alert
    assert "Alice, the member reported on, is the network's only admin." in alert
    assert bot.messenger.texts_to(user_id("Alice")) == []

    card = shown(bot.ok("Rita", "report", "1"))
    assert "She never paid me" in card
    assert "Handled by: the recruiters. Alice, the member reported on, is the" in card
    assert "#1 unpaid commission: Bob about Alice" in shown(bot.ok("Rita", "reports"))
    assert "no report #1" in bot.refused("Alice", "report", "1").text
    assert "Alice" not in shown(bot.ok("Alice", "reports"))

    bot.ok("Rita", "report", "1 raise | Let us talk")
    assert "for the network's recruiters, raises" in bot.messenger.texts_to(user_id("Alice"))[-1]
    bot.ok("Rita", "report", "1 resolve | Paid at last")
    assert bot.messenger.texts_to(user_id("Bob"))[-1] == "Your report #1 is resolved: Paid at last"


def test_a_report_about_an_admin_goes_to_the_other_admins(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Carol admin")
    bot.ok("Alice", "network", "role @Rita recruiter")
    bot.messenger.clear()
    received = bot.ok("Bob", "report", "@Alice unpaid | She never paid me")
    assert "only admins see it" in received.text
    assert any("confidential report (#1" in t for t in bot.messenger.texts_to(user_id("Carol")))
    assert bot.messenger.texts_to(user_id("Rita")) == []
    assert bot.messenger.texts_to(user_id("Alice")) == []
    assert "Only network admins" in bot.refused("Rita", "report", "1").text
    assert "She never paid me" in shown(bot.ok("Carol", "report", "1"))


def test_a_report_nobody_else_could_act_on_is_not_stored(bot: Bot) -> None:
    refused = bot.refused("Bob", "report", "@Alice unpaid | She never paid me")
    assert refused.text.startswith("Nobody but Alice could act on this report")
    assert "it was not stored" in refused.text
    assert "second admin" in refused.text
    assert bot.db.rows("breach_reports") == []


def test_a_recruiter_sees_only_the_reports_that_come_to_them(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Rita recruiter")
    bot.ok("Bob", "report", "@Carol service | Slow to answer")
    assert "Only network admins" in bot.refused("Rita", "reports").text
    assert "Only network admins" in bot.refused("Rita", "report", "1").text
    assert "Only network admins" in bot.refused("Rita", "report", "1 dismiss").text


def test_a_referral_named_in_a_report_must_involve_the_member_reported_on(bot: Bot) -> None:
    refused = bot.refused("Rita", "report", "@Alice poaching | took my client | referral 1")
    assert refused.text.startswith("Referral #1 does not involve Alice")
    assert refused.problem is not None and refused.problem.field == "referral"
    bot.ok("Rita", "report", "@Carol poaching | took my client | referral 1")


def test_the_reporter_follows_their_reports(bot: Bot) -> None:
    assert bot.ok("Bob", "reports", "mine").text == "You have not filed any report."
    bot.ok("Bob", "report", "@Carol service | Slow to answer | 1")
    bot.clock.advance(timedelta(days=1))
    bot.ok("Bob", "report", "@Rita other | Rude at the meeting")
    bot.ok("Alice", "report", "2 dismiss | Not a breach")
    mine = bot.ok("Bob", "reports", "mine")
    assert mine.title == "My reports"
    assert mine.lines == (
        "#1 poor service to a client about Carol, filed Mar 1, 2025: open",
        "#2 other about Rita, filed Mar 2, 2025: dismissed (Not a breach)",
    )
    assert bot.ok("Carol", "reports", "mine").text == "You have not filed any report."


# The first admin


def _run(bot: Bot, who: str, command: str, text: str = "", admin: bool = False) -> str:
    reply = bot.app.handle(
        Invocation("G1", "Guild", user_id(who), who, command, text, platform_admin=admin)
    )
    return reply.text


def test_where_the_platform_names_admins_the_first_to_type_is_not_admin() -> None:
    bot = Bot()
    bot.app.first_admin = FirstAdmin.SERVER_MANAGER
    _run(bot, "Mallory", "charter", "accept")
    said = _run(bot, "Mallory", "network", "set currency USD")
    assert said == "Only a server manager can set Apport up here: ask one to run /network."
    assert not bot.member("Mallory", network="G1").is_admin
    _run(bot, "Olga", "network", admin=True)
    assert bot.member("Olga", network="G1").is_admin
    assert _run(bot, "Mallory", "network", "set currency USD") == "Only network admins can do that."


def test_each_platform_says_who_can_claim_the_network() -> None:
    bot = Bot()
    bot.app.first_admin = FirstAdmin.WORKSPACE_ADMIN
    said = _run(bot, "Mallory", "reports")
    assert said == (
        "Only a workspace owner or admin can set Apport up here: ask one to run /network."
    )


# Charter


def test_the_charter_is_edited_inline_with_sections_between_bars(bot: Bot) -> None:
    published = bot.ok("Alice", "charter", "edit Be fair | Serve well | Pay on time")
    assert published.text.startswith("Version 2 of the charter is published")
    charter = shown(bot.ok("Alice", "charter"))
    assert "Part one: rules between members: Be fair" in charter
    assert "Remuneration: Pay on time" in charter


def test_identical_text_publishes_nothing(bot: Bot) -> None:
    bot.ok("Alice", "charter", "edit Be fair | Serve well | Pay on time")
    bot.messenger.clear()
    again = bot.ok("Alice", "charter", "edit Be fair | Serve well | Pay on time")
    assert "nothing was published" in again.text
    assert bot.messenger.sent == []
    assert "Version 3" not in shown(bot.ok("Alice", "charter", "history"))
    bot.ok("Alice", "charter", "commission 10%")
    assert "nothing was published" in bot.ok("Alice", "charter", "commission 10 %").text


def test_the_publisher_accepts_the_version_they_publish(bot: Bot) -> None:
    bot.ok("Alice", "charter", "commission 10%")
    assert "You have accepted this version." in shown(bot.ok("Alice", "charter"))
    assert "You had already accepted version 2" in bot.ok("Alice", "charter", "accept").text
    assert bot.messenger.texts_to(user_id("Alice")) == []
    assert bot.messenger.texts_to(user_id("Bob"))  # the others are asked to accept it
    bot.ok("Alice", "refer", "@Carol Beta | audit")  # the charter is required


def test_the_weekly_post_has_no_line_when_everyone_accepted(bot: Bot) -> None:
    bot.ok("Alice", "network", "set announcements-channel general")
    bot.ok("Alice", "network", 'set charter-reminder "mon 09:00"')
    bot.clock.advance(timedelta(days=7))
    bot.dispatcher.run_once()
    (post,) = [n for n in bot.messenger.sent if n.channel == "general"]
    assert post.reply.title.startswith("Charter rule of the week")
    assert "have not accepted" not in post.reply.footer
    assert post.reply.footer == ""


@pytest.mark.parametrize("value", ['"mon 09:00"', "'tue 10:30'", "\u201cwed 9h\u201d"])
def test_a_schedule_in_quotes_is_accepted(bot: Bot, value: str) -> None:
    said = bot.ok("Alice", "network", f"set charter-reminder {value}")
    assert "recalled every" in said.text
