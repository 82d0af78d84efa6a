"""An erased member is no longer a member: the directory, the counts, the reminders and the
digest's thanks leave them out; their records stay under the pseudonym."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.stats import digest
from tests.driver import Bot, user_id


def erased(bot: Bot, name: str) -> str:
    done = bot.ok(name, "mydata", "erase confirm")
    return done.text.removeprefix("Done: you now appear as ").split(" everywhere")[0]


def test_an_erased_member_leaves_the_directory_and_the_member_count() -> None:
    bot = Bot()
    bot.join("Alice", "Bob", "Carol")
    pseudonym = erased(bot, "Bob")
    listed = bot.ok("Alice", "members")
    text = "\n".join([listed.text, *listed.lines, *(f.value for f in listed.fields)])
    assert "Carol" in text and "Bob" not in text and pseudonym not in text
    fields = {f.label: f.value for f in bot.ok("Alice", "network").fields}
    assert fields["Members"] == "2"
    lights = bot.ok("Alice", "stats", "activity")
    assert pseudonym not in "\n".join([lights.text, *lights.lines])


def test_the_charter_reminder_counts_and_nudges_no_erased_member() -> None:
    bot = Bot()
    bot.join("Alice", "Carol")
    bot.join("Bob", "Dave", accept_charter=False)
    bot.ok("Alice", "network", "set announcements-channel general")
    erased(bot, "Bob")
    bot.messenger.clear()
    bot.clock.advance(timedelta(days=8))
    bot.dispatcher.run_once()
    nudged = {n.external_id for n in bot.messenger.sent if n.kind == "reminder.charter"}
    assert nudged == {user_id("Dave")}
    (post,) = [n for n in bot.messenger.sent if n.channel == "general"]
    assert post.reply.footer.startswith("1 ")


def test_the_digest_thanks_no_erased_member_and_keeps_their_referrals_in_the_totals() -> None:
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Alice", "network", "set announcements-channel general")
    bot.clock.set(datetime(2025, 3, 10, 9, tzinfo=UTC))
    bot.ok("Bob", "refer", "@Carol Acme | audit | 1000 | 3")
    bot.ok("Bob", "refer", "@Carol Initech | payroll | 1000 | 3")
    bot.ok("Alice", "refer", "@Carol Umbrella | security | 1000 | 3")
    for number in (1, 2, 3):
        bot.ok("Carol", "referral", f"{number} decline")
    erased(bot, "Bob")
    bot.clock.set(datetime(2025, 4, 1, 7, tzinfo=UTC))
    bot.dispatcher.run_once()
    (posted,) = [n for n in bot.messenger.sent if n.kind == digest.KIND]
    assert "Alice (1)" in posted.reply.text
    assert "Former member" not in posted.reply.text


def test_the_other_party_of_a_won_referral_is_told_and_open_ones_come_first() -> None:
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10%")
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Alice", "refer", "@Bob Acme | audit | 1000 | 3")
    bot.ok("Carol", "refer", "@Bob Initech | payroll | 1000 | 3")
    bot.ok("Bob", "referral", "2 accept")
    asked = bot.refused("Bob", "mydata", "erase")
    assert "#1 Acme, with Alice (offered)" in asked.text
    assert "#2 Initech, with Carol (accepted)" in asked.text
    bot.refused("Bob", "mydata", "erase confirm")
    bot.ok("Bob", "referral", "1 decline")
    bot.ok("Bob", "referral", "2 won 5000")
    bot.messenger.clear()
    pseudonym = erased(bot, "Bob")
    assert bot.messenger.texts_to(user_id("Alice")) == []  # declined: nothing between them
    (told,) = bot.messenger.texts_to(user_id("Carol"))
    assert told == (
        f"Referral #2 (Initech): the other party erased their personal data and now appears as "
        f"{pseudonym}. The referral, its amount and its commission stay on record."
    )
