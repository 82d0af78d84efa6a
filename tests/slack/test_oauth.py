"""Apport installed through OAuth in two workspaces, over real HTTP into the `apport slack`
server (uvicorn on loopback) against the fake Web API: each workspace's commands and messages
use its own token; removing the app stops sending there, and putting it back keeps all.
The same server answers /healthz, /readyz and /metrics."""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from bot.slack_main import build_runtime, http_server, slack_config
from tests.slack import payloads
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import settings_for

OAUTH = {
    "SLACK_BOT_TOKEN": None,
    "SLACK_CLIENT_ID": "1111.2222",
    "SLACK_CLIENT_SECRET": "client-secret-0123456789",
    "SLACK_STATE_SECRET": "state-secret-0123456789",
}
DEADLINE = 10.0  # seconds a test waits for the server to do what it must


class Server:
    def __init__(self, fake: FakeSlack, database_url: str) -> None:
        settings = settings_for(fake, database_url, APPORT_DISPATCH_SECONDS=30, **OAUTH)
        self.runtime = build_runtime(settings, slack_config(settings))
        self.fake = fake
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = http_server(
            self.runtime.bolt, "127.0.0.1", 0, self.runtime.runtime.service.answer
        )
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]})

    def start(self) -> None:
        self.runtime.loop.start()
        self.sock.listen()
        self.thread.start()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()
        self.runtime.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str, Any]:
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status), response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def post(self, body: str, headers: dict[str, str]) -> int:
        request = urllib.request.Request(
            self.base + "/slack/events", data=body.encode(), headers=headers
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)

    def install(self, code: str, team: str, name: str, installer: str) -> tuple[int, str]:
        """Press "Add to Slack", approve in Slack, land on the redirect: that page."""
        self.fake.grant(code, team, name, installer)
        status, page, headers = self.get("/slack/install")
        assert status == 200, page
        found = re.search(r"state=([^&\"']+)", page)
        assert found, page
        cookie = headers["Set-Cookie"].split(";")[0]
        return self.get(
            f"/slack/oauth_redirect?code={code}&state={found[1]}", {"Cookie": cookie}
        )[:2]

    def command(self, user: str, line: str, team: str) -> dict[str, Any]:
        slash, _, typed = line.partition(" ")
        url = self.fake.response_url(f"{team}-{user}-{time.monotonic_ns()}")
        body = payloads.command(slash, typed, user, url, team=team)
        assert self.post(body, {**payloads.FORM, **payloads.signed(body)}) == 200
        return self.fake.wait_for_response(url)

    def event(self, event: dict[str, Any], team: str) -> None:
        body = payloads.event(event, team=team)
        assert self.post(body, {**payloads.JSON, **payloads.signed(body)}) == 200

    def network(self, team: str) -> Any:
        return self.runtime.apport.network(team)


@pytest.fixture
def server(fake: FakeSlack, database_url: str) -> Iterator[Server]:
    running = Server(fake, database_url)
    running.start()
    yield running
    running.stop()


def _token_of(fake: FakeSlack, method: str, **args: str) -> set[str]:
    return {
        c.authorization
        for c in fake.calls
        if c.method == method and all(c.args.get(k) == v for k, v in args.items())
    }


def _until(condition: Any) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, "the server did not get there"
        time.sleep(0.02)


def test_two_workspaces_install_and_each_uses_its_own_token(
    server: Server, fake: FakeSlack
) -> None:
    status, page = server.install("code-1", "T1", "Club One", "UALICE")
    assert status == 200 and "Apport is installed" in page and "Club One" in page
    server.install("code-2", "T2", "Club Two", "UDAN")
    token_one, token_two = "Bearer xoxb-t1-code-1", "Bearer xoxb-t2-code-2"

    network = server.network("T2")
    assert network is not None and network.name == "Club Two"
    dan = server.command("UDAN", "/apport network", "T2")
    assert "Club Two" in str(dan), "the installer administers the new network"

    for user, team in (("UALICE", "T1"), ("UBOB", "T1"), ("UDAN", "T2"), ("UEVE", "T2")):
        server.command(user, "/charter accept", team)
    server.command("UALICE", "/refer <@UBOB|bob> Acme | audit", "T1")
    server.command("UDAN", "/refer <@UEVE|eve> Initech | payroll", "T2")
    _until(lambda: _token_of(fake, "chat.postMessage", channel="UEVE"))
    _until(lambda: _token_of(fake, "chat.postMessage", channel="UBOB"))

    assert _token_of(fake, "chat.postMessage", channel="UBOB") == {token_one}
    assert _token_of(fake, "chat.postMessage", channel="UEVE") == {token_two}
    assert _token_of(fake, "users.info", user="UDAN") == {token_two}
    assert _token_of(fake, "users.info", user="UALICE") == {token_one}


def test_a_forged_state_is_refused_and_installs_nothing(server: Server, fake: FakeSlack) -> None:
    fake.grant("code-x", "T3", "Club Three", "UZED")
    status, page, headers = server.get("/slack/install")
    cookie = headers["Set-Cookie"].split(";")[0]
    state = cookie.split("=", 1)[1]
    forged = state.rsplit(".", 1)[0] + ".0000"

    status, page, _ = server.get(
        f"/slack/oauth_redirect?code=code-x&state={forged}", {"Cookie": f"x={forged}"}
    )

    assert status >= 400 and "could not be installed" in page
    assert server.network("T3") is None
    assert not _token_of(fake, "oauth.v2.access")


def test_removing_the_app_stops_sending_and_a_reinstall_keeps_everything(
    server: Server, fake: FakeSlack, database_url: str
) -> None:
    server.install("code-1", "T2", "Club Two", "UDAN")
    for user in ("UDAN", "UEVE"):
        server.command(user, "/charter accept", "T2")
    server.runtime.loop.stop()  # eve's notice waits in the outbox: this test dispatches
    server.runtime.apport.after_commit = None
    server.command("UDAN", "/refer <@UEVE|eve> Initech | payroll", "T2")

    server.event({"type": "app_uninstalled"}, "T2")
    server.event({"type": "tokens_revoked", "tokens": {"bot": ["UAPPORT"]}}, "T2")
    _until(lambda: server.network("T2").uninstalled_at is not None)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        bots = connection.execute(text("SELECT count(*) FROM slack_bots WHERE team_id = 'T2'"))
        assert bots.scalar() == 0
    engine.dispose()
    server.runtime.runtime.dispatcher.run_once()
    assert not fake.calls_to("chat.postMessage"), "nothing is sent to a removed workspace"

    status, _ = server.install("code-2", "T2", "Club Two", "UDAN")

    assert status == 200
    network = server.network("T2")
    assert network is not None and network.uninstalled_at is None
    eve = server.command("UEVE", "/charter", "T2")
    assert "accepted" in str(eve).lower(), "eve's acceptance was kept"


def test_health_readiness_and_metrics(server: Server, database_url: str) -> None:
    server.install("code-1", "T1", "Club One", "UALICE")
    assert server.get("/healthz")[:2] == (200, "ok\n")
    _until(lambda: server.get("/readyz")[0] == 200)

    server.command("UALICE", "/charter accept", "T1")
    server.command("UALICE", "/apport referral 99 accept", "T1")
    status, page, _ = server.get("/metrics")

    assert status == 200
    assert 'apport_commands_total{command="charter",outcome="ok"} 1.0' in page
    assert 'apport_commands_total{command="referral",outcome="refused"} 1.0' in page
    assert "apport_outbox_depth" in page and "apport_command_seconds_bucket" in page

    # The database goes away: the process is still up, but no longer ready.
    server.runtime.runtime.service.engine = create_engine("sqlite:////nonexistent/dir/x.db")
    assert server.get("/healthz")[0] == 200
    status, page, _ = server.get("/readyz")
    assert status == 503 and "database unreachable" in page
