"""A loopback fake of Slack's Web API and response URLs that records every call.

Like bolt-python's own `tests/mock_web_api_server`: a stdlib HTTP server in a thread that
answers `{"ok": true, ...}` with plausible payloads. Failures can be queued per method, or
every call can fail for a while (`down`: an outage). Posted messages are kept per conversation,
with their metadata, for conversations.history and conversations.replies.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER = "UAPPORT"


@dataclass
class Call:
    method: str  # a Web API method (`chat.postMessage`), or `response` for a response_url
    args: dict[str, Any]
    path: str
    authorization: str = ""


@dataclass
class Failure:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _decode_json_fields(args: dict[str, Any]) -> dict[str, Any]:
    for key, value in list(args.items()):
        if isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                args[key] = json.loads(value)
    return args


class FakeSlack:
    def __init__(self, team_id: str = "T1", team_name: str = "Club") -> None:
        self.team_id = team_id
        self.team_name = team_name
        self.calls: list[Call] = []
        self.users: dict[str, dict[str, Any]] = {}
        self.failures: dict[str, list[Failure]] = {}
        self.holds: dict[str, threading.Event] = {}
        self.down: Failure | None = None  # while set, every Web API call answers it
        # Posts to these conversations are made at once but answered this many seconds late.
        self.slow: dict[str, float] = {}
        self.messages: dict[str, list[dict[str, Any]]] = {}  # conversation -> posted, oldest first
        # OAuth: the code Slack gives the redirect -> the workspace it installs in and who
        # installs; each workspace's bot token, which auth.test answers for.
        self.grants: dict[str, tuple[str, str, str, str]] = {}
        self.team_tokens: dict[str, tuple[str, str]] = {}  # token -> (team id, team name)
        self._ts = itertools.count(1)
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # --- set-up -----------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        for method in list(self.holds):
            self.release(method)
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str) -> str:
        return f"{self.base}/response/{name}"

    def add_user(
        self, user_id: str, name: str, team: str = "T1", admin: bool = False, bot: bool = False
    ) -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": team,
            "name": name.lower(),
            "real_name": name.title(),
            "is_admin": admin,
            "is_owner": False,
            "is_bot": bot,
            "deleted": False,
            "profile": {"display_name": name, "real_name": name.title()},
        }

    def hold(self, method: str) -> None:
        """Calls to `method` are recorded, then wait (10 s at most) until `release`."""
        self.holds[method] = threading.Event()

    def release(self, method: str) -> None:
        gate = self.holds.pop(method, None)
        if gate is not None:
            gate.set()

    def fail_next(self, method: str, failure: Failure) -> None:
        self.failures.setdefault(method, []).append(failure)

    # --- reading what was called ---------------------------------------------------------------

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        with self._changed:
            return [c.args for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[dict[str, Any]]:
        """The calls to `method` once there are at least `count` (AssertionError on timeout)."""
        with self._changed:
            done = self._changed.wait_for(
                lambda: sum(c.method == method for c in self.calls) >= count, timeout
            )
            found = [c.args for c in self.calls if c.method == method]
        assert done, f"expected {count} call(s) to {method}, got {len(found)}: {found}"
        return found

    def responses_to(self, url: str) -> list[dict[str, Any]]:
        path = urlsplit(url).path
        with self._changed:
            return [c.args for c in self.calls if c.method == "response" and c.path == path]

    def wait_for_response(self, url: str, timeout: float = 5.0) -> dict[str, Any]:
        """The first answer posted to `url`, once there is one (AssertionError on timeout)."""
        path = urlsplit(url).path

        def answers() -> list[dict[str, Any]]:
            return [c.args for c in self.calls if c.method == "response" and c.path == path]

        with self._changed:
            done = self._changed.wait_for(lambda: bool(answers()), timeout)
            found = answers()
        assert done, f"no answer on {url}"
        return found[0]

    def dms_to(self, user_id: str) -> list[dict[str, Any]]:
        return [c for c in self.calls_to("chat.postMessage") if c["channel"] == user_id]

    def clear(self) -> None:
        with self._changed:
            self.calls.clear()
            self.messages.clear()

    # --- answering --------------------------------------------------------------------------

    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def grant(self, code: str, team_id: str, team_name: str, installer: str) -> str:
        """Slack's side of an install: `code` will be exchanged for this workspace's token."""
        token = f"xoxb-{team_id.lower()}-{code}"
        self.grants[code] = (team_id, team_name, installer, token)
        self.team_tokens[token] = (team_id, team_name)
        return token

    def _oauth_access(self, args: dict[str, Any]) -> dict[str, Any]:
        granted = self.grants.pop(str(args.get("code", "")), None)
        if granted is None:
            return {"ok": False, "error": "invalid_code"}
        team_id, team_name, installer, token = granted
        return {
            "ok": True,
            "app_id": "AAPPORT",
            "authed_user": {"id": installer},
            "scope": "chat:write,commands,users:read",
            "token_type": "bot",
            "access_token": token,
            "bot_user_id": BOT_USER,
            "team": {"id": team_id, "name": team_name},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    def _answer(self, method: str, args: dict[str, Any], auth: str = "") -> dict[str, Any]:
        if method == "oauth.v2.access":
            return self._oauth_access(args)
        if method == "auth.test":
            token = auth.removeprefix("Bearer ")
            team_id, team_name = self.team_tokens.get(token, (self.team_id, self.team_name))
            return {
                "ok": True,
                "url": "https://club.slack.com/",
                "team": team_name,
                "user": "apport",
                "team_id": team_id,
                "user_id": BOT_USER,
                "bot_id": "BAPPORT",
                "app_id": "AAPPORT",
            }
        if method == "users.info":
            user = self.users.get(str(args.get("user")))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if method == "chat.postMessage":
            ts = f"1700000000.{next(self._ts):06d}"
            channel = str(args.get("channel", ""))
            dm = "D" + channel[1:] if channel.startswith("U") else channel
            posted = {
                "ts": ts,
                "text": args.get("text"),
                "blocks": args.get("blocks"),
                "user": BOT_USER,
                "bot_id": "BAPPORT",
            }
            if args.get("metadata"):
                posted["metadata"] = args["metadata"]
            if args.get("thread_ts"):
                posted["thread_ts"] = args["thread_ts"]
            with self._changed:
                self.messages.setdefault(dm, []).append(posted)
            return {"ok": True, "channel": dm, "ts": ts, "message": {"text": args.get("text")}}
        if method in ("chat.update", "chat.delete"):
            return self._change(method, args)
        if method in ("conversations.history", "conversations.replies"):
            with self._changed:
                found = list(self.messages.get(str(args.get("channel", "")), []))
            thread = str(args.get("ts", ""))
            if method == "conversations.replies":
                found = [m for m in found if m["ts"] == thread or m.get("thread_ts") == thread]
            else:
                found = [m for m in found if not m.get("thread_ts")][::-1]  # newest first
            found = found[: int(args.get("limit") or 100)]
            if str(args.get("include_all_metadata", "")).lower() not in ("true", "1"):
                found = [{k: v for k, v in m.items() if k != "metadata"} for m in found]
            return {"ok": True, "messages": found, "has_more": False}
        if method == "conversations.open":
            users = str(args.get("users", ""))
            return {"ok": True, "channel": {"id": "D" + users.split(",")[0][1:]}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):04d}"
            return {"ok": True, "upload_url": f"{self.base}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            return {"ok": True, "files": [{"id": f["id"]} for f in args.get("files", [])]}
        if method.startswith("views."):
            return {"ok": True, "view": {"id": "V0001", **(args.get("view") or {})}}
        return {"ok": True}

    def _change(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        """chat.update edits the bot's message in place; chat.delete removes it."""
        channel, ts = str(args.get("channel", "")), str(args.get("ts", ""))
        if channel.startswith("U"):
            return {"ok": False, "error": "channel_not_found"}  # a DM is named by its D… id
        with self._changed:
            posted = self.messages.get(channel, [])
            found = next((m for m in posted if m["ts"] == ts), None)
            if found is None:
                return {"ok": False, "error": "message_not_found"}
            if method == "chat.delete":
                posted.remove(found)
            else:
                found.update(text=args.get("text"), blocks=args.get("blocks"), edited=True)
        return {"ok": True, "channel": channel, "ts": ts}

    def delete(self, channel: str, ts: str) -> None:
        """A member deleted the message."""
        self._change("chat.delete", {"channel": channel, "ts": ts})

    def conversation(self, user_id: str) -> list[dict[str, Any]]:
        """The messages of the bot's DM with a user, oldest first, as they look now."""
        with self._changed:
            return [dict(m) for m in self.messages.get("D" + user_id[1:], [])]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _read(self) -> dict[str, Any]:
                url = urlsplit(self.path)
                args: dict[str, Any] = dict(parse_qsl(url.query))
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                if raw and "json" in (self.headers.get("content-type") or ""):
                    args.update(json.loads(raw))
                elif raw:
                    args.update(parse_qsl(raw))
                return _decode_json_fields(args)

            def _send(self, status: int, body: str, headers: dict[str, str]) -> None:
                data = body.encode()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)  # a killed client is gone

            def _serve(self) -> None:
                path = urlsplit(self.path).path
                if path.startswith("/upload/"):
                    length = int(self.headers.get("content-length") or 0)
                    fake._record(Call("upload", {"content": self.rfile.read(length)}, path))
                    self._send(200, f"OK - {length}", {"content-type": "text/plain"})
                    return
                args = self._read()
                if path.startswith("/response/"):
                    fake._record(Call("response", args, path))
                    self._send(200, "ok", {"content-type": "text/plain"})
                    return
                method = path.removeprefix("/api/")
                auth = self.headers.get("authorization") or ""
                fake._record(Call(method, args, path, auth))
                gate = fake.holds.get(method)
                if gate is not None:
                    gate.wait(10)
                if fake.down is not None:
                    headers = {"content-type": "application/json", **fake.down.headers}
                    self._send(fake.down.status, json.dumps(fake.down.body), headers)
                    return
                queued = fake.failures.get(method)
                if queued:
                    failure = queued.pop(0)
                    headers = {"content-type": "application/json", **failure.headers}
                    self._send(failure.status, json.dumps(failure.body), headers)
                    return
                answer = fake._answer(method, args, auth)
                late = (
                    fake.slow.get(str(args.get("channel", "")))
                    if method == "chat.postMessage"
                    else None
                )
                if late:
                    time.sleep(late)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # it gave up
                    self._send(200, json.dumps(answer), {"content-type": "application/json"})

            do_GET = _serve
            do_POST = _serve

        return Handler
