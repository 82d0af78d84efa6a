"""Recruitment through the facade, on SQLite: blindness, secrecy, roles, stages, deadline."""

from datetime import timedelta

import pytest

from core.recruitment.model import Stage
from tests.driver import Bot, user_id

PROPOSE = "Zoe Martin | plumber | Left BNI Lyon: too much pressure on attendance"


@pytest.fixture
def bot() -> Bot:
    """Alice (admin, recruiter) sponsors; Bob and Carol experienced; Dave and Erin recruiters."""
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
    bot.messenger.clear()
    return bot


def candidate(bot: Bot, number: int = 1) -> object:
    with bot.uow_factory() as uow:
        network = uow.networks.get_by_key(bot.network)
        assert network is not None
        return uow.candidates.get(network.id, number)


def stage(bot: Bot, number: int = 1) -> Stage:
    return candidate(bot, number).stage  # type: ignore[attr-defined, no-any-return]


def thread_posts(bot: Bot) -> list[str]:
    return [n.reply.text for n in bot.messenger.sent if n.thread == "candidate:1"]


def everything_shown(reply: object) -> str:
    parts = [getattr(reply, "text", ""), getattr(reply, "title", "")]
    parts += [f"{f.label}: {f.value}" for f in getattr(reply, "fields", ())]
    parts += list(getattr(reply, "lines", ()))
    return "\n".join(parts)


def interviews_done(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Bob", "candidate", "1 report admit | Generous")
    bot.ok("Carol", "candidate", "1 report unsure | Talks a lot")


def test_proposal_assigns_two_experienced_interviewers_and_opens_a_thread(bot: Bot) -> None:
    reply = bot.ok("Alice", "candidate", PROPOSE)
    assert reply.text.startswith("Candidate #1 Zoe Martin is proposed")
    assert candidate(bot).interviewers == [  # type: ignore[attr-defined]
        bot.member("Bob").id,
        bot.member("Carol").id,
    ]
    (card,) = [n for n in bot.messenger.sent if n.opens_thread]
    assert card.channel == "recruiters" and card.thread == "candidate:1"
    assert (
        "Interview" in bot.messenger.texts_to(user_id("Bob"))[0]
        or "interview" in (bot.messenger.texts_to(user_id("Bob"))[0])
    )


def test_too_few_experienced_members_says_so(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Carol experienced remove")
    reply = bot.ok("Alice", "candidate", PROPOSE)
    assert "recruiters assign them with /candidate 1 interviewers @a @b" in reply.text
    assert candidate(bot).interviewers == []  # type: ignore[attr-defined]


def test_a_report_is_hidden_from_the_other_interviewer_until_both_are_in(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    bot.ok("Bob", "candidate", "1 report admit | Bob's secret impression")
    seen_by_carol = everything_shown(bot.ok("Carol", "candidate", "1"))
    assert "Bob's secret impression" not in seen_by_carol
    assert "Bob filed a report: hidden until both reports are in." in seen_by_carol
    assert "Bob's secret impression" in everything_shown(bot.ok("Bob", "candidate", "1"))
    assert not any("secret impression" in t for t in thread_posts(bot))
    bot.ok("Carol", "candidate", "1 report admit | Carol's view")
    assert "Bob's secret impression" in everything_shown(bot.ok("Carol", "candidate", "1"))


def test_members_who_are_not_recruiters_see_only_the_card(bot: Bot) -> None:
    interviews_done(bot)
    shown = everything_shown(bot.ok("Frank", "candidate", "1"))
    assert "Zoe Martin" in shown and "plumber" in shown
    assert "Generous" not in shown and "Left BNI" not in shown


def test_only_assigned_interviewers_file_and_only_until_the_vote(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    assert "not an interviewer" in bot.refused("Dave", "candidate", "1 report admit").text
    bot.ok("Bob", "candidate", "1 report admit | first")
    assert bot.ok("Bob", "candidate", "1 report reject | changed my mind").text.startswith(
        "Your report on candidate #1 is amended."
    )
    bot.ok("Carol", "candidate", "1 report admit")
    assert stage(bot) is Stage.VOTE
    assert "at the stage" in bot.refused("Bob", "candidate", "1 report admit").text


def test_the_vote_is_secret_until_it_closes(bot: Bot) -> None:
    interviews_done(bot)
    bot.ok("Dave", "candidate", "1 vote no")
    card = everything_shown(bot.ok("Frank", "candidate", "1"))
    assert "Voted so far: Dave" in card
    assert "no 1" not in card and "No" not in card.replace("Notes", "")
    (posted,) = [t for t in thread_posts(bot) if "has voted" in t]
    assert posted == "Dave has voted (1 of 2)."
    bot.ok("Erin", "candidate", "1 vote yes")
    closed = everything_shown(bot.ok("Frank", "candidate", "1"))
    assert "Tally: yes 1, no 1, abstain 0; 2 of 2 recruiters voted" in closed
    assert stage(bot) is Stage.REJECTED  # one half is below two thirds


def test_the_sponsor_cannot_vote_and_members_cannot_either(bot: Bot) -> None:
    interviews_done(bot)
    assert "your own candidate" in bot.refused("Alice", "candidate", "1 vote yes").text
    assert "Only recruiters" in bot.refused("Frank", "candidate", "1 vote yes").text


def test_a_vote_can_change_until_it_closes(bot: Bot) -> None:
    interviews_done(bot)
    bot.ok("Dave", "candidate", "1 vote no")
    bot.ok("Dave", "candidate", "1 vote yes")
    bot.ok("Erin", "candidate", "1 vote yes")
    assert stage(bot) is Stage.ADMITTED
    assert "at the stage" in bot.refused("Dave", "candidate", "1 vote no").text


def test_the_deadline_closes_the_vote_on_its_own(bot: Bot) -> None:
    interviews_done(bot)
    bot.ok("Dave", "candidate", "1 vote yes")
    bot.clock.advance(timedelta(days=6, hours=23))
    bot.dispatcher.run_once()
    assert stage(bot) is Stage.VOTE
    bot.clock.advance(timedelta(hours=2))
    bot.dispatcher.run_once()
    assert stage(bot) is Stage.ADMITTED  # 1 of 2 voted: the half quorum, all yes
    assert any("is admitted" in t for t in bot.messenger.texts_to(user_id("Alice")))


def test_exclusivity_blocks_until_a_recruiter_overrides_with_a_reason(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    second = bot.ok("Alice", "candidate", "Yann | Plumbers | none")
    assert "already held by candidate #1 Zoe Martin" in second.text
    bot.ok("Bob", "candidate", "2 report admit")
    bot.ok("Carol", "candidate", "2 report admit")
    assert stage(bot, 2) is Stage.INTERVIEWS
    assert "override" in bot.refused("Dave", "candidate", "2 open").text
    assert "Only recruiters" in bot.refused("Frank", "candidate", "2 override | why not").text
    bot.ok("Dave", "candidate", "2 override | Zoe works in Lyon, Yann in Grenoble")
    assert stage(bot, 2) is Stage.VOTE
    shown = everything_shown(bot.ok("Erin", "candidate", "2"))
    assert "Overridden: Zoe works in Lyon, Yann in Grenoble" in shown


def test_the_vote_waits_for_a_visit_when_the_network_asks(bot: Bot) -> None:
    bot.ok("Alice", "network", "set site-visit on")
    interviews_done(bot)
    assert stage(bot) is Stage.INTERVIEWS
    bot.ok("Frank", "candidate", "1 visit | Clean van, tidy workshop")
    assert stage(bot) is Stage.VOTE


def test_withdraw_and_link(bot: Bot) -> None:
    bot.ok("Alice", "candidate", PROPOSE)
    assert "sponsor or an admin" in bot.refused("Dave", "candidate", "1 withdraw").text
    interviews_done_again = bot.ok("Bob", "candidate", "1 report admit")
    assert interviews_done_again.text
    bot.ok("Carol", "candidate", "1 report admit")
    bot.ok("Dave", "candidate", "1 vote yes")
    bot.ok("Erin", "candidate", "1 vote yes")
    bot.ok("Zoe", "charter")  # Zoe joined the workspace
    assert "admins" in bot.refused("Dave", "candidate", "1 link @Zoe").text.lower()
    linked = bot.ok("Alice", "candidate", "1 link @Zoe")
    assert linked.text.startswith("Zoe is now the member Zoe Martin, plumber")
    assert bot.member("Zoe").profession == "plumber"
    assert any("Welcome" in t for t in bot.messenger.texts_to(user_id("Zoe")))


@pytest.mark.parametrize(
    ("who", "text", "says"),
    [
        ("Alice", "Zoe Martin | plumber", "Usage: /candidate"),
        ("Alice", " | plumber | none", "Usage: /candidate"),
        ("Alice", "9", "There is no candidate #9"),
        ("Alice", "1 dance", "Usage: /candidate"),
        ("Frank", "1 interviewers @Bob @Carol", "Only recruiters"),
        ("Dave", "1 interviewers @Bob @Bob", "two different members"),
        ("Dave", "1 interviewers @Alice @Bob", "sponsors this candidate"),
        ("Dave", "1 interviewers @Frank @Bob", "not an experienced member"),
        ("Bob", "1 report maybe", "Usage: /candidate N report admit|reject|unsure"),
    ],
)
def test_refusals_change_nothing(bot: Bot, who: str, text: str, says: str) -> None:
    if text != "Zoe Martin | plumber" and not text.startswith(" |"):
        bot.ok("Alice", "candidate", PROPOSE)
    assert says in bot.refused(who, "candidate", text).text
