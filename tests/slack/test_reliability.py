"""Delivery through outages, hangs and crashes, against the fake Web API on loopback: every
row goes out once Slack answers again, admins hear once per outage, a slow call holds one row
for the call's timeout only, and a message that may have gone out is not posted twice."""

from __future__ import annotations

from datetime import timedelta

from adapters.slack.messenger import EVENT_TYPE, SlackMessenger, messenger_client
from core.shared.outbox import OutboxState
from core.shared.ui import Notice, Reply
from tests.slack.fake_slack import Failure, FakeSlack
from tests.slack.harness import FakeClock, SlackHarness, shown
from tests.slack.payloads import BOT_TOKEN

UNAVAILABLE = Failure(503, {"ok": False, "error": "service_unavailable"})
OUTAGE_ALERT = "cannot reach the platform"


def _rows(slack: SlackHarness) -> dict[str, str]:
    network = slack.runtime.apport.network("T1")
    assert network is not None
    with slack.runtime.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT key, state FROM outbox WHERE network_id = ?"
            if slack.runtime.engine.dialect.name == "sqlite"
            else "SELECT key, state FROM outbox WHERE network_id = %s",
            (network.id,),
        ).all()
    return {key: state for key, state in rows}


def _referrals(slack: SlackHarness, count: int) -> None:
    slack.accept_charter("UALICE", "UBOB", "UCAROL")
    for n in range(count):
        to = "<@UBOB>" if n % 2 else "<@UCAROL>"
        slack.command("UALICE", f"/refer {to} Client {n} | bookkeeping")


def test_a_30_minute_outage_delays_every_row_and_tells_admins_once(
    slack: SlackHarness, fake: FakeSlack, clock: FakeClock
) -> None:
    _referrals(slack, 6)
    fake.down = UNAVAILABLE
    for _ in range(30):  # thirty minutes of 503s, the dispatcher ticking every minute
        slack.deliver()
        clock.advance(timedelta(minutes=1))
    assert fake.calls_to("chat.postMessage"), "it kept trying"
    assert set(_rows(slack).values()) == {OutboxState.PENDING.value}

    fake.down = None
    fake.clear()
    for _ in range(16):  # the longest wait between two tries is 15 minutes
        slack.deliver()
        clock.advance(timedelta(minutes=1))
    states = _rows(slack)
    assert OutboxState.FAILED.value not in states.values(), states
    due = {key: state for key, state in states.items() if key.startswith(("referral", "alert"))}
    # Each referral's two copies of its card (the receiver's, alice's), and one alert.
    assert len(due) == 13 and set(due.values()) == {OutboxState.SENT.value}, due
    offered = [shown(m) for m in fake.dms_to("UBOB") + fake.dms_to("UCAROL")]
    for n in range(6):
        assert sum(f"Client {n}" in text for text in offered) == 1, (n, offered)
    alerts = [shown(m) for m in fake.dms_to("UALICE") if OUTAGE_ALERT in shown(m)]
    assert len(alerts) == 1, alerts
    assert "retried for 48 hours" in alerts[0]


def test_a_permanent_refusal_fails_its_row_and_holds_up_no_other(
    slack: SlackHarness, fake: FakeSlack
) -> None:
    _referrals(slack, 2)
    fake.fail_next("chat.postMessage", Failure(200, {"ok": False, "error": "channel_not_found"}))
    report = slack.deliver()
    assert report.failed == 1 and report.sent >= 1
    assert "failed" in _rows(slack).values()


def _notice(key: str, **kw: str) -> Notice:
    return Notice(1, "T1", Reply(text=f"about {key}"), key=key, **kw)  # type: ignore[arg-type]


def test_every_message_carries_its_outbox_key_as_metadata(fake: FakeSlack) -> None:
    messenger = SlackMessenger(messenger_client(BOT_TOKEN, fake.api_url))
    messenger.send(_notice("n:1", external_id="UBOB"))
    (posted,) = fake.calls_to("chat.postMessage")
    assert posted["metadata"] == {"event_type": EVENT_TYPE, "event_payload": {"key": "n:1"}}


def test_a_message_that_may_have_gone_out_is_looked_for_and_not_posted_twice(
    fake: FakeSlack,
) -> None:
    messenger = SlackMessenger(messenger_client(BOT_TOKEN, fake.api_url))
    first = messenger.send(_notice("n:1", channel="C0ANN"))
    messenger.send(_notice("n:2", channel="C0ANN"))
    again = messenger.send(_notice("n:1", channel="C0ANN", in_doubt=True))  # type: ignore[arg-type]
    assert again == first
    assert len(fake.calls_to("chat.postMessage")) == 2
    assert fake.calls_to("conversations.history")[0]["include_all_metadata"] in (True, "true", "1")

    messenger.send(_notice("n:3", external_id="UBOB", in_doubt=True))  # type: ignore[arg-type]
    assert [m["text"] for m in fake.dms_to("UBOB")] == ["about n:3"], "not found: sent"


def test_a_hanging_call_holds_its_row_for_the_timeout_only_and_is_not_posted_twice(
    slack: SlackHarness, fake: FakeSlack, clock: FakeClock
) -> None:
    _referrals(slack, 2)
    slack.runtime.loop.dispatcher.messenger = SlackMessenger(
        messenger_client(BOT_TOKEN, fake.api_url, timeout=1)
    )
    fake.slow["UCAROL"] = 3.0  # Slack posts to carol, then answers after the client gave up
    report = slack.deliver()
    assert report.retried == 1, "carol's row waits; bob's went out meanwhile"
    assert any("Client 1" in shown(m) for m in fake.dms_to("UBOB"))

    fake.slow.clear()
    clock.advance(timedelta(minutes=1))
    assert slack.deliver().sent >= 1
    to_carol = [shown(m) for m in fake.dms_to("UCAROL")]
    assert sum("Client 0" in text for text in to_carol) == 1, to_carol
    assert fake.calls_to("conversations.history"), "it looked before sending again"
