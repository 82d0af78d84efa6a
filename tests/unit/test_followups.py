"""Follow-ups and feedback through the facade, on SQLite, with a clock we move."""

from datetime import UTC, datetime, timedelta

import pytest

from core import jobs
from core.recruitment import services as recruitment
from core.referrals import followups
from core.shared.errors import InvalidValue
from core.shared.outbox import OutboxItem, OutboxState
from core.shared.schedule import parse_weekly
from tests.driver import Bot, user_id


@pytest.fixture
def bot() -> Bot:
    """Alice (admin), Bob and Carol accepted the charter; Alice referred Acme to Bob."""
    bot = Bot()
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.messenger.clear()
    return bot


def later(bot: Bot, days: float) -> None:
    bot.clock.advance(timedelta(days=days))
    bot.dispatcher.run_once()


def texts(bot: Bot, name: str) -> list[str]:
    return bot.messenger.texts_to(user_id(name))


def test_the_referrer_is_asked_after_the_follow_up_delay(bot: Bot) -> None:
    bot.ok("Bob", "referral", "1 accept")
    later(bot, 13.9)
    assert not any("served well" in t for t in texts(bot, "Alice"))
    later(bot, 0.2)
    (asked,) = [n for n in bot.messenger.to(user_id("Alice")) if "served well" in n.reply.text]
    assert asked.reply.text == "Was Acme served well by Bob? (referral #1)"
    assert [a.args for a in asked.reply.actions] == [f"1 {s}" for s in "12345"] + ["1 later"]


def test_the_follow_up_delay_is_a_network_setting(bot: Bot) -> None:
    bot.ok("Alice", "network", "set followup-days 3")
    bot.ok("Bob", "referral", "1 accept")
    later(bot, 3.1)
    assert any("served well" in t for t in texts(bot, "Alice"))


def test_too_early_to_say_asks_again_a_week_later(bot: Bot) -> None:
    bot.ok("Bob", "referral", "1 accept")
    later(bot, 15)
    assert bot.ok("Alice", "feedback", "1 later").text == "Noted: I will ask again in 7 days."
    bot.messenger.clear()
    later(bot, 6.9)
    assert not any("served well" in t for t in texts(bot, "Alice"))
    later(bot, 0.2)
    assert sum("served well" in t for t in texts(bot, "Alice")) == 1


def test_feedback_records_the_score_and_stops_the_question(bot: Bot) -> None:
    bot.ok("Bob", "referral", "1 accept")
    reply = bot.ok("Alice", "feedback", "1 4 Quick and friendly")
    assert reply.text == (
        "Thank you: 4/5 recorded for referral #1. Bob now has 4.0/5 from 1 feedback."
    )
    assert texts(bot, "Bob")[-1] == (
        "Alice gave you 4/5 for referral #1. Comment: Quick and friendly"
    )
    bot.messenger.clear()
    later(bot, 30)
    assert not any("served well" in t for t in texts(bot, "Alice"))
    assert "My quality score: 4.0/5 from 1 feedback." in bot.ok("Bob", "referrals").footer


def test_a_low_score_alerts_the_admins(bot: Bot) -> None:
    bot.ok("Bob", "referral", "1 accept")
    bot.ok("Alice", "network", "role @Carol admin")
    bot.messenger.clear()
    bot.ok("Alice", "feedback", "1 2 Never called back")
    (alert,) = texts(bot, "Carol")
    assert alert.startswith("Low feedback: Alice gave 2/5 to Bob for referral #1")


@pytest.mark.parametrize(
    ("who", "text", "says"),
    [
        ("Bob", "1 5", "Only the member who gave referral #1 can give feedback on it."),
        ("Alice", "1 5", "Referral #1 is offered: feedback comes once it has been accepted."),
        ("Alice", "9 5", "There is no referral #9 in this network."),
        ("Alice", "1 6", "Usage: /feedback N 1|2|3|4|5|later [comment]"),
        ("Alice", "1 five", "Usage: /feedback"),
    ],
)
def test_feedback_refusals_change_nothing(bot: Bot, who: str, text: str, says: str) -> None:
    assert says in bot.refused(who, "feedback", text).text


def test_unanswered_referral_reminds_the_receiver_then_the_referrer(bot: Bot) -> None:
    later(bot, 3.1)
    assert texts(bot, "Bob")[-1].startswith("Referral #1 for Acme from Alice has waited 3 days")
    later(bot, 3)
    assert texts(bot, "Alice")[-1].startswith("Bob has not answered referral #1 for Acme")


def test_answering_cancels_the_reminders(bot: Bot) -> None:
    bot.ok("Bob", "referral", "1 decline too busy")
    bot.messenger.clear()
    later(bot, 30)
    assert bot.messenger.sent == []
    states = {o.key: OutboxState(o.state) for o in bot.db.rows("outbox")}
    assert states["unanswered:1"] is OutboxState.CANCELLED
    assert states["unanswered-referrer:1"] is OutboxState.CANCELLED


def test_an_accepted_referral_without_news_gets_a_reality_check(bot: Bot) -> None:
    bot.ok("Bob", "referral", "1 accept")
    later(bot, 6.9)
    bot.ok("Bob", "referral", "1 contacted")  # news: the check moves a week on
    bot.messenger.clear()
    later(bot, 6.9)
    assert not any("reality check" in t for t in texts(bot, "Bob"))
    later(bot, 0.2)
    (check,) = [n for n in bot.messenger.to(user_id("Bob")) if "reality check" in n.reply.text]
    assert [a.args for a in check.reply.actions] == ["1 won", "1 lost"]
    bot.ok("Bob", "referral", "1 won 1000")
    bot.messenger.clear()
    later(bot, 8)
    assert not any("reality check" in t for t in texts(bot, "Bob"))


def test_weekly_schedule_in_the_network_time_zone() -> None:
    weekly = parse_weekly("lundi 9h")
    assert weekly is not None and str(weekly) == "mon 09:00"
    # Sunday 29 March 2026 is when Paris moves to summer time (UTC+2).
    saturday = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)
    assert weekly.next_after(saturday, "Europe/Paris") == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    monday_at_nine = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    assert weekly.next_after(monday_at_nine, "Europe/Paris") == datetime(
        2026, 4, 6, 7, 0, tzinfo=UTC
    )
    assert parse_weekly("off") is None
    for wrong in ("someday 9h", "mon 25:00", "mon"):
        with pytest.raises(InvalidValue):
            parse_weekly(wrong)


def test_feedback_with_only_the_number_opens_the_form_filled_in(bot: Bot) -> None:
    form = bot.ok("Alice", "feedback", "1").form
    assert form is not None
    assert [(i.name, i.initial) for i in form.inputs] == [
        ("number", "1"),
        ("score", ""),
        ("comment", ""),
    ]


def test_setting_the_same_or_a_new_reminder_schedule_keeps_one_reminder_waiting(
    bot: Bot,
) -> None:
    def waiting() -> list[datetime]:
        return [
            o.due_at
            for o in bot.db.rows("outbox", kind="charter.reminder", state=OutboxState.PENDING)
        ]

    first = waiting()
    assert len(first) == 1
    bot.ok("Alice", "network", "set charter-reminder mon 09:00")
    assert waiting() == first
    bot.ok("Alice", "network", "set charter-reminder fri 17:00")
    assert len(waiting()) == 1 and waiting() != first
    bot.ok("Alice", "network", "set charter-reminder mon 09:00")
    assert waiting() == first


def test_deadlines_and_erasure_are_jobs_and_follow_ups_are_messages() -> None:
    due = datetime(2026, 3, 2, tzinfo=UTC)
    assert jobs.job_for(OutboxItem(1, followups.ERASE_CONTACT, due)) is followups.erase_contact
    assert jobs.job_for(OutboxItem(1, recruitment.DEADLINE, due)) is recruitment.close_at_deadline
    for kind in followups.COMPOSERS:
        assert jobs.job_for(OutboxItem(1, kind, due)) is None, kind
