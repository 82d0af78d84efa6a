"""Every request is recorded in the inbox before Slack is acknowledged: a replayed signed
request and a retried event run once, across two app instances on one database, and what a
dead process acknowledged is finished or answered when the bot starts again."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest
from sqlalchemy import select

from adapters.slack.inbox import request_key
from storage.inbox import InboxState
from storage.tables import InboxRow, ReferralRow
from tests.slack import payloads
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import FakeClock, SlackHarness, shown

REFER = "<@UBOB|bob> Acme Corp | bookkeeping"


@pytest.fixture
def second(fake: FakeSlack, database_url: str, clock: FakeClock) -> Iterator[SlackHarness]:
    """Another `apport slack` process on the same database."""
    harness = SlackHarness(fake, database_url, clock)
    yield harness
    harness.close()


def _referrals(slack: SlackHarness) -> int:
    with slack.runtime.engine.connect() as connection:
        return len(connection.execute(select(ReferralRow.id)).all())


def _inbox(slack: SlackHarness) -> list[InboxRow]:
    with slack.runtime.engine.connect() as connection:
        return list(connection.execute(select(InboxRow)).mappings().all())  # type: ignore[arg-type]


def test_a_replayed_signed_command_runs_once(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    url = slack.fake.response_url("refer-once")
    body = payloads.command("/refer", REFER, "UALICE", url)
    headers = {**payloads.FORM, **payloads.signed(body)}
    for _ in range(3):  # the same signed bytes, within Slack's 5 minutes
        assert slack.dispatch(body, {}, **headers).status == 200
    assert len(slack.fake.responses_to(url)) == 1
    assert _referrals(slack) == 1
    # Signed anew (another timestamp), the same text is a new command.
    stamp = int(headers["x-slack-request-timestamp"]) - 1
    again = {**payloads.FORM, **payloads.signed(body, timestamp=stamp)}
    assert slack.dispatch(body, {}, **again).status == 200
    assert _referrals(slack) == 2


def test_a_retried_event_runs_once_across_two_processes(
    slack: SlackHarness, second: SlackHarness
) -> None:
    body = payloads.event(payloads.home_opened("UBOB"), event_id="Ev0RETRIED")
    assert slack.dispatch(body, payloads.JSON).status == 200
    retry = second.dispatch(body, payloads.JSON, **{"x-slack-retry-num": "1"})
    assert retry.status == 200
    assert len(slack.fake.calls_to("views.publish")) == 1


def test_a_replayed_command_runs_once_across_two_processes(
    slack: SlackHarness, second: SlackHarness
) -> None:
    slack.accept_charter("UALICE", "UBOB")
    url = slack.fake.response_url("refer-two-processes")
    body = payloads.command("/refer", REFER, "UALICE", url)
    headers = {**payloads.FORM, **payloads.signed(body)}
    assert slack.dispatch(body, {}, **headers).status == 200
    assert second.dispatch(body, {}, **headers).status == 200
    assert len(slack.fake.responses_to(url)) == 1 and _referrals(slack) == 1


def test_a_finished_request_keeps_only_its_key(slack: SlackHarness) -> None:
    slack.command("UALICE", "/apport help")
    [row] = _inbox(slack)
    assert row["state"] == InboxState.DONE.value and row["payload"] is None


def _left_by_a_dead_process(slack: SlackHarness, body: str, state: InboxState) -> None:
    """What `accept` wrote before the process died (and `committed`, if core had committed)."""
    inbox = slack.runtime.runner.inbox
    assert inbox is not None
    headers = payloads.signed(body)
    fields = {k: v[0] for k, v in parse_qs(body).items()}
    key = request_key(fields, {k: [v] for k, v in headers.items()})
    assert inbox.accept(key, "command", fields)
    if state is InboxState.COMMITTED:
        inbox.committed(key)


def test_a_command_acknowledged_before_a_crash_runs_at_start_up(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE", "UBOB")
    url = slack.fake.response_url("lost-refer")
    body = payloads.command("/refer", REFER, "UALICE", url)
    _left_by_a_dead_process(slack, body, InboxState.RECEIVED)
    assert slack.fake.responses_to(url) == [] and _referrals(slack) == 0
    assert slack.runtime.recover() == 1
    [answer] = slack.fake.responses_to(url)
    assert "Referral #1" in shown(answer) and _referrals(slack) == 1
    assert slack.runtime.recover() == 0  # taken over once
    assert [r["state"] for r in _inbox(slack)][-1] == InboxState.DONE.value


def test_a_command_committed_before_a_crash_is_answered_not_run_again(
    slack: SlackHarness,
) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", f"/refer {REFER}")
    url = slack.fake.response_url("committed-refer")
    body = payloads.command("/refer", REFER.replace("Acme", "Initech"), "UALICE", url)
    _left_by_a_dead_process(slack, body, InboxState.COMMITTED)
    assert slack.runtime.recover() == 1
    [answer] = slack.fake.responses_to(url)
    assert "Apport restarted while answering /refer" in shown(answer)
    assert "It was carried out" in shown(answer)
    assert _referrals(slack) == 1  # not run a second time


def test_the_inbox_holds_the_request_until_it_is_done(slack: SlackHarness) -> None:
    """The row is written before the listener runs: a listener that dies leaves it there."""
    seen: list[str] = []
    original = slack.runtime.runner.apport.handle

    def watching(invocation):  # type: ignore[no-untyped-def]
        seen.extend(r["state"] for r in _inbox(slack))
        return original(invocation)

    slack.runtime.runner.apport.handle = watching  # type: ignore[method-assign]
    slack.command("UALICE", "/apport help")
    assert seen == [InboxState.RECEIVED.value]
