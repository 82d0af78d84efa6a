"""Section 1: signed `/refer` over real HTTP into `apport slack` (HTTP mode, on loopback) with a
generated network, against the fake Web API; the floor is a bare Bolt app on the same server
stack whose handler only acks. Requests are sequential and alternate between the two servers;
each waits for Apport's answer (posted to the response URL) before the next one goes."""

from __future__ import annotations

import http.client
import json
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench import servers
from bench.dataset import TEAM, cached
from bench.measure import median, percentile
from bench.profiles import Profile
from bench.report import Goal, Row, ms, ratio
from tests.slack import payloads
from tests.slack.fake_slack import FakeSlack

SECTION = "1. Latency"
RATIO_GOAL = 1.5
P99_GOAL = 0.050


class AnsweringFake(FakeSlack):
    """The tests' fake Web API, which can also wait for the answer posted to one URL."""

    def wait_response(self, url: str, timeout: float) -> list[dict[str, Any]]:
        path = urlsplit(url).path

        def arrived() -> bool:
            return any(c.method == "response" and c.path == path for c in self.calls)

        with self._changed:
            self._changed.wait_for(arrived, timeout)
        return self.responses_to(url)


class Client:
    """One keep-alive HTTP connection to a server; reconnects if the server closed it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection: http.client.HTTPConnection | None = None

    def post(self, body: str, headers: dict[str, str]) -> tuple[int, float]:
        """The status and the round trip in seconds (until the whole answer was read)."""
        for attempt in range(2):
            connection = self.connection or http.client.HTTPConnection(
                servers.LOOPBACK, self.port, timeout=30
            )
            try:
                started = time.perf_counter()
                connection.request("POST", servers.PATH, body=body.encode(), headers=headers)
                response = connection.getresponse()
                response.read()
                took = time.perf_counter() - started
            except (ConnectionError, http.client.HTTPException):
                connection.close()
                self.connection = None
                if attempt:
                    raise
                continue
            self.connection = connection
            return response.status, took
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


@dataclass
class Samples:
    acks: list[float] = field(default_factory=list)
    answers: list[float] = field(default_factory=list)
    errors: int = 0  # a status other than 200, or no answer within the timeout
    refused: int = 0  # answered, but not with a new referral


@dataclass
class LatencyResult:
    rows: list[Row]
    apport_rss: int
    bare_rss: int


class Driver:
    def __init__(self, fake: AnsweringFake, members: int, seed: int = 9) -> None:
        self.fake = fake
        self.members = members
        self.rng = random.Random(seed)
        self.sent = 0

    def _body(self, name: str) -> tuple[str, str]:
        referrer, receiver = self.rng.sample(range(1, self.members + 1), 2)
        self.sent += 1
        text = (
            f"<@U{receiver}|Member {receiver:04d}> Bench client {self.sent} "
            f"| bookkeeping for a restaurant | 1200 | 3"
        )
        url = self.fake.response_url(f"{name}-{self.sent}")
        return payloads.command("/refer", text, f"U{referrer}", url, team=TEAM), url

    def bare(self, client: Client, samples: Samples | None) -> None:
        body, _ = self._body("bare")
        status, took = client.post(body, {**payloads.FORM, **payloads.signed(body)})
        if samples is not None:
            samples.acks.append(took)
            samples.errors += status != 200

    def apport(self, client: Client, samples: Samples | None) -> None:
        body, url = self._body("apport")
        started = time.perf_counter()
        status, took = client.post(body, {**payloads.FORM, **payloads.signed(body)})
        answers = self.fake.wait_response(url, timeout=30)
        answer = time.perf_counter() - started
        if samples is None:
            return
        samples.acks.append(took)
        if status != 200 or not answers:
            samples.errors += 1
            return
        samples.answers.append(answer)
        samples.refused += "sent to" not in json.dumps(answers[-1])


def _fake(members: int) -> AnsweringFake:
    fake = AnsweringFake(team_id=TEAM)
    fake.start()
    for n in range(1, members + 1):
        fake.add_user(f"U{n}", f"Member {n:04d}")
    return fake


def run(profile: Profile) -> LatencyResult:
    dataset = cached(profile.members, profile.referrals)
    fake = _fake(profile.members)
    with tempfile.TemporaryDirectory(prefix="apport-bench-latency-") as name:
        folder = Path(name)
        slack = {
            "SLACK_API_URL": fake.api_url,
            "SLACK_BOT_TOKEN": payloads.BOT_TOKEN,
            "SLACK_SIGNING_SECRET": payloads.SECRET,
        }
        env = servers.child_environment(**slack, DATABASE_URL=dataset.copy_to(folder))
        started: list[servers.Server] = []
        try:
            apport = servers.start("apport-slack", "bench.slack_server", folder, env)
            started.append(apport)
            bare = servers.start("bare-bolt", "bench.bare_bolt", folder, env)
            started.append(bare)
            result = _measure(profile, fake, apport, bare)
            _check_alive(started)
            return result
        finally:
            for server in started:
                server.stop()
            fake.stop()


def _check_alive(started: list[servers.Server]) -> None:
    for server in started:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} died during the run: {server.tail()}")


def _measure(
    profile: Profile, fake: AnsweringFake, apport: servers.Server, bare: servers.Server
) -> LatencyResult:
    driver = Driver(fake, profile.members)
    to_apport, to_bare = Client(apport.port), Client(bare.port)
    ours, floor = Samples(), Samples()
    try:
        for _ in range(profile.warmup):
            driver.bare(to_bare, None)
            driver.apport(to_apport, None)
        for index in range(profile.requests):
            if index % 2:
                driver.apport(to_apport, ours)
                driver.bare(to_bare, floor)
            else:
                driver.bare(to_bare, floor)
                driver.apport(to_apport, ours)
    finally:
        to_apport.close()
        to_bare.close()
    apport_rss, bare_rss = apport.rss(), bare.rss()
    return LatencyResult(_rows(profile, ours, floor), apport_rss, bare_rss)


def _rows(profile: Profile, ours: Samples, floor: Samples) -> list[Row]:
    p50, p99 = median(ours.acks), percentile(ours.acks, 99)
    floor50, floor99 = median(floor.acks), percentile(floor.acks, 99)
    what = (
        f"{profile.requests} requests, {profile.members:,} members, {profile.referrals:,} referrals"
    )
    problems = []
    if ours.errors or floor.errors:
        problems.append(f"errors: Apport {ours.errors}, bare Bolt {floor.errors}")
    if ours.refused:
        problems.append(f"{ours.refused} answers were not a new referral")
    note = "; ".join([what, *problems])
    r50, r99 = ratio(p50, floor50), ratio(p99, floor99)
    answer = median(ours.answers)
    return [
        Row(
            SECTION,
            "/refer ack p50 (HTTP round trip)",
            ms(p50),
            f"{ms(floor50)} (bare Bolt ack)",
            r50,
            (Goal(f"ratio ≤ {RATIO_GOAL}", r50 is not None and r50 <= RATIO_GOAL),),
            note,
        ),
        Row(
            SECTION,
            "/refer ack p99 (HTTP round trip)",
            ms(p99),
            f"{ms(floor99)} (bare Bolt ack)",
            r99,
            (
                Goal(f"ratio ≤ {RATIO_GOAL}", r99 is not None and r99 <= RATIO_GOAL),
                Goal(f"< {ms(P99_GOAL)}", p99 < P99_GOAL),
            ),
        ),
        Row(
            SECTION,
            "/refer answer p50 (on the response URL)",
            ms(answer),
            f"{ms(floor50)} (bare Bolt ack)",
            ratio(answer, floor50),
            (),
            f"p99 {ms(percentile(ours.answers, 99))}; what the member waits for",
        ),
    ]
