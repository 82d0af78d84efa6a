"""One-to-ones as members live them: proposed, answered, reminded, confirmed, noted; rounds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.common.as_text import action_text
from core.shared.ui import Reply
from tests.driver import Bot


def shown(reply: Reply) -> str:
    parts = [reply.title, reply.text, *(f"{f.label}: {f.value}" for f in reply.fields)]
    parts += [*reply.lines, *(action_text(a) for a in reply.actions), reply.footer]
    return "\n".join(p for p in parts if p)


def told(bot: Bot, name: str) -> str:
    return "\n\n".join(shown(n.reply) for n in bot.messenger.to(f"U-{name.lower()}"))


@pytest.fixture
def bot() -> Bot:
    made = Bot()
    made.join("alice", "bob", "carol")
    return made


def book(bot: Bot) -> None:
    """alice proposes Monday 3 March 10:00 (Paris) to bob, who accepts."""
    bot.ok("alice", "meet", "@U-bob 2025-03-03 10:00 | Café de Flore")
    bot.ok("bob", "meet", "1 accept")


def test_a_proposal_reaches_the_other_member_with_its_buttons(bot: Bot) -> None:
    reply = bot.ok("alice", "meet", "@U-bob tomorrow 10:00 | Café de Flore")
    assert "One-to-one #1 proposed to bob on Sunday 2 March 2025, 10:00 (Café de Flore)" in (
        reply.text
    )
    notice = told(bot, "bob")
    assert "alice proposes a one-to-one on Sunday 2 March 2025, 10:00 (Café de Flore)" in notice
    assert "[Accept] /meet 1 accept" in notice
    assert "[Another time] /meet 1 move WHEN" in notice


def test_without_a_time_the_other_member_proposes_one_then_the_first_accepts(bot: Bot) -> None:
    bot.ok("alice", "meet", "@U-bob")
    assert "[Propose a time] /meet 1 move WHEN" in told(bot, "bob")
    assert "has no time yet" in bot.refused("bob", "meet", "1 accept").text
    bot.ok("bob", "meet", "1 move demain 8h30 | visio")
    assert "bob proposes a one-to-one on Sunday 2 March 2025, 08:30 (visio)" in told(bot, "alice")
    assert "waits for the other member" in bot.refused("bob", "meet", "1 accept").text
    accepted = bot.ok("alice", "meet", "1 accepter")
    assert "One-to-one #1 accepted: Sunday 2 March 2025, 08:30 (visio)" in accepted.text


def test_moving_an_accepted_one_to_one_asks_the_other_again(bot: Bot) -> None:
    book(bot)
    bot.ok("bob", "meet", "1 déplacer 2025-03-04 9h")
    card = shown(bot.ok("alice", "meet", "1"))
    assert "State: proposed" in card and "Waiting for: you" in card
    assert "Tuesday 4 March 2025, 09:00" in card


def test_reminders_the_day_before_and_an_hour_before_then_whether_it_happened(bot: Bot) -> None:
    book(bot)  # Monday 3 March, 09:00 UTC
    bot.messenger.clear()
    bot.clock.advance(timedelta(days=1, hours=1))  # Sunday 10:00 UTC: the day before
    bot.dispatcher.run_once()
    assert "Reminder: one-to-one #1 with bob tomorrow" in told(bot, "alice")
    assert "Reminder: one-to-one #1 with alice tomorrow" in told(bot, "bob")
    bot.messenger.clear()
    bot.clock.advance(timedelta(hours=22, minutes=30))  # 08:30 UTC
    bot.dispatcher.run_once()
    assert "In an hour: one-to-one #1 with bob" in told(bot, "alice")
    bot.messenger.clear()
    bot.clock.advance(timedelta(hours=3))
    bot.dispatcher.run_once()
    asked = told(bot, "alice")
    assert "Did your one-to-one #1 with bob take place?" in asked
    assert "[It happened] /meet 1 done LEARNED" in asked
    bot.dispatcher.run_once()
    assert told(bot, "alice").count("Did your one-to-one") == 1, "asked once, not twice"


def test_an_unconfirmed_one_to_one_is_asked_once_more_then_dropped(bot: Bot) -> None:
    book(bot)
    for days in (3, 3, 5):
        bot.clock.advance(timedelta(days=days))
        bot.dispatcher.run_once()
    assert "Last call: did one-to-one #1 with bob take place?" in told(bot, "alice")
    assert "State: dropped (never confirmed)" in shown(bot.ok("alice", "meet", "1"))
    assert "is over" in bot.refused("alice", "meet", "1 done").text


def test_the_note_is_its_authors_alone_and_recalls_the_others_ideal_client(bot: Bot) -> None:
    bot.ok("bob", "profile", "Caterer | weddings, restaurants | Fresh food for your events")
    book(bot)
    assert "has not taken place yet" in bot.refused("alice", "meet", "1 done").text
    bot.clock.advance(timedelta(days=3))
    done = bot.ok("alice", "meet", "1 done | He knows every wedding planner | in Lyon")
    assert "My note (private): He knows every wedding planner | in Lyon" in shown(done)
    assert "wedding planner" not in shown(bot.ok("bob", "meet", "1"))
    assert "alice says one-to-one #1 took place" in told(bot, "bob")
    assert "[Add my note] /meet 1 done LEARNED" in told(bot, "bob")
    bot.clock.advance(timedelta(days=31))
    bot.dispatcher.run_once()
    recall = told(bot, "alice")
    assert "A month ago you met bob (one-to-one #1)." in recall
    assert "What you noted: He knows every wedding planner | in Lyon" in recall
    assert "bob's ideal client: weddings, restaurants – Fresh food for your events" in recall
    assert "A month ago" not in told(bot, "bob"), "bob never said it happened"


def test_refusals(bot: Bot) -> None:
    assert "another member" in bot.refused("alice", "meet", "@U-alice tomorrow 10:00").text
    assert "already past" in bot.refused("alice", "meet", "@U-bob 2020-01-01 10:00").text
    assert "cannot read “someday”" in bot.refused("alice", "meet", "@U-bob someday").text
    bot.ok("alice", "meet", "@U-bob tomorrow 10:00")
    assert "already have one-to-one #1" in bot.refused("alice", "meet", "@U-bob").text
    assert "not one of yours" in bot.refused("carol", "meet", "1 decline").text
    assert "no one-to-one #9" in bot.refused("alice", "meet", "9").text
    assert "not a duration" in bot.refused("alice", "meet", "pause forever").text


def test_meets_lists_upcoming_then_past(bot: Bot) -> None:
    book(bot)
    bot.ok("carol", "meet", "@U-alice")
    bot.ok("bob", "meet", "@U-carol tomorrow 10:00")
    bot.ok("carol", "meet", "3 decline")
    listing = shown(bot.ok("alice", "meets"))
    assert listing.startswith("One-to-ones of alice\nUpcoming:\n- #1 with bob: Monday 3 March")
    assert "\n- #2 with carol: to be proposed (proposed)" in listing
    assert "#3" not in listing, "another pair's one-to-one"
    carol = shown(bot.ok("carol", "meets"))
    assert "Past:\n- #3 with bob: Sunday 2 March 2025, 10:00 (declined)" in carol


def rounds_on(bot: Bot) -> None:
    """The rounds start with the network's first use of one-to-ones."""
    bot.ok("alice", "meets")


def test_a_round_pairs_complementary_members_and_explains_why(bot: Bot) -> None:
    bot.join("dave")
    bot.ok("alice", "profile", "Accountant | restaurants, payroll")
    bot.ok("bob", "profile", "Caterer | restaurants, weddings")
    bot.ok("carol", "profile", "Lawyer | divorce")
    bot.ok("dave", "profile", "Plumber | bathrooms")
    rounds_on(bot)
    bot.clock.advance(timedelta(days=3))  # Monday 3 March, 09:00 Paris
    bot.dispatcher.run_once()
    alice = told(bot, "alice")
    assert "Pairing round 1: you are paired with bob, as you both serve restaurants." in alice
    assert "[Book with bob] /meet 1 move WHEN" in alice
    assert "Pairing round 1: you are paired with" in told(bot, "dave")
    stats = shown(bot.ok("alice", "stats", "pairs"))
    assert "Pairing round 1" in stats and "Pairs: 2" in stats
    bot.ok("bob", "meet", "1 move 2025-03-05 10:00")
    bot.ok("alice", "meet", "1 accept")
    bot.clock.advance(timedelta(days=3))
    bot.ok("bob", "meet", "1 done")
    assert "Met (confirmed): 1 (50%)" in shown(bot.ok("alice", "stats", "pairs"))


def test_an_odd_round_makes_a_trio_and_nobody_is_paired_twice(bot: Bot) -> None:
    rounds_on(bot)
    bot.clock.advance(timedelta(days=3))
    bot.dispatcher.run_once()
    trio = told(bot, "alice")
    assert "you meet" in trio and "(a trio)" in trio
    bot.messenger.clear()
    bot.clock.advance(timedelta(days=14))  # the next round: everyone already met
    bot.dispatcher.run_once()
    assert "Pairing round 2" not in told(bot, "alice")


def test_a_paused_member_is_left_out_of_the_round(bot: Bot) -> None:
    bot.join("dave")
    bot.ok("dave", "meet", "pause 4w")
    rounds_on(bot)
    bot.clock.advance(timedelta(days=3))
    bot.dispatcher.run_once()
    assert "Pairing round 1" not in told(bot, "dave")
    assert "(a trio)" in told(bot, "alice")
    assert "out of the pairing rounds until" in shown(bot.ok("dave", "meets"))


def test_rounds_off_schedules_none(bot: Bot) -> None:
    rounds_on(bot)
    bot.ok("alice", "network", "set pairing-weeks off")
    bot.clock.advance(timedelta(days=30))
    bot.dispatcher.run_once()
    assert "Pairing round" not in told(bot, "alice")
    assert "No pairing round yet" in bot.ok("alice", "stats", "pairs").text


def test_stats_compares_pairs_who_met_with_pairs_who_did_not(bot: Bot) -> None:
    bot.join("dave")
    book(bot)
    bot.clock.advance(timedelta(days=3))
    bot.ok("alice", "meet", "1 done")
    bot.ok("alice", "refer", "@U-bob Acme | audit")
    bot.ok("bob", "refer", "@U-alice Globex | payroll")
    bot.ok("carol", "refer", "@U-dave Initech | plumbing")
    stats = shown(bot.ok("alice", "stats"))
    assert "Pairs who met in a one-to-one: per pair: 2.00 (referrals: 2; pairs: 1)" in stats
    assert "Pairs who did not: per pair: 0.20 (referrals: 1; pairs: 5)" in stats
    assert "Pairs who met" not in shown(bot.ok("bob", "stats")), "admins only"


def test_french(bot: Bot) -> None:
    bot.ok("alice", "network", "set locale fr")
    reply = bot.ok("alice", "meet", "@U-bob demain 10h | Café de Flore")
    assert "Tête-à-tête n° 1 proposé à bob le dimanche 2 mars 2025 à 10:00 (Café de Flore)" in (
        reply.text
    )
    assert "[Accepter] /meet 1 accept" in told(bot, "bob")
    refused = bot.refused("bob", "meet", "1 déplacer un jour")
    assert "Je ne sais pas lire « un jour »" in refused.text


def test_erasing_my_data_takes_my_notes_with_it(bot: Bot) -> None:
    book(bot)
    bot.clock.advance(timedelta(days=3))
    bot.ok("bob", "meet", "1 done | Alice's clients are all restaurants")
    bot.ok("alice", "meet", "1 done | Bob caters weddings")
    bot.ok("bob", "mydata", "erase confirm")
    kept = shown(bot.ok("alice", "meet", "1"))
    assert "caters weddings" in kept and "Bob" not in kept  # hers stays, without his name
    rows = bot.db.dump()["meet_notes"]
    assert [row for row in rows if "restaurants" in str(row)] == []
