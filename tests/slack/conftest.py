"""Fixtures: a fake Slack Web API on loopback, and the adapter wired against it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import FakeClock, SlackHarness


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    server.add_user("UALICE", "alice")
    server.add_user("UBOB", "bob")
    server.add_user("UCAROL", "carol")
    server.add_user("UOWNER", "olga", admin=True)
    server.add_user("UDAN", "dan", team="T2")
    server.add_user("UEVE", "eve", team="T2")
    yield server
    server.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def slack(fake: FakeSlack, database_url: str, clock: FakeClock) -> Iterator[SlackHarness]:
    harness = SlackHarness(fake, database_url, clock)
    yield harness
    harness.close()
