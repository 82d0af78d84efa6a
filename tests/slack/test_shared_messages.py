"""A button on a message others see too (the recruiters' vote in its thread) is answered to the
presser alone: the shared message stays as it was, buttons and all, for everyone else."""

from __future__ import annotations

from typing import Any

from tests.slack.harness import SlackHarness, shown
from tests.slack.payloads import buttons

RECRUITERS = "C0RECRUIT"


def _vote_post(slack: SlackHarness) -> dict[str, Any]:
    """alice sponsors Zoe; bob and carol interview her; the vote opens in the recruiters'
    thread, where dave and erin vote. The vote message posted in that thread."""
    slack.fake.add_user("UDAVE", "dave")
    slack.fake.add_user("UERIN", "erin")
    slack.accept_charter("UALICE", "UBOB", "UCAROL", "UDAVE", "UERIN")
    admin = "UALICE"
    slack.command(admin, f"/apport network set recruiters-channel <#{RECRUITERS}|recruiters>")
    for user, role in (
        ("UBOB|bob", "experienced"),
        ("UCAROL|carol", "experienced"),
        ("UDAVE|dave", "recruiter"),
        ("UERIN|erin", "recruiter"),
    ):
        slack.command(admin, f"/apport network role <@{user}> {role}")
    slack.command(admin, "/apport candidate Zoe Martin | plumber | Left BNI Lyon")
    slack.command("UBOB", "/apport candidate 1 report admit | Generous")
    slack.command("UCAROL", "/apport candidate 1 report admit | Honest")
    slack.deliver()
    posts = [m for m in slack.fake.calls_to("chat.postMessage") if m["channel"] == RECRUITERS]
    [vote] = [p for p in posts if buttons(p.get("blocks") or [])]
    assert vote.get("thread_ts"), "the vote is posted in the candidate's thread"
    return vote


def test_a_vote_in_the_recruiters_thread_is_answered_to_the_voter_alone(
    slack: SlackHarness,
) -> None:
    vote = _vote_post(slack)
    assert buttons(vote["blocks"]) == ["Yes", "No", "Abstain"]
    url = slack.fake.response_url("vote-in-thread")
    answer = slack.press(
        vote["blocks"],
        "Yes",
        "UDAVE",
        response_url=url,
        channel=RECRUITERS,
        message_ts="1700000000.000099",
        thread_ts=vote["thread_ts"],
    )
    assert answer is not None
    assert answer["response_type"] == "ephemeral" and answer["replace_original"] is False
    assert "Your vote on candidate #1 is recorded: Yes" in shown(answer)
    assert all(not r.get("replace_original") for r in slack.fake.responses_to(url))
    # The shared message was never edited: erin still votes from it.
    assert slack.fake.calls_to("chat.update") == []
    later = slack.press(
        vote["blocks"], "No", "UERIN", channel=RECRUITERS, thread_ts=vote["thread_ts"]
    )
    assert later is not None and later["replace_original"] is False
    assert "is recorded: No" in shown(later)


def test_a_button_in_the_pressers_own_dm_still_replaces_its_message(
    slack: SlackHarness,
) -> None:
    _vote_post(slack)
    [dm] = [m for m in slack.fake.dms_to("UDAVE") if buttons(m.get("blocks") or [])]
    answer = slack.press(dm["blocks"], "Yes", "UDAVE", channel="DDAVE")
    assert answer is not None and answer["replace_original"] is True
    assert "is recorded: Yes" in shown(answer)
