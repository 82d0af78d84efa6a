"""The Slack adapter wired as `apport slack` wires it, against the fake Web API, driven through
`app.dispatch` with signed requests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

from slack_bolt import BoltRequest, BoltResponse

from bot.settings import Settings
from bot.slack_main import SlackRuntime, build_runtime, slack_config
from core.dispatcher import DispatchReport
from tests.slack import payloads
from tests.slack.fake_slack import FakeSlack


class FakeClock:
    def __init__(self) -> None:
        self.moment = datetime.now(UTC).replace(microsecond=0)

    def now(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta


def settings_for(fake: FakeSlack, database_url: str, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": payloads.BOT_TOKEN,
        "SLACK_SIGNING_SECRET": payloads.SECRET,
        "SLACK_APP_TOKEN": None,
        "SLACK_API_URL": fake.api_url,
        "APPORT_DISPATCH_SECONDS": 60,
        **extra,
    }
    return Settings(**values)


def shown(message: dict[str, Any]) -> str:
    """Everything a user reads in a message or view: its text and every text in its blocks."""
    parts = [str(message.get("text") or "")]
    for block in message.get("blocks") or []:
        if "text" in block and isinstance(block["text"], dict):
            parts.append(block["text"]["text"])
        parts.extend(f["text"] for f in block.get("fields") or [])
        parts.extend(
            e["text"]["text"]
            if "text" in e and isinstance(e["text"], dict)
            else str(e.get("text", ""))
            for e in block.get("elements") or []
        )
    return "\n".join(p for p in parts if p)


class SlackHarness:
    def __init__(self, fake: FakeSlack, database_url: str, clock: FakeClock) -> None:
        self.fake = fake
        self.clock = clock
        settings = settings_for(fake, database_url)
        self.runtime: SlackRuntime = build_runtime(
            settings, slack_config(settings), clock, process_before_response=True
        )
        self.runtime.apport.after_commit = None  # notices go out when a test calls deliver()
        self._urls = count(1)

    @property
    def app(self) -> Any:
        return self.runtime.bolt

    def close(self) -> None:
        self.runtime.close()

    def dispatch(self, body: str, content: dict[str, str], **headers: str) -> BoltResponse:
        request = BoltRequest(body=body, headers={**content, **payloads.signed(body), **headers})
        response: BoltResponse = self.app.dispatch(request)
        return response

    def command(
        self, user: str, line: str, team: str = "T1", expect_reply: bool = True
    ) -> dict[str, Any]:
        """Type `line` (`/refer ...`, `/apport help`) as `user`; the ephemeral reply."""
        slash, _, text = line.partition(" ")
        url = self.fake.response_url(f"command-{next(self._urls)}")
        body = payloads.command(slash, text, user, url, team=team)
        response = self.dispatch(body, payloads.FORM)
        assert response.status == 200, response.body
        replies = self.fake.responses_to(url)
        if not expect_reply:
            assert replies == []
            return {}
        assert len(replies) == 1, replies
        return replies[0]

    def press(
        self,
        blocks: list[dict[str, Any]],
        label: str,
        user: str,
        team: str = "T1",
        response_url: str = "",
        **kw: Any,
    ) -> dict[str, Any] | None:
        """Press a button; what replaced the message (or the ephemeral error), if anything."""
        url = response_url or self.fake.response_url(f"message-{next(self._urls)}")
        payload = payloads.press(blocks, label, user, url, team=team, **kw)
        response = self.dispatch(payloads.interaction(payload), payloads.FORM)
        assert response.status == 200, response.body
        replies = self.fake.responses_to(url)
        return replies[-1] if replies else None

    def submit(
        self, view: dict[str, Any], values: dict[str, str], user: str, team: str = "T1"
    ) -> BoltResponse:
        payload = payloads.submit(view, values, user, team)
        return self.dispatch(payloads.interaction(payload), payloads.FORM)

    def opened_view(self) -> dict[str, Any]:
        view: dict[str, Any] = self.fake.calls_to("views.open")[-1]["view"]
        return view

    def deliver(self) -> DispatchReport:
        return self.runtime.loop.dispatcher.run_once()

    def accept_charter(self, *users: str, team: str = "T1") -> None:
        for user in users:
            reply = self.command(user, "/charter accept", team=team)
            assert "accepted version" in shown(reply), reply
