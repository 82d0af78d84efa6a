"""`/ask`, `/asks`, the weekly asks post, asks in the directory and on referral cards, and
`/thanks`, through the facade on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.asks import jobs
from core.asks.model import MAX_ASK, MAX_THANKS
from core.asks.thanks import KIND as THANKS_KIND
from core.dispatcher import Dispatcher
from tests.driver import Bot, user_id

ASK = "An introduction to the facility manager of a hotel in Lyon"
# Saturday March 1st 2025, 10:00 in Paris; the next Monday 08:00 in Paris is 07:00 UTC.
MONDAY = datetime(2025, 3, 3, 7, 0, tzinfo=UTC)


@pytest.fixture
def bot() -> Bot:
    """Alice (admin), Bob who cleans hotels, Carol a caterer, Dave a plumber."""
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", "Bob", "Carol", "Dave")
    bot.ok("Alice", "network", "set announcements-channel general")
    bot.ok("Bob", "profile", "Cleaning company | hotels, offices | Spotless hotels in Lyon")
    bot.ok("Carol", "profile", "Caterer | buffets, weddings | Fresh food")
    bot.ok("Dave", "profile", "Plumber | plumbing, heating | Repairs within the day")
    bot.messenger.clear()
    return bot


def posts(bot: Bot, kind: str) -> list[str]:
    return [
        "\n".join((n.reply.title, n.reply.text, *n.reply.lines, n.reply.footer))
        for n in bot.messenger.sent
        if n.kind == kind and n.channel == "general"
    ]


def test_an_ask_is_saved_whole_shown_back_and_replaced_with_its_history(bot: Bot) -> None:
    saved = bot.ok("Carol", "ask", f"  {ASK} | with a pool  ")
    assert saved.text == f"Your ask of the week is saved: “{ASK} | with a pool” (2025-03-01)"
    assert saved.footer.startswith("It will be posted with the week's asks on Mar 3, 2025, 8:00 AM")
    bot.clock.advance(timedelta(days=2))
    bot.ok("Carol", "ask", "A wedding planner in Annecy")
    mine = bot.ok("Carol", "ask")
    assert mine.title == "My ask of the week"
    assert mine.text == "“A wedding planner in Annecy” (2025-03-03)"
    assert mine.lines == (f"Before: “{ASK} | with a pool” (2025-03-01)",)
    assert len(bot.db.rows("asks")) == 2


def test_clear_ends_the_ask_in_english_and_in_french(bot: Bot) -> None:
    bot.ok("Carol", "ask", ASK)
    assert bot.ok("Carol", "ask", "clear").text == "Your ask of the week is cleared."
    assert bot.ok("Carol", "ask", "clear").text == "You have no current ask to clear."
    bot.ok("Carol", "ask", ASK)
    bot.ok("Alice", "network", "set locale fr")
    assert bot.ok("Carol", "ask", "effacer").text == "Votre demande de la semaine est retirée."
    shown = bot.ok("Carol", "ask")
    assert shown.text.startswith("Vous n'avez pas de demande en cours.")
    assert all(row.ended_at is not None for row in bot.db.rows("asks"))


def test_a_long_ask_is_refused_never_cut(bot: Bot) -> None:
    reply = bot.refused("Carol", "ask", "x" * (MAX_ASK + 1))
    assert reply.text == f"“TEXT” is too long ({MAX_ASK + 1} characters; at most {MAX_ASK})."
    assert bot.ok("Carol", "ask", "y" * MAX_ASK).text.count("y") == MAX_ASK


def test_an_ask_needs_the_charter(bot: Bot) -> None:
    bot.ok("Nora", "charter")
    bot.refused("Nora", "ask", ASK)


def test_asks_list_who_might_help_and_expire_after_ask_weeks(bot: Bot) -> None:
    assert bot.ok("Dave", "asks").text == "No member has a current ask. Set yours: /ask TEXT."
    bot.ok("Carol", "ask", ASK)
    listed = bot.ok("Dave", "asks")
    assert listed.title == "Asks in Net T1 (1)"
    assert listed.lines == (f"Carol: “{ASK}” (2025-03-01). Might help: Bob (hotels, lyon).",)
    bot.clock.advance(timedelta(days=7))
    assert not bot.ok("Dave", "asks").lines
    bot.ok("Alice", "network", "set ask-weeks 2")
    assert len(bot.ok("Dave", "asks").lines) == 1
    bot.refused("Alice", "network", "set ask-weeks 0")


def test_past_referrals_suggest_a_helper_whose_profile_does_not(bot: Bot) -> None:
    bot.ok("Dave", "refer", "@Carol Hotel Bellecour | a buffet for a hotel seminar | 3 000")
    bot.ok("Alice", "ask", "Hotels organising seminars")
    (line,) = bot.ok("Carol", "asks").lines
    assert line.endswith(
        "Might help: Bob (hotels); Dave (has passed clients like it: hotels, seminars)."
    )


def test_the_directory_and_suggestions_show_a_members_ask(bot: Bot) -> None:
    bot.ok("Bob", "ask", "Hotels that renovate their rooms")
    directory = bot.ok("Dave", "members")
    (bobs,) = [line for line in directory.lines if line.startswith("Bob:")]
    assert bobs.endswith("; ask of the week: “Hotels that renovate their rooms” (2025-03-01)")
    assert not any("ask of the week" in line for line in directory.lines if line != bobs)
    searched = bot.ok("Dave", "members", "hotel")
    assert searched.lines[0].endswith("“Hotels that renovate their rooms” (2025-03-01)")
    suggested = bot.ok("Dave", "refer", "? cleaning a hotel")
    assert suggested.lines[0].startswith("1. Bob: Cleaning company")
    assert suggested.lines[0].endswith("“Hotels that renovate their rooms” (2025-03-01)")


def test_a_referral_that_answers_the_receivers_ask_says_so_on_its_card(bot: Bot) -> None:
    bot.ok("Carol", "ask", "Wedding venues in Annecy")
    bot.clock.advance(timedelta(minutes=5))
    bot.ok("Dave", "refer", "@Carol Chateau d'Annecy | buffet for their weddings | 8 000")
    (offer,) = bot.messenger.to(user_id("Carol"))
    fields = {f.label: f.value for f in offer.reply.fields}
    assert fields["Answers an ask"] == (
        "Carol's ask of the week “Wedding venues in Annecy” (2025-03-01) (matched: wedding, annecy)"
    )
    assert [f.label for f in offer.reply.fields][3:5] == ["Need", "Answers an ask"]
    # The card keeps saying so after the ask changed, as the referral answered it.
    bot.clock.advance(timedelta(hours=1))
    bot.ok("Carol", "ask", "clear")
    assert "Answers an ask" in {f.label for f in bot.ok("Dave", "referral", "1").fields}
    bot.ok("Dave", "refer", "@Carol Initech | lunch boxes | 500")
    assert "Answers an ask" not in {f.label for f in bot.ok("Dave", "referral", "2").fields}


def test_the_weeks_asks_are_posted_on_asks_day_once(bot: Bot) -> None:
    bot.ok("Carol", "ask", ASK)
    bot.ok("Dave", "ask", "Property managers of office buildings")
    bot.clock.set(MONDAY - timedelta(minutes=1))
    bot.dispatcher.run_once()
    assert posts(bot, jobs.KIND) == []
    bot.clock.set(MONDAY)
    # Two bot processes run at once: the post goes out once.
    other = Dispatcher(bot.uow_factory, bot.messenger, bot.clock.now, "other")
    other.run_once()
    bot.dispatcher.run_once()
    (post,) = posts(bot, jobs.KIND)
    assert post.splitlines()[:3] == [
        "This week's asks in Net T1 (2)",
        "",
        f"Carol: “{ASK}” (2025-03-01). Might help: Bob (hotels, lyon).",
    ]
    assert "Dave: “Property managers of office buildings” (2025-03-01). Might help: Bob " in post
    # The next one is already waiting, a week later; by then these asks have expired.
    (waiting,) = [i for i in bot.db.rows("outbox") if i.kind == jobs.KIND and i.state == "pending"]
    assert waiting.due_at == MONDAY + timedelta(days=7)
    bot.clock.set(MONDAY + timedelta(days=7))
    bot.dispatcher.run_once()
    assert len(posts(bot, jobs.KIND)) == 1


def test_asks_day_follows_its_setting_and_can_be_off(bot: Bot) -> None:
    bot.ok("Carol", "ask", ASK)
    bot.ok("Alice", "network", "set asks-day jeudi 18h30")
    (waiting,) = [i for i in bot.db.rows("outbox") if i.kind == jobs.KIND and i.state == "pending"]
    assert waiting.due_at == datetime(2025, 3, 6, 17, 30, tzinfo=UTC)
    bot.ok("Alice", "network", "set asks-day off")
    assert not [i for i in bot.db.rows("outbox") if i.kind == jobs.KIND and i.state == "pending"]
    bot.clock.set(MONDAY + timedelta(days=3, hours=12))
    bot.dispatcher.run_once()
    assert posts(bot, jobs.KIND) == []
    assert bot.ok("Carol", "ask", ASK).footer.startswith("Members see it with /asks")
    bot.refused("Alice", "network", "set asks-day someday")


def won(bot: Bot) -> None:
    bot.ok("Dave", "refer", "@Carol Hotel Bellecour | a buffet for 200 | 3 000")
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 won 4 500")


def test_the_referrer_is_thanked_at_once_with_the_amount(bot: Bot) -> None:
    won(bot)
    told = bot.messenger.texts_to(user_id("Dave"))[-1]
    assert told.endswith("Thank you, Dave: your referral brought Carol €4,500 of business.")


def test_public_thanks_leave_the_amount_out_unless_asked(bot: Bot) -> None:
    won(bot)
    bot.messenger.clear()
    reply = bot.ok("Carol", "thanks", "1 | Two hundred guests fed | and happy")
    assert reply.text == "Your thanks to Dave is posted in the announcements channel:"
    (post,) = posts(bot, THANKS_KIND)
    assert post == (
        "Thank you!\nCarol thanks Dave for referral #1.\n“Two hundred guests fed | and happy”\n"
    )
    assert "4,500" not in post
    assert bot.messenger.texts_to(user_id("Dave")) == [
        "Carol thanked you in front of the network for referral #1."
    ]
    # Once per referral.
    again = bot.refused("Carol", "thanks", "1 amount | Again")
    assert again.text == "You already thanked the giver of referral #1 on 2025-03-01."


@pytest.mark.parametrize(
    "typed",
    ["1 amount | Merci !", "1 montant | Merci !", "1 | amount | Merci !", "1 amount Merci !"],
)
def test_public_thanks_with_the_amount(bot: Bot, typed: str) -> None:
    won(bot)
    bot.ok("Carol", "thanks", typed)
    (post,) = posts(bot, THANKS_KIND)
    assert "Carol thanks Dave for referral #1. Business closed: €4,500." in post
    assert "“Merci !”" in post


def test_only_the_receiver_of_a_won_referral_thanks(bot: Bot) -> None:
    bot.ok("Dave", "refer", "@Carol Hotel Bellecour | a buffet | 3 000")
    refused = bot.refused("Carol", "thanks", "1 | Thanks")
    assert refused.text == (
        "Referral #1 is at “offered”: its giver is thanked once the business is won."
    )
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 won 3 000")
    assert bot.refused("Dave", "thanks", "1 | Thanks").text == (
        "Only the member who received referral #1 may thank its giver."
    )
    bot.refused("Alice", "thanks", "1 | Thanks")
    bot.refused("Carol", "thanks", "2 | Thanks")
    bot.refused("Carol", "thanks", f"1 | {'x' * (MAX_THANKS + 1)}")


def test_without_an_announcements_channel_the_thanks_go_privately(bot: Bot) -> None:
    won(bot)
    bot.ok("Alice", "network", "set announcements-channel none")
    bot.messenger.clear()
    reply = bot.ok("Carol", "thanks", "1")
    assert reply.text == (
        "The network has no announcements channel yet: Dave got your thanks privately."
    )
    assert bot.messenger.texts_to(user_id("Dave")) == [
        "Carol thanked you in front of the network for referral #1."
    ]
    assert posts(bot, THANKS_KIND) == []


def test_in_french(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    bot.ok("Carol", "ask", "Des salles de mariage à Annecy")
    assert bot.ok("Dave", "asks").lines == (
        "Carol : « Des salles de mariage à Annecy » (2025-03-01). Aucun profil ne correspond "
        "encore : qui connaît quelqu'un ?",
    )
    won(bot)
    assert bot.messenger.texts_to(user_id("Dave"))[-1].endswith(
        "Merci, Dave : votre recommandation a rapporté 4\u202f500\xa0€ d'affaires à Carol."
    )
    bot.ok("Carol", "thanks", "1 montant | Merci Dave")
    (post,) = posts(bot, THANKS_KIND)
    assert post == (
        "Merci !\nCarol remercie Dave pour la recommandation n° 1. Affaire conclue : "
        "4\u202f500\xa0€.\n« Merci Dave »\n"
    )


def test_thanks_typed_without_a_bar_keep_every_word(bot: Bot) -> None:
    won(bot)
    bot.ok("Carol", "thanks", "1 Great work | really")
    (post,) = posts(bot, THANKS_KIND)
    assert post.endswith("\n“Great work | really”\n")
    assert "Business closed" not in post


def test_an_erased_member_s_asks_and_thanks_are_forgotten(bot: Bot) -> None:
    won(bot)
    bot.ok("Carol", "thanks", "1 | Two hundred guests fed")
    bot.ok("Carol", "ask", ASK)
    bot.ok("Carol", "mydata", "erase confirm")
    assert ASK not in {row.text for row in bot.db.rows("asks")}
    assert "Two hundred guests fed" not in {row.message for row in bot.db.rows("thanks")}
    assert not bot.ok("Dave", "asks").lines
