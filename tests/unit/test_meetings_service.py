"""`/meeting`: the weekly meeting, check-ins, absences, substitutes and the absence rule,
through the facade on SQLite with the outbox dispatched as the bot does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.meetings import calendar
from core.shared.outbox import OutboxItem
from core.shared.ui import Notice
from tests.driver import Bot, user_id

# The driver's clock starts on Saturday 1 March 2025, 09:00 UTC (10:00 in Paris).
THURSDAY = datetime(2025, 3, 6, 6, 30, tzinfo=UTC)  # 07:30 in Paris


def tick(bot: Bot, to: datetime) -> None:
    """Move the clock and let the dispatcher run what fell due, as the bot's loop does."""
    bot.clock.set(to)
    bot.dispatcher.run_once()


def buttons(notice: Notice) -> list[str]:
    return [f"/{a.command} {a.args}" for a in notice.reply.actions]


@pytest.fixture
def bot() -> Bot:
    bot = Bot()
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Alice", "network", "set announcements-channel C-ann")
    bot.ok("Alice", "meeting", "schedule weekly thu 07:30 | Café du Port")
    bot.messenger.clear()
    return bot


def test_schedule_reads_english_and_french_and_shows_the_next_meeting(bot: Bot) -> None:
    reply = bot.ok("Alice", "meeting", "schedule jeudi 7h30 | Café du Port")
    assert "Thursday at 07:30 (Café du Port)" in reply.text
    assert "Thursday 6 March, 07:30" in reply.text
    shown = bot.ok("Bob", "meeting")
    assert shown.title == "Meeting of Thursday 6 March, 07:30"
    fields = {f.label: f.value for f in shown.fields}
    assert fields["Place"] == "Café du Port"
    assert fields["Expected"] == "Alice, Bob, Carol"


def test_only_admins_schedule_and_bad_schedules_change_nothing(bot: Bot) -> None:
    bot.refused("Bob", "meeting", "schedule thu 08:00")
    reply = bot.refused("Alice", "meeting", "schedule someday 25:00")
    assert "someday" in reply.text


def test_a_date_on_another_day_is_refused_with_the_meeting_day(bot: Bot) -> None:
    reply = bot.refused("Bob", "meeting", "absent 2025-03-07 | holiday")
    assert "the club meets on Thursday at 07:30" in reply.text
    assert "cannot read" in bot.refused("Bob", "meeting", "absent someday | x").text


def test_agenda_reminder_checkin_and_closing(bot: Bot) -> None:
    bot.ok("Bob", "visitor", "Jean Dupont | Architect | Atelier JD | jean@example.org | jeudi")
    bot.ok("Carol", "meeting", "absent 6 mars | dentist")
    tick(bot, THURSDAY - timedelta(days=1))
    [agenda] = [n for n in bot.messenger.sent if n.kind == "meeting.agenda"]
    assert agenda.reply.title == "Tomorrow's meeting: Thursday 6 March, 07:30"
    fields = {f.label: f.value for f in agenda.reply.fields}
    assert fields["Visitors expected"] == "Jean Dupont (Architect), invited by Bob"
    assert fields["Excused"] == "Carol"
    assert "Rule of the week" in fields
    assert "jean@example.org" not in str(agenda.reply)
    [reminder] = bot.messenger.to(user_id("Bob"))
    assert "Jean Dupont" in reminder.reply.text
    bot.messenger.clear()
    tick(bot, THURSDAY)
    prompted = {n.external_id for n in bot.messenger.sent}
    assert prompted == {user_id("Alice"), user_id("Bob")}  # Carol said she was absent
    [alice_prompt] = bot.messenger.to(user_id("Alice"))
    assert buttons(alice_prompt)[0] == "/meeting here 2025-03-06"
    assert bot.ok("Alice", "meeting", "here 2025-03-06").text.startswith("Welcome!")
    bot.messenger.clear()
    tick(bot, THURSDAY + timedelta(minutes=60))
    shown = {f.label: f.value for f in bot.ok("Alice", "meeting", "2025-03-06").fields}
    assert shown["Here"] == "Alice"
    assert shown["Excused"] == "Bob, Carol"  # Bob never answered
    [asked] = bot.messenger.to(user_id("Bob"))
    assert "How did the visit of Jean Dupont" in asked.reply.text
    assert buttons(asked)[0] == "/visitor 1 propose"
    # Check-in is closed now.
    assert "not open" in bot.refused("Bob", "meeting", "here 2025-03-06").text


def test_closing_twice_marks_nothing_twice(bot: Bot) -> None:
    tick(bot, THURSDAY)
    bot.ok("Alice", "meeting", "here")
    tick(bot, THURSDAY + timedelta(minutes=60))
    before = bot.db.dump()
    tick(bot, THURSDAY + timedelta(minutes=61))
    assert bot.db.rows("meeting_attendance") and len(bot.db.rows("meeting_attendance")) == 3
    assert bot.db.dump()["meeting_attendance"] == before["meeting_attendance"]


def test_a_check_in_pressed_before_a_restart_is_kept(bot: Bot) -> None:
    """The answer is stored by the command itself: a new bot on the same database (a
    restart in the window) closes the meeting with it."""
    tick(bot, THURSDAY)
    bot.ok("Bob", "meeting", "here")
    restarted = Bot(db=bot.db, clock=bot.clock)
    tick(restarted, THURSDAY + timedelta(minutes=60))
    shown = {f.label: f.value for f in restarted.ok("Alice", "meeting", "2025-03-06").fields}
    assert shown["Here"] == "Bob"


def test_substitute_counts_as_presence_and_medical_is_not_counted(bot: Bot) -> None:
    bot.ok("Bob", "meeting", "substitute 2025-03-06 Paul Martin | Architect")
    bot.ok("Carol", "meeting", "medical jeudi | flu")
    tick(bot, THURSDAY + timedelta(minutes=60))
    shown = {f.label: f.value for f in bot.ok("Alice", "meeting", "2025-03-06").fields}
    assert shown["Substitutes"] == "Paul Martin (Architect) for Bob"
    assert bot.messenger.texts_to(user_id("Carol")) == []


def test_the_absence_rule_warns_then_tells_the_admins(bot: Bot) -> None:
    """Three absences allowed: the second brings a friendly word, the third tells the admins;
    each once. Bob sends a substitute the third week, which is not held against him."""
    for week in range(3):
        if week == 2:
            bot.ok("Bob", "meeting", "substitute 2025-03-20 Paul | Architect")
        tick(bot, THURSDAY + timedelta(weeks=week))
        bot.ok("Alice", "meeting", "here")
        tick(bot, THURSDAY + timedelta(weeks=week, minutes=60))
    warned = [t for t in bot.messenger.texts_to(user_id("Carol")) if "missed you" in t]
    assert warned == [
        "We missed you! Absences counted over 6 months: 2, and the club allows 3. When you "
        "cannot come, a substitute keeps your seat warm (and does not count as an absence)."
    ]
    told = [t for t in bot.messenger.texts_to(user_id("Alice")) if "limit" in t]
    assert told == ["Carol has reached the club's limit of absences: 3 over 6 months."]
    bob = [t for t in bot.messenger.texts_to(user_id("Bob")) if "missed you" in t]
    assert len(bob) == 1  # two absences, then a substitute: no limit reached
    assert [t for t in bot.messenger.texts_to(user_id("Alice")) if "Bob has" in t] == []


def test_secretary_corrects_and_members_cannot(bot: Bot) -> None:
    tick(bot, THURSDAY + timedelta(minutes=60))
    bot.refused("Bob", "meeting", "2025-03-06 mark @Carol present")
    bot.ok("Alice", "network", "role @Bob secretary")
    reply = bot.ok("Bob", "meeting", "2025-03-06 mark @Carol present")
    assert reply.text == "Carol is marked present at the meeting of Thursday 6 March, 07:30."
    shown = {f.label: f.value for f in bot.ok("Alice", "meeting", "2025-03-06").fields}
    assert "Carol" in shown["Here"]


def test_cancelled_meeting_gets_no_checkin_and_nobody_is_absent(bot: Bot) -> None:
    bot.ok("Alice", "meeting", "cancel 06/03 | holidays")
    assert "cancelled" in bot.refused("Bob", "meeting", "absent 2025-03-06").text
    tick(bot, THURSDAY + timedelta(minutes=90))
    assert not [n for n in bot.messenger.sent if n.kind == "meeting.checkin_button"]
    assert bot.db.rows("meeting_attendance") == []


def test_french_network_speaks_french(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    reply = bot.ok("Bob", "meeting", "absent jeudi | congés")
    assert reply.text == "C'est noté : vous serez absent le jeudi 6 mars, 07:30."


def test_two_agendas_for_one_meeting_post_once(bot: Bot) -> None:
    """As when two admins set the schedule at the same moment: the second agenda finds the
    meeting's check-in already scheduled and stays silent."""
    with bot.uow_factory() as uow:
        network = uow.networks.get_by_key(bot.network)
        assert network is not None
        uow.outbox.add(
            OutboxItem(
                network.id,
                calendar.AGENDA,
                THURSDAY - timedelta(days=1),
                {"at": THURSDAY.isoformat()},
                key="agenda-twin",
                subject=calendar.SUBJECT,
            )
        )
        uow.commit()
    tick(bot, THURSDAY)
    assert len([n for n in bot.messenger.sent if n.kind == "meeting.agenda"]) == 1
    prompts = [n for n in bot.messenger.sent if n.kind == "meeting.checkin_button"]
    assert sorted(n.external_id for n in prompts) == [user_id(n) for n in ("Alice", "Bob", "Carol")]
