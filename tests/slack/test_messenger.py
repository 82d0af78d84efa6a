"""The messenger behind the dispatch loop: chat.postMessage, 429 honoured through the outbox
(the row waits Retry-After and is sent afterwards), failures reported, never lost."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.slack.messenger import SlackMessenger, messenger_client
from core.shared.errors import DeliveryFailed
from core.shared.outbox import OutboxState
from core.shared.ui import Notice, Reply
from storage.database import unit_of_work_factory
from tests.slack.fake_slack import Failure, FakeSlack
from tests.slack.harness import FakeClock, SlackHarness, shown
from tests.slack.payloads import BOT_TOKEN

RATE_LIMITED = Failure(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "30"})


def _pending(slack: SlackHarness) -> list[tuple[OutboxState, int, timedelta]]:
    network = slack.runtime.apport.network("T1")
    assert network is not None
    with unit_of_work_factory(slack.runtime.engine)() as uow:
        rows = [r for r in uow.outbox.pending(network.id) if r.kind == "referral.card"]
    now = slack.clock.now()
    return [(r.state, r.attempts, r.due_at - now) for r in rows]


def test_a_429_delays_the_row_by_retry_after_and_it_is_sent_afterwards(
    slack: SlackHarness, fake: FakeSlack, clock: FakeClock
) -> None:
    slack.accept_charter("UALICE", "UBOB")
    slack.command("UALICE", "/refer <@UBOB> Acme Corp | bookkeeping")
    fake.fail_next("chat.postMessage", RATE_LIMITED)

    report = slack.deliver()
    assert report.retried == 1 and report.sent == 1  # alice's copy of the card went out
    assert len(fake.calls_to("chat.postMessage")) == 2  # no silent retry inside the client
    assert fake.dms_to("UBOB")  # it was tried once...
    assert _pending(slack) == [(OutboxState.PENDING, 0, timedelta(seconds=30))]  # ...and waits

    clock.advance(timedelta(seconds=10))
    assert slack.deliver().sent == 0  # not due yet
    clock.advance(timedelta(seconds=21))
    assert slack.deliver().sent == 1
    assert "Acme Corp" in shown(fake.dms_to("UBOB")[-1])
    assert _pending(slack) == []


def _notice(**kw: str) -> Notice:
    return Notice(1, "T1", Reply(text="hello"), **kw)  # type: ignore[arg-type]


def test_send_posts_to_the_user_or_channel_and_returns_the_ts(fake: FakeSlack) -> None:
    messenger = SlackMessenger(messenger_client(BOT_TOKEN, fake.api_url))
    ts = messenger.send(_notice(external_id="UBOB"))
    assert ts and ts.startswith("1700000000.")
    messenger.send(_notice(channel="C0ANN"))
    posted = fake.calls_to("chat.postMessage")
    assert [p["channel"] for p in posted] == ["UBOB", "C0ANN"]
    assert posted[0]["text"] == "hello"
    assert fake.calls[-1].authorization == f"Bearer {BOT_TOKEN}"


@pytest.mark.parametrize(
    ("failure", "permanent", "retry_after"),
    [
        (RATE_LIMITED, False, 30.0),
        (Failure(429, {"ok": False, "error": "ratelimited"}), False, 30.0),
        (Failure(200, {"ok": False, "error": "channel_not_found"}), True, None),
        (Failure(200, {"ok": False, "error": "not_in_channel"}), True, None),
        (Failure(500, {"ok": False, "error": "internal_error"}), False, None),
    ],
)
def test_failures_become_delivery_failed(
    fake: FakeSlack, failure: Failure, permanent: bool, retry_after: float | None
) -> None:
    messenger = SlackMessenger(messenger_client(BOT_TOKEN, fake.api_url))
    fake.fail_next("chat.postMessage", failure)
    with pytest.raises(DeliveryFailed) as caught:
        messenger.send(_notice(channel="C0ANN"))
    assert caught.value.permanent is permanent
    assert caught.value.retry_after == retry_after
    assert BOT_TOKEN not in caught.value.reason


def test_an_unreachable_slack_is_a_retryable_failure() -> None:
    messenger = SlackMessenger(messenger_client(BOT_TOKEN, "http://127.0.0.1:9/api/"))
    with pytest.raises(DeliveryFailed) as caught:
        messenger.send(_notice(external_id="UBOB"))
    assert not caught.value.permanent


def test_a_notice_with_no_recipient_fails_for_good(fake: FakeSlack) -> None:
    messenger = SlackMessenger(messenger_client(BOT_TOKEN, fake.api_url))
    with pytest.raises(DeliveryFailed) as caught:
        messenger.send(_notice())
    assert caught.value.permanent
