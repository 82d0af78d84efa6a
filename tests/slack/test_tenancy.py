"""A network is a Slack workspace: two of them never see each other's data."""

from __future__ import annotations

from tests.slack.harness import SlackHarness, shown


def test_two_workspaces_never_see_each_others_data(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer <@UBOB|bob> Acme Corp | bookkeeping | 5000")
    slack.command("UALICE", "/charter commission 10%")

    slack.accept_charter("UDAN", "UEVE", team="T2")
    assert "No referrals yet" in shown(slack.command("UDAN", "/apport referrals", team="T2"))
    assert "There is no referral #1" in shown(
        slack.command("UDAN", "/apport referral 1", team="T2")
    )
    assert "have not brought any client" in shown(
        slack.command("UDAN", "/apport clients", team="T2")
    )
    network = shown(slack.command("UDAN", "/apport network", team="T2"))
    assert "Network t2" in network and "alice" not in network and "bob" not in network
    charter = shown(slack.command("UDAN", "/charter", team="T2"))
    assert "Charter of t2, version 1" in charter and "10%" not in charter

    # dan is T2's first member (its admin), not T1's: he cannot touch T1's settings.
    refused = shown(slack.command("UDAN", "/charter commission 50%"))
    assert refused.startswith("Only network admins")
    slack.command("UDAN", "/refer <@UEVE|eve> Acme Corp | audit", team="T2")
    assert "#1 to bob: Acme Corp" in shown(slack.command("UALICE", "/apport referrals"))
    assert "#1 to eve: Acme Corp" in shown(slack.command("UDAN", "/apport referrals", team="T2"))
    assert "#2" not in shown(slack.command("UALICE", "/apport referrals"))
