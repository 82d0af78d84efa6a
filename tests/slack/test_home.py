"""App Home: published from core's /home on app_home_opened; its buttons republish it;
a retried event is processed once."""

from __future__ import annotations

from typing import Any

from tests.slack import payloads
from tests.slack.harness import SlackHarness, shown
from tests.slack.payloads import buttons


def _open_home(slack: SlackHarness, user: str, event_id: str = "", **headers: str) -> None:
    body = payloads.event(payloads.home_opened(user), event_id=event_id)
    response = slack.dispatch(body, payloads.JSON, **headers)
    assert response.status == 200


def _home(slack: SlackHarness) -> dict[str, Any]:
    publish = slack.fake.calls_to("views.publish")[-1]
    view: dict[str, Any] = publish["view"]
    assert view["type"] == "home"
    return view


def test_opening_the_home_tab_publishes_what_waits_on_me(slack: SlackHarness) -> None:
    _open_home(slack, "UBOB")
    [publish] = slack.fake.calls_to("views.publish")
    assert publish["user_id"] == "UBOB"
    home = shown(_home(slack))
    assert "bob in Club" in home and "Nothing waits on you." in home
    assert buttons(_home(slack)["blocks"]) == ["Accept the charter"]


def test_home_buttons_act_and_republish(slack: SlackHarness) -> None:
    slack.accept_charter("UALICE")
    _open_home(slack, "UBOB")
    slack.press(_home(slack)["blocks"], "Accept the charter", "UBOB", home=True)
    home = _home(slack)
    assert "you accepted version 1" in shown(home)
    assert buttons(home["blocks"]) == []

    slack.command("UALICE", "/refer <@UBOB> Acme Corp | bookkeeping")
    _open_home(slack, "UBOB")
    assert "#1 Acme Corp: offered" in shown(_home(slack))
    slack.press(_home(slack)["blocks"], "Accept", "UBOB", home=True)
    home = _home(slack)
    assert "You accepted referral #1." in shown(home)
    assert buttons(home["blocks"]) == ["Contacted", "Won", "Lost"]


def test_a_retried_event_is_processed_once(slack: SlackHarness) -> None:
    _open_home(slack, "UBOB", event_id="Ev0RETRY")
    _open_home(
        slack,
        "UBOB",
        event_id="Ev0RETRY",
        **{"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"},
    )
    assert len(slack.fake.calls_to("views.publish")) == 1
    _open_home(slack, "UBOB")  # another event is processed
    assert len(slack.fake.calls_to("views.publish")) == 2


def test_the_messages_tab_publishes_nothing(slack: SlackHarness) -> None:
    body = payloads.event({**payloads.home_opened("UBOB"), "tab": "messages"})
    assert slack.dispatch(body, payloads.JSON).status == 200
    assert slack.fake.calls_to("views.publish") == []
