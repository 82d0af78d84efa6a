"""The recruitment process nobody can skip, through the facade on SQLite: who interviews, when
the vote may open, the admin's recorded override, exclusivity at every step, linking, reminders.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.recruitment.model import Candidate, Stage
from core.shared.ui import Reply
from tests.driver import Bot, user_id

PROPOSE = "Zoe Martin | plumber | Left BNI Lyon"


@pytest.fixture
def bot() -> Bot:
    """Alice (admin, recruiter) sponsors; Bob and Carol experienced; Dave and Erin recruiters;
    Frank a plain member. The clock then moves on a day, so later accounts are newer."""
    bot = Bot()
    bot.join("Alice", "Bob", "Carol", "Dave", "Erin", "Frank")
    bot.ok("Alice", "network", "set recruiters-channel #recruiters")
    for name, role in (
        ("Bob", "experienced"),
        ("Carol", "experienced"),
        ("Dave", "recruiter"),
        ("Erin", "recruiter"),
        ("Alice", "recruiter"),
    ):
        bot.ok("Alice", "network", f"role @{name} {role}")
    bot.clock.advance(timedelta(days=1))
    bot.messenger.clear()
    return bot


def candidate(bot: Bot, number: int = 1) -> Candidate:
    with bot.uow_factory() as uow:
        network = uow.networks.get_by_key(bot.network)
        assert network is not None
        found = uow.candidates.get(network.id, number)
        assert found is not None
        return found


def shown(reply: Reply) -> str:
    parts = [reply.text, reply.title]
    parts += [f"{f.label}: {f.value}" for f in reply.fields]
    parts += list(reply.lines)
    return "\n".join(parts)


def texts_to(bot: Bot, name: str) -> list[str]:
    return bot.messenger.texts_to(user_id(name))


def posts(bot: Bot, number: int = 1) -> list[str]:
    return [n.reply.text for n in bot.messenger.sent if n.thread == f"candidate:{number}"]


def to_vote(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Bob", "candidate", "1 report admit | Generous")
    bot.ok("Carol", "candidate", "1 report admit | Honest")
    assert candidate(bot).stage is Stage.VOTE


# When the vote may open


def test_open_is_refused_until_both_reports_are_in_and_says_what_is_missing(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    refused = bot.refused("Dave", "candidate", "1 open")
    assert refused.text == (
        "The vote on candidate #1 cannot open yet. Missing: Bob's report; Carol's report."
    )
    bot.ok("Bob", "candidate", "1 report admit")
    assert "Missing: Carol's report." in bot.refused("Erin", "candidate", "1 open").text
    assert candidate(bot).stage is Stage.INTERVIEWS
    bot.ok("Carol", "candidate", "1 report admit")
    assert candidate(bot).stage is Stage.VOTE


def test_no_vote_opens_without_interviewers(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Carol experienced remove")
    bot.ok("Alice", "candidate", PROPOSE)
    refused = bot.refused("Dave", "candidate", "1 open")
    assert "Missing: two interviewers (/candidate 1 interviewers @a @b)" in refused.text
    assert "Interviewers: none yet" in shown(bot.ok("Dave", "candidate", "1"))


def test_the_site_visit_is_not_skipped_when_required(bot: Bot) -> None:
    bot.ok("Alice", "network", "set site-visit on")
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Bob", "candidate", "1 report admit")
    bot.ok("Carol", "candidate", "1 report admit")
    refused = bot.refused("Dave", "candidate", "1 open")
    assert "Missing: a visit at the candidate's workplace" in refused.text
    assert candidate(bot).stage is Stage.INTERVIEWS
    bot.ok("Frank", "candidate", "1 visit | A tidy workshop")
    assert candidate(bot).stage is Stage.VOTE


def test_the_sponsor_never_opens_closes_or_overrides(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    assert "You sponsor candidate #1" in bot.refused("Alice", "candidate", "1 open").text
    refused = bot.refused("Alice", "candidate", "1 override-process | I know her well")
    assert "You sponsor candidate #1" in refused.text
    bot.ok("Bob", "candidate", "1 report admit")
    bot.ok("Carol", "candidate", "1 report admit")
    assert "You sponsor candidate #1" in bot.refused("Alice", "candidate", "1 close").text
    assert "your own candidate" in bot.refused("Alice", "candidate", "1 vote yes").text


def test_an_interviewer_bound_by_an_older_charter_holds_the_vote(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Alice", "charter", "commission 5%")  # a new version Carol has not accepted
    bot.ok("Bob", "charter", "accept")
    bot.ok("Bob", "candidate", "1 report admit")
    bot.ok("Carol", "candidate", "1 report admit")
    assert candidate(bot).stage is Stage.INTERVIEWS
    refused = bot.refused("Dave", "candidate", "1 open")
    assert "Carol cannot interview: has not accepted the current charter" in refused.text
    bot.ok("Carol", "charter", "accept")
    assert bot.ok("Dave", "candidate", "1 open").text == "The vote on candidate #1 is open."


# The admin's override of the process


def test_only_an_admin_overrides_the_process_and_it_shows(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Erin admin")
    bot.ok("Alice", "candidate", PROPOSE)
    assert "admins" in bot.refused("Dave", "candidate", "1 override-process | trust me").text
    assert "Usage" in bot.refused("Erin", "candidate", "1 override-process").text
    reply = bot.ok("Erin", "candidate", "1 override-process | Interviewed in person in 2024")
    assert reply.text.startswith("The vote on candidate #1 is open without the full process")
    assert candidate(bot).stage is Stage.VOTE
    card = shown(bot.ok("Frank", "candidate", "1"))
    assert "Opened without the full process: Interviewed in person in 2024" in card
    assert (
        "Erin (admin) opened the vote without the full process, skipping: Bob's report; "
        "Carol's report. Reason: Interviewed in person in 2024"
    ) in posts(bot)
    audit = shown(bot.ok("Alice", "network", "audit"))
    assert (
        "Erin: vote opened without the full process: #1 Zoe Martin — Interviewed in person in 2024"
        in audit
    )


def test_the_override_of_the_process_does_not_override_exclusivity(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Erin admin")
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Dave", "candidate", "Yann Roux | plumbers | none")
    refused = bot.refused("Erin", "candidate", "2 override-process | no time")
    assert "profession is held by candidate #1 Zoe Martin" in refused.text


# Who interviews


def test_interviewers_are_never_of_the_profession_nor_outside_the_charter(bot: Bot) -> None:
    bot.join("Gina", accept_charter=False)
    bot.clock.advance(timedelta(days=200))  # everyone is experienced by now, Gina too
    bot.ok("Bob", "profile", "Plumber | leaks, boilers | Fast and clean")
    reply = bot.ok("Alice", "candidate", "Zed Blum | plumbers | none")
    interviewers = candidate(bot).interviewers
    assert bot.member("Bob").id not in interviewers
    assert bot.member("Gina").id not in interviewers
    assert len(interviewers) == 2 and "Interviewers: Carol, Dave" in shown(reply)
    refused = bot.refused("Dave", "candidate", "1 interviewers @Bob @Carol")
    assert refused.text == (
        "Bob works in the candidate's profession (plumbers) and cannot interview them."
    )
    refused = bot.refused("Dave", "candidate", "1 interviewers @Gina @Carol")
    assert "Gina has not accepted the current charter" in refused.text


def test_when_nobody_can_interview_the_recruiters_and_admins_hear_it(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Carol experienced remove")
    reply = bot.ok("Frank", "candidate", PROPOSE)
    assert "recruiters assign them with /candidate 1 interviewers @a @b" in reply.text
    assert any(p.startswith("Fewer than two members can interview this") for p in posts(bot))
    told = texts_to(bot, "Alice")
    assert any("Fewer than two members can interview Zoe Martin" in t for t in told)
    assert not texts_to(bot, "Dave")  # the recruiters read it in their channel


def test_without_a_recruiters_channel_each_recruiter_hears_it(bot: Bot) -> None:
    bot.ok("Alice", "network", "set recruiters-channel none")
    bot.ok("Alice", "network", "role @Carol experienced remove")
    bot.ok("Frank", "candidate", PROPOSE)
    for name in ("Alice", "Dave", "Erin"):
        assert any("Fewer than two members can interview" in t for t in texts_to(bot, name)), name


# Exclusivity, again at the vote and at admission


def test_a_member_who_took_the_profession_later_blocks_the_vote(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Frank", "profile", "Plumber | pipes | Twenty years of leaks")
    bot.ok("Bob", "candidate", "1 report admit")
    bot.ok("Carol", "candidate", "1 report admit")
    assert candidate(bot).stage is Stage.INTERVIEWS
    assert "The profession is already held by Frank" in shown(bot.ok("Dave", "candidate", "1"))
    refused = bot.refused("Dave", "candidate", "1 open")
    assert "a recruiter's override, as the profession is held by Frank" in refused.text
    bot.ok("Dave", "candidate", "1 override | Frank retires next month")
    assert candidate(bot).stage is Stage.VOTE
    audit = shown(bot.ok("Alice", "network", "audit"))
    assert "Dave: profession conflict overridden: #1 Zoe Martin (Frank) — Frank retires" in audit


def test_a_member_who_took_the_profession_during_the_vote_blocks_admission(bot: Bot) -> None:
    to_vote(bot)
    bot.ok("Frank", "profile", "plumber | pipes | Twenty years of leaks")
    bot.ok("Dave", "candidate", "1 vote yes")
    bot.ok("Erin", "candidate", "1 vote yes")
    found = candidate(bot)
    assert found.stage is Stage.REJECTED
    assert "Not admitted: the profession is now held by Frank" in found.decision_note


def test_the_same_candidate_cannot_be_proposed_twice(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    refused = bot.refused("Frank", "candidate", "zoe  MARTIN | Plumbers | again")
    assert refused.text == "Zoe Martin (plumber) is already an open candidate: #1."
    bot.ok("Alice", "candidate", "1 withdraw")
    bot.ok("Frank", "candidate", "Zoe Martin | plumber | she is back")


# Linking the admitted candidate to their account


def test_link_refuses_an_existing_member_a_second_link_and_is_audited(bot: Bot) -> None:
    to_vote(bot)
    bot.ok("Dave", "candidate", "1 vote yes")
    bot.ok("Erin", "candidate", "1 vote yes")
    refused = bot.refused("Alice", "candidate", "1 link @Frank")
    assert refused.text.startswith("Frank has been a member since Mar 1, 2025")
    assert "before candidate #1 was proposed" in refused.text
    assert bot.member("Frank").profession == ""
    bot.ok("Yves", "charter", "accept")  # a newer account, which already chose a profession
    bot.ok("Yves", "profile", "Roofer | roofs | Up high")
    refused = bot.refused("Alice", "candidate", "1 link @Yves")
    assert "already has a profession (Roofer)" in refused.text
    bot.ok("Zoe", "charter")  # the candidate's own new account
    bot.ok("Alice", "candidate", "1 link @Zoe")
    assert bot.member("Zoe").profession == "plumber"
    refused = bot.refused("Alice", "candidate", "1 link @Zoe")
    assert refused.text == "Candidate #1 is already linked to the member Zoe."
    audit = shown(bot.ok("Alice", "network", "audit"))
    assert "Alice: candidate linked to a member: #1 Zoe Martin → Zoe" in audit


# Reminders


def test_an_interviewer_whose_report_is_late_is_reminded_once(bot: Bot) -> None:
    bot.ok("Alice", "network", "set interview-days 3")
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Bob", "candidate", "1 report admit")
    bot.clock.advance(timedelta(days=3) - timedelta(minutes=1))
    bot.dispatcher.run_once()
    assert not [t for t in texts_to(bot, "Carol") if t.startswith("Reminder")]
    bot.clock.advance(timedelta(minutes=2))
    bot.dispatcher.run_once()
    bot.dispatcher.run_once()
    reminders = [t for t in texts_to(bot, "Carol") if t.startswith("Reminder")]
    assert reminders == [
        "Reminder: your interview report on Zoe Martin (plumber), candidate #1, is still not "
        "in. File it with /candidate 1 report admit|reject|unsure | notes."
    ]
    assert not [t for t in texts_to(bot, "Bob") if t.startswith("Reminder")]


def test_recruiters_who_have_not_voted_are_reminded_the_day_before(bot: Bot) -> None:
    to_vote(bot)
    bot.ok("Dave", "candidate", "1 vote yes")
    bot.messenger.clear()
    bot.clock.advance(timedelta(days=6, minutes=1))
    bot.dispatcher.run_once()
    bot.dispatcher.run_once()
    (reminder,) = [n for n in bot.messenger.sent if n.reply.text.startswith("Reminder")]
    assert reminder.external_id == user_id("Erin")
    assert reminder.reply.text.startswith("Reminder: the vote on Zoe Martin (candidate #1) closes")
    assert {a.args for a in reminder.reply.actions} == {
        "1 vote yes",
        "1 vote no",
        "1 vote abstain",
    }


def test_reminders_speak_french(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    bot.ok("Alice", "candidate", PROPOSE)
    bot.clock.advance(timedelta(days=7, minutes=1))
    bot.dispatcher.run_once()
    assert (
        "Rappel : votre compte rendu d'entretien sur Zoe Martin (plumber), candidat n° 1, n'est "
        "toujours pas déposé. Déposez-le avec /candidate 1 report admit|reject|unsure | notes."
    ) in texts_to(bot, "Bob")
    refused = bot.refused("Dave", "candidate", "1 open")
    assert refused.text == (
        "Le vote sur le candidat n° 1 ne peut pas encore s'ouvrir. Il manque : le compte rendu "
        "que doit déposer Bob ; le compte rendu que doit déposer Carol."
    )


def test_a_withdrawn_candidate_reminds_nobody(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Alice", "candidate", "1 withdraw")
    bot.clock.advance(timedelta(days=30))
    bot.dispatcher.run_once()
    assert not [n for n in bot.messenger.sent if n.reply.text.startswith("Reminder")]
