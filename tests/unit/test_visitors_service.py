"""`/visitor` and `/visitors`: invitations, exclusivity, the host's reminder and question, the
candidate form filled in from the visit, the contact's privacy and retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.driver import Bot, user_id

THURSDAY = datetime(2025, 3, 6, 6, 30, tzinfo=UTC)  # 07:30 in Paris
VISIT = "Jean Dupont | Architect | Atelier JD | jean@example.org | 2025-03-06"


def tick(bot: Bot, to: datetime) -> None:
    bot.clock.set(to)
    bot.dispatcher.run_once()


@pytest.fixture
def bot() -> Bot:
    bot = Bot()
    bot.join("Alice", "Bob", "Carol", "Dave")
    bot.ok("Alice", "network", "role @Carol recruiter")
    bot.ok("Alice", "network", "role @Dave experienced")
    bot.ok("Alice", "meeting", "schedule thu 07:30 | Café du Port")
    bot.messenger.clear()
    return bot


def test_invite_and_see_it_listed_with_the_contact_for_host_and_admins_only(bot: Bot) -> None:
    reply = bot.ok("Bob", "visitor", VISIT)
    assert reply.text == (
        "Visitor #1 Jean Dupont is expected at the meeting of Thursday 6 March, 07:30."
    )
    assert reply.lines == ()
    for who in ("Bob", "Alice"):
        assert "jean@example.org" in bot.ok(who, "visitors").fields[0].value
    listed = bot.ok("Carol", "visitors").fields[0].value
    assert "Jean Dupont (Architect, Atelier JD), invited by Bob, 2025-03-06: expected" in listed
    assert "jean@example.org" not in listed
    assert "jean@example.org" not in str(bot.ok("Carol", "visitor", "1"))


def test_the_form_opens_without_text_and_bad_input_changes_nothing(bot: Bot) -> None:
    form = bot.ok("Bob", "visitor").form
    assert form is not None and form.title == "Invite a visitor"
    assert [i.name for i in form.inputs] == [
        "visitor_name",
        "profession",
        "company",
        "visitor_contact",
        "date",
    ]
    bot.refused("Bob", "visitor", "Jean | Architect | | | tomorrow")  # a Sunday
    bot.refused("Bob", "visitor", " | Architect")
    bot.refused("Bob", "visitor", "x" * 201 + " | Architect")


def test_the_host_is_told_at_once_when_the_profession_is_held(bot: Bot) -> None:
    bot.ok("Dave", "profile", "Architect | houses")
    reply = bot.ok("Bob", "visitor", VISIT)
    assert reply.lines == (
        "Careful: Dave already holds the profession Architect in the club, so Architect cannot "
        "become a member here. Tell your visitor before you invite them.",
    )


def test_reminded_the_day_before_then_asked_and_proposed_as_candidate(bot: Bot) -> None:
    bot.ok("Bob", "visitor", VISIT)
    tick(bot, THURSDAY - timedelta(days=1))
    assert any(
        "Reminder: your visitor Jean Dupont" in t for t in bot.messenger.texts_to(user_id("Bob"))
    )
    tick(bot, THURSDAY)
    tick(bot, THURSDAY + timedelta(minutes=60))
    [asked] = [n for n in bot.messenger.to(user_id("Bob")) if "How did the visit" in n.reply.text]
    propose = asked.reply.actions[0]
    assert (propose.label, propose.command, propose.args) == (
        "Propose as candidate",
        "visitor",
        "1 propose",
    )
    bot.refused("Carol", "visitor", "1 propose")  # not her visitor
    form = bot.ok("Bob", "visitor", "1 propose").form
    assert form is not None and form.command == "candidate"
    initial = {i.name: i.initial for i in form.inputs}
    assert initial["name"] == "Jean Dupont" and initial["profession"] == "Architect"
    submitted = dict(initial, previous="None before")
    reply = bot.run("Bob", "candidate", verb="", values=submitted)
    assert not reply.error, reply.text
    listed = str(bot.ok("Alice", "visitors").fields)
    assert "candidate #1 (interviews)" in listed
    assert "jean@example.org" in listed  # a candidate's contact is kept
    assert "already candidate #1" in bot.refused("Bob", "visitor", "1 propose").text


def test_contact_erased_after_retention_unless_proposed(bot: Bot) -> None:
    bot.ok("Bob", "visitor", VISIT)
    bot.ok("Bob", "visitor", VISIT.replace("Jean Dupont", "Marie Curie").replace("jean@", "marie@"))
    bot.ok("Bob", "candidate", "Marie Curie | Architect | none")
    tick(bot, THURSDAY + timedelta(days=6 * 31 + 1))
    listed = bot.ok("Alice", "visitor", "1").text
    assert "Jean Dupont" not in listed and "jean@example.org" not in listed
    assert listed.startswith("#1 Visitor #1 (Architect")
    assert "marie@example.org" in bot.ok("Alice", "visitor", "2").text
    assert "jean@example.org" not in str(bot.db.dump())


def test_erasing_my_data_takes_my_visitors_contacts(bot: Bot) -> None:
    bot.ok("Bob", "visitor", VISIT)
    export = bot.ok("Bob", "mydata", "export").files[0].content.decode()
    assert "jean@example.org" in export
    bot.ok("Bob", "mydata", "erase confirm")
    assert "jean@example.org" not in str(bot.db.dump())


def test_stats_show_visitors_per_month_and_who_became_members(bot: Bot) -> None:
    bot.ok("Bob", "visitor", VISIT)
    tick(bot, THURSDAY + timedelta(minutes=60))
    bot.ok("Bob", "visitor", "1 came")
    fields = {f.label: f.value for f in bot.ok("Alice", "stats").fields}
    assert fields["Visitors"] == "March: 1; became members: 0 (0% of those who came)"
    assert fields["Meeting attendance"] == "0%"


def test_the_monthly_digest_shows_attendance_and_visitors(bot: Bot) -> None:
    bot.ok("Alice", "network", "set announcements-channel C-ann")
    bot.ok("Bob", "visitor", VISIT)
    tick(bot, THURSDAY)
    bot.ok("Alice", "meeting", "here")
    bot.ok("Bob", "meeting", "here")
    tick(bot, THURSDAY + timedelta(minutes=60))
    tick(bot, datetime(2025, 4, 1, 8, 0, tzinfo=UTC))  # 10:00 in Paris, the first working day
    [posted] = [n for n in bot.messenger.sent if n.kind == "stats.digest"]
    fields = {f.label: f.value for f in posted.reply.fields}
    assert fields["Meeting attendance"] == "50%"  # Alice and Bob of four
    assert fields["Visitors"] == "March: 1; became members: 0 (0% of those who came)"
