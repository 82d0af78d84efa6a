"""`/profile`, `/members` and `/refer ? need` through the facade, on SQLite."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.directory.model import MAX_PITCH
from tests.driver import Bot


@pytest.fixture
def bot() -> Bot:
    """Alice (admin), an accountant, a caterer and a plumber; Dan has no profile."""
    bot = Bot()
    bot.join("Alice", "Bob", "Carol", "Dave", "Dan")
    bot.ok("Alice", "profile", "Business coach | management, teams | Teams that move")
    bot.ok(
        "Bob",
        "profile",
        "Expert-comptable | bookkeeping, payroll, tax returns | The books of restaurants",
    )
    bot.ok("Carol", "profile", "Caterer | buffets, restaurant overflow | Fresh food")
    bot.ok("Dave", "profile", "Plumber | plumbing, heating, leaks | Repairs within the day")
    bot.messenger.clear()
    return bot


def test_profile_is_saved_and_shown_back(bot: Bot) -> None:
    reply = bot.ok("Dan", "profile", "  Web   designer | websites, shops |  Online in two weeks ")
    assert reply.text == "Your profile is saved."
    assert [(f.label, f.value) for f in reply.fields] == [
        ("Profession", "Web designer"),
        ("Keywords", "websites, shops"),
        ("One-line pitch", "Online in two weeks"),
    ]
    assert bot.member("Dan").profession == "Web designer"
    [stored] = bot.db.rows("members", id=bot.member("Dan").id)
    assert (stored.keywords, stored.pitch) == ("websites, shops", "Online in two weeks")


def test_profile_needs_only_the_profession(bot: Bot) -> None:
    reply = bot.ok("Dan", "profile", "Florist")
    assert [f.value for f in reply.fields] == ["Florist", "-", "-"]


def test_profile_alone_opens_the_form_filled_with_what_i_wrote(bot: Bot) -> None:
    reply = bot.ok("Dave", "profile")
    assert reply.form is not None
    assert reply.form.title == "My profile"
    assert [(i.name, i.initial, i.required) for i in reply.form.inputs] == [
        ("profession", "Plumber", True),
        ("keywords", "plumbing, heating, leaks", False),
        ("pitch", "Repairs within the day", False),
    ]
    empty = bot.ok("Dan", "profile").form
    assert empty is not None and [i.initial for i in empty.inputs] == ["", "", ""]


def test_profile_through_the_form(bot: Bot) -> None:
    values = {"profession": "Florist", "keywords": "weddings", "pitch": ""}
    assert not bot.run("Dan", "profile", verb="", values=values).error
    assert bot.member("Dan").profession == "Florist"


def test_a_profile_too_long_or_without_profession_is_refused(bot: Bot) -> None:
    reply = bot.refused("Dan", "profile", f"Florist | flowers | {'x' * (MAX_PITCH + 1)}")
    assert reply.text == f"“pitch” is too long ({MAX_PITCH + 1} characters; at most {MAX_PITCH})."
    bot.refused("Dan", "profile", " | flowers | nice")
    bot.refused("Dan", "profile", "a | b | c | d")


def test_a_profession_already_listed_is_pointed_out(bot: Bot) -> None:
    reply = bot.ok("Dan", "profile", "Plumbers | bathrooms")
    assert reply.lines == (
        "Dave already listed this profession: the network keeps one member per profession, "
        "an admin may ask you to tell your trades apart.",
    )
    bot.ok("Alice", "network", "set exclusivity off")
    assert bot.ok("Dan", "profile", "Plumber").lines == ()


def test_members_lists_everyone_with_their_standing(bot: Bot) -> None:
    bot.ok("Bob", "refer", "@Dave Acme | a leak")
    bot.ok("Dave", "referral", "1 accept")
    bot.ok("Bob", "feedback", "1 5 great")
    reply = bot.ok("Dan", "members")
    assert reply.title == "Members of Net T1 (5)"
    assert reply.text == "1 member has no profile yet."
    assert reply.lines[0].startswith("Alice: Business coach; Teams that move; member since ")
    bob, dave = reply.lines[1], reply.lines[3]
    assert bob.endswith("(0 months); 1 referral given")
    assert dave.endswith("quality 5.0/5 (1); 0 referrals given")
    assert reply.lines[4].startswith("Dan: no profile yet; member since Mar 1, 2025 (0 months)")
    assert "You have no profile yet: /profile PROFESSION | KEYWORDS | PITCH." in reply.footer


def test_members_with_words_ranks_by_relevance_and_shows_why(bot: Bot) -> None:
    reply = bot.ok("Dan", "members", "RESTAURANTS")
    assert reply.title == "Members for “RESTAURANTS” (2 found)"
    # Carol lists it among her keywords, Bob in his pitch: keywords weigh more.
    assert [line.split(":")[0] for line in reply.lines] == ["Carol", "Bob"]
    assert reply.lines[0].endswith("(matched: restaurant)")
    assert reply.lines[1].endswith("(matched: restaurants)")
    assert bot.ok("Dan", "members", "gardening").text == (
        "No member's profile matches “gardening”."
    )


def test_suggestions_put_the_accountant_first_and_leave_the_asker_out(bot: Bot) -> None:
    reply = bot.ok("Carol", "refer", "? bookkeeping for a restaurant")
    assert reply.title == "Who fits “bookkeeping for a restaurant”"
    assert reply.lines == (
        "1. Bob: Expert-comptable (matched: bookkeeping, restaurants)",
    )
    assert reply.footer == "To pass the client: /refer @Bob CLIENT | NEED"
    # Carol's own profile fits restaurants best: she is never suggested to herself.
    assert bot.ok("Bob", "refer", "? restaurant").lines[0].startswith("1. Carol: Caterer")
    assert [line[:6] for line in bot.ok("Carol", "refer", "? restaurant").lines] == ["1. Bob"]
    assert not bot.db.rows("referrals")


def test_suggestions_show_three_at_most_best_first(bot: Bot) -> None:
    bot.ok("Dan", "profile", "Bookkeeper | bookkeeping")
    bot.ok("Alice", "profile", "Auditor | bookkeeping checks")
    lines = bot.ok("Carol", "refer", "? bookkeeping").lines
    assert len(lines) == 3
    assert lines[0].startswith("1. Dan: Bookkeeper")  # the shortest profile, all about it


def test_suggestions_without_a_match_or_without_words(bot: Bot) -> None:
    assert bot.ok("Carol", "refer", "? a wedding cake").text == (
        "No member's profile matches “a wedding cake”. Browse the directory with /members."
    )
    reply = bot.refused("Carol", "refer", "?")
    assert reply.text == "Say what the client needs: /refer ? bookkeeping for a restaurant."


def test_the_referral_form_sent_without_receiver_suggests_members(bot: Bot) -> None:
    values = {"receiver": "", "client": "Acme", "need": "bookkeeping for a restaurant"}
    reply = bot.run("Carol", "refer", verb="", values=values)
    assert not reply.error
    assert reply.lines[0].startswith("1. Bob: Expert-comptable")
    assert not bot.db.rows("referrals")
    # Without a need either, it is the usual refusal.
    assert bot.refused("Carol", "refer", verb="", values={"client": "Acme"}).error


def test_seniority_counts_months(bot: Bot) -> None:
    bot.clock.advance(timedelta(days=400))
    line = bot.ok("Dan", "members").lines[0]
    assert "member since Mar 1, 2025 (13 months)" in line


def test_the_directory_speaks_french(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    reply = bot.ok("Carol", "refer", "? comptabilité d'un restaurant")
    assert reply.title == "Qui correspond à « comptabilité d'un restaurant »"
    assert reply.lines[0].startswith("1. Bob : Expert-comptable (mots trouvés : restaurants")
    assert bot.ok("Dan", "profile", "Fleuriste").text == "Votre profil est enregistré."
    assert bot.refused("Dan", "refer", "?").text.startswith("Dites ce dont le client a besoin")
    assert bot.ok("Dan", "members").title == "Membres du réseau Net T1 (5)"


def test_directories_do_not_cross_networks(bot: Bot) -> None:
    bot.ok("Zed", "profile", "Accountant | bookkeeping", network="T2")
    assert [line.split(":")[0] for line in bot.ok("Zed", "members", network="T2").lines] == ["Zed"]
    assert bot.ok("Zed", "refer", "? bookkeeping", network="T2").text.startswith("No member")
    assert "Zed" not in "\n".join(bot.ok("Dan", "members").lines)
