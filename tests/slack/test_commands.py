"""Every command inline, as members type them on Slack; the replies are ephemeral."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.slack.harness import FakeClock, SlackHarness, shown
from tests.slack.payloads import buttons

REFER = "/refer <@UBOB|bob> Acme Corp | bookkeeping | 5000 | 3"


@pytest.fixture
def referred(slack: SlackHarness) -> SlackHarness:
    """alice (the first member, so an admin) referred Acme Corp to bob; both accepted the
    charter."""
    slack.accept_charter("UALICE", "UBOB")
    assert "sent to bob" in shown(slack.command("UALICE", REFER))
    slack.deliver()
    return slack


def test_refer_inline_with_a_mention_reaches_the_receiver(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    reply = slack.command("UALICE", REFER)
    assert reply["response_type"] == "ephemeral"
    assert reply["replace_original"] is False
    assert "Referral #1 for Acme Corp sent to bob." in shown(reply)
    slack.deliver()
    [dm] = slack.fake.dms_to("UBOB")
    assert "alice passes you a new referral, #1: Acme Corp." in shown(dm)
    assert "bookkeeping" in shown(dm) and "€5,000" in shown(dm)
    assert buttons(dm["blocks"]) == ["Accept", "Decline"]
    ids = [e["action_id"] for b in dm["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert len(set(ids)) == len(ids)


def test_the_umbrella_reaches_refer_too_and_mentions_without_a_label(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    reply = slack.command("UALICE", "/apport refer <@UBOB> Globex | audit")
    assert "Referral #1 for Globex sent to bob." in shown(reply)


def test_a_mentioned_workspace_user_who_never_used_apport_still_receives(
    slack: SlackHarness,
) -> None:
    slack.accept_charter("UALICE")
    slack.command("UALICE", "/apport network set charter-required off")
    reply = slack.command("UALICE", "/refer <@UCAROL|carol> Initech | payroll")
    assert "sent to carol" in shown(reply)
    slack.deliver()
    assert "Initech" in shown(slack.fake.dms_to("UCAROL")[0])


def test_referral_moves_inline_and_the_other_party_hears(referred: SlackHarness) -> None:
    slack = referred
    card = shown(slack.command("UBOB", "/apport referral 1"))
    assert "Referral #1: Acme Corp" in card and "offered" in card
    assert "You accepted referral #1" in shown(slack.command("UBOB", "/apport referral 1 accept"))
    assert "marked contacted" in shown(slack.command("UBOB", "/apport referral 1 contacted"))
    slack.command("UALICE", "/charter commission 10%")
    won = shown(slack.command("UBOB", "/apport referral 1 won 12000"))
    assert "Referral #1 won." in won
    slack.deliver()
    told = [shown(m) for m in slack.fake.dms_to("UALICE")]
    assert any("bob accepted your referral #1." in m for m in told)
    assert any("bob won referral #1 for €12,000" in m for m in told)


def test_wrong_actor_gets_a_short_ephemeral_error(referred: SlackHarness) -> None:
    reply = referred.command("UALICE", "/apport referral 1 accept")
    assert reply["response_type"] == "ephemeral"
    assert shown(reply).startswith("Only the member who received referral #1")
    assert ":warning:" in reply["blocks"][0]["text"]["text"]


def test_ledger_clients_feedback_and_home(referred: SlackHarness) -> None:
    slack = referred
    assert "#1 to bob: Acme Corp" in shown(slack.command("UALICE", "/apport referrals given"))
    assert "Acme Corp (since" in shown(slack.command("UALICE", "/apport clients"))
    slack.command("UBOB", "/apport referral 1 accept")
    recorded = shown(slack.command("UALICE", "/apport feedback 1 5 quick and kind"))
    assert "5/5 recorded for referral #1" in recorded
    home = shown(slack.command("UBOB", "/apport home"))
    assert "bob in Club" in home and "#1 Acme Corp: accepted" in home


def test_charter_inline(slack: SlackHarness) -> None:
    shown_charter = slack.command("UALICE", "/charter")
    assert "Charter of Club, version 1" in shown(shown_charter)
    assert buttons(shown_charter["blocks"]) == ["Accept the charter"]
    assert "accepted version 1" in shown(slack.command("UALICE", "/charter accept"))
    assert "Version 2 of the charter is published" in shown(
        slack.command("UALICE", "/charter commission 10% min 50")
    )
    assert "Version 2" in shown(slack.command("UALICE", "/charter history"))


def test_admin_commands_follow_workspace_admins(slack: SlackHarness) -> None:
    slack.command("UALICE", "/apport help")  # alice, a workspace admin, is an admin
    refused = shown(slack.command("UBOB", "/charter commission 5%"))
    assert refused.startswith("Only network admins")
    published = shown(slack.command("UOWNER", "/charter commission 5%"))  # a workspace admin
    assert "is published" in published
    granted = shown(slack.command("UALICE", "/apport network role <@UBOB|bob> recruiter"))
    assert "bob is now recruiter." in granted


def test_the_first_member_is_not_an_admin_until_a_workspace_admin_claims_it(
    slack: SlackHarness,
) -> None:
    """In a workspace where Apport is new, whoever types first is not made admin: admin-only
    commands say who can claim the network, and a workspace owner (users.info) does."""
    slack.accept_charter("UDAN", team="T2")
    claim = (
        "Only a workspace owner or admin can set Apport up here: ask one to run /apport network."
    )
    assert claim in shown(slack.command("UDAN", "/charter commission 50%", team="T2"))
    assert claim in shown(slack.command("UDAN", "/apport network set currency USD", team="T2"))
    slack.fake.add_user("UTOM", "tom", team="T2")
    slack.fake.users["UTOM"]["is_owner"] = True
    assert "Network" in shown(slack.command("UTOM", "/apport network", team="T2"))
    assert shown(slack.command("UDAN", "/charter commission 50%", team="T2")).startswith(
        "Only network admins"
    )
    assert "is published" in shown(slack.command("UTOM", "/charter commission 50%", team="T2"))


def test_network_settings_read_slack_channels(slack: SlackHarness, clock: FakeClock) -> None:
    reply = slack.command("UALICE", "/apport network set announcements-channel <#C0ANN|news>")
    assert "Announcements are now posted in C0ANN." in shown(reply)
    assert "Network Club" in shown(slack.command("UBOB", "/apport network"))
    clock.advance(timedelta(days=8))  # past the weekly charter reminder
    slack.deliver()
    posts = [m for m in slack.fake.calls_to("chat.postMessage") if m["channel"] == "C0ANN"]
    assert posts and "Charter rule of the week" in shown(posts[0])


def test_help_shows_the_names_that_work_on_slack(slack: SlackHarness) -> None:
    for line in ("/apport help", "/apport"):
        text = shown(slack.command("UALICE", line))
        assert "What I can do here" in text
        assert "/refer @member client" in text
        assert "/charter" in text
        assert "/apport referral N" in text
        assert "/apport feedback N" in text
        assert "\n• /feedback" not in text and "• /referral " not in text
    topic = shown(slack.command("UALICE", "/apport help feedback"))
    assert "/apport feedback N" in topic


def test_unknown_commands_and_usage_errors(slack: SlackHarness) -> None:
    assert shown(slack.command("UALICE", "/apport frobnicate")).startswith("Unknown command")
    usage = shown(slack.command("UALICE", "/apport referral"))
    assert "Usage: /apport referral N" in usage


def test_an_export_arrives_as_a_file_in_the_users_dm(referred: SlackHarness) -> None:
    slack = referred
    reply = slack.command("UALICE", "/apport mydata export")
    assert reply["response_type"] == "ephemeral" and shown(reply)
    [opened] = slack.fake.calls_to("conversations.open")
    assert opened["users"] == "UALICE"
    [asked] = slack.fake.calls_to("files.getUploadURLExternal")
    assert asked["filename"].startswith("apport-my-data-") and asked["filename"].endswith(".json")
    [uploaded] = slack.fake.calls_to("upload")
    assert b"Acme Corp" in uploaded["content"]
    [completed] = slack.fake.calls_to("files.completeUploadExternal")
    assert completed["channel_id"] == "DALICE"
