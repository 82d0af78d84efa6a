"""A fake Discord HTTP API on loopback: discord.py's real HTTP client and webhook adapter talk
to it, and it records what a user would see (messages, edits, modals, DMs).

Interaction responses arrive at /interactions/{id}/{token}/callback and follow-ups at
/webhooks/{application}/{token}; direct messages and channel posts at /channels/{id}/messages.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import discord
from aiohttp import web

from tests.discord.channel_permissions import channel_of, needed

APPLICATION_ID = 900000000000000001
BOT_ID = APPLICATION_ID  # as for every application created since 2019
EPHEMERAL = 64
_ids = itertools.count(910000000000000000)


def snowflake() -> str:
    return str(next(_ids))


def user_json(user_id: int | str, name: str, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


BOT_USER = user_json(BOT_ID, "Apport", bot=True)


@dataclass
class Call:
    method: str
    path: str
    json: Any
    query: dict[str, str]


@dataclass
class Failure:
    method: str
    path: re.Pattern[str]
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    times: int


@dataclass
class FakeDiscord:
    calls: list[Call] = field(default_factory=list)
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)  # by message id
    dm_channels: dict[str, str] = field(default_factory=dict)  # channel id -> user id
    guild_members: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)  # interaction token -> message id
    channels: dict[str, str] = field(default_factory=dict)  # interaction token -> channel id
    replies: dict[str, dict[str, Any]] = field(default_factory=dict)  # token -> its message
    failures: list[Failure] = field(default_factory=list)
    # What the bot's role grants in every guild channel; None: everything.
    granted: discord.Permissions | None = None
    threads: set[str] = field(default_factory=set)
    refused: list[Call] = field(default_factory=list)  # answered 403 for want of a permission
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    url: str = ""
    _runner: web.AppRunner | None = None

    # Test controls.

    def fail(
        self,
        method: str,
        path: str,
        status: int,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` matching requests with this error."""
        self.failures.append(Failure(method, re.compile(path), status, body, headers or {}, times))

    def dms_to(self, user_id: int | str) -> list[dict[str, Any]]:
        """The direct messages a user received, oldest first, as they look now."""
        channels = {c for c, u in self.dm_channels.items() if u == str(user_id)}
        return [m for m in self.messages.values() if m["channel_id"] in channels]

    def posts_in(self, channel_id: int | str) -> list[dict[str, Any]]:
        return [m for m in self.messages.values() if m["channel_id"] == str(channel_id)]

    def followups(self, token: str) -> list[dict[str, Any]]:
        """The follow-up messages sent after an interaction's first response, in order."""
        return [
            c.json
            for c in self.calls
            if c.method == "POST" and re.fullmatch(rf"/webhooks/\d+/{re.escape(token)}", c.path)
        ]

    def to(self, prefix: str) -> list[Call]:
        return [c for c in self.calls if c.path.startswith(prefix)]

    async def wait_for(self, found: Callable[[], Any], timeout: float = 5.0) -> Any:
        async with self.changed:
            result = await asyncio.wait_for(self.changed.wait_for(found), timeout)
        return result

    # The server.

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/v10/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}/api/v10"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body = await _body(request)
        call = Call(request.method, path, body, dict(request.query))
        async with self.changed:
            self.calls.append(call)
            response = self._failure(call) or self._forbidden(call) or self._answer(call)
            self.changed.notify_all()
        return response

    def _failure(self, call: Call) -> web.Response | None:
        for failure in self.failures:
            if failure.times and failure.method == call.method and failure.path.search(call.path):
                failure.times -= 1
                return _json(failure.body, status=failure.status, headers=failure.headers)
        return None

    def _forbidden(self, call: Call) -> web.Response | None:
        """Discord's 403 50013 for a request to a guild channel the grants do not allow."""
        channel = channel_of(call.path)
        if self.granted is None or channel is None or channel in self.dm_channels:
            return None
        asked = needed(call.method, call.path, call.json, channel in self.threads)
        if asked.is_subset(self.granted):
            return None
        self.refused.append(call)
        return _json({"code": 50013, "message": "Missing Permissions"}, status=403)

    def _answer(self, call: Call) -> web.Response:
        method, path, body = call.method, call.path, call.json
        if (method, path) == ("GET", "/users/@me"):
            return _json(BOT_USER)
        if (method, path) == ("GET", "/oauth2/applications/@me"):
            return _json(_application())
        if method == "PUT" and re.fullmatch(r"/applications/\d+(/guilds/\d+)?/commands", path):
            return _json([_command(c) for c in body])
        if (method, path) == ("POST", "/users/@me/channels"):
            return _json(self._dm_channel(str(body["recipient_id"])))
        if found := re.fullmatch(r"/channels/(\d+)/messages/(\d+)/threads", path):
            self.threads.add(found[2])
            return _json(_thread(found[1], found[2], body["name"]))
        if found := re.fullmatch(r"/channels/(\d+)/messages", path):
            return _json(self._post(found[1], body))
        if found := re.fullmatch(r"/channels/(\d+)/messages/(\d+)", path):
            return self._edit_or_delete(method, found[1], found[2], body)
        if found := re.fullmatch(r"/guilds/(\d+)/members/(\d+)", path):
            member = self.guild_members.get(found[1], {}).get(found[2])
            if member is None:
                return _json({"code": 10007, "message": "Unknown Member"}, status=404)
            return _json(member)
        if found := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path):
            return _json(self._callback(found[1], found[2], body))
        if found := re.fullmatch(r"/webhooks/\d+/([^/]+)/messages/@original", path):
            return _json(self._edit_original(found[1], body))
        if found := re.fullmatch(r"/webhooks/\d+/([^/]+)", path):
            message = self._message(self.channels.get(found[1], "0"), body)
            self.replies.setdefault(found[1], message)
            return _json(message)
        return _json({"message": f"fake Discord: no {method} {path}"}, status=404)

    def _dm_channel(self, user_id: str) -> dict[str, Any]:
        channel = next((c for c, u in self.dm_channels.items() if u == user_id), None)
        if channel is None:
            channel = snowflake()
            self.dm_channels[channel] = user_id
        recipient = user_json(user_id, f"user{user_id}")
        return {"id": channel, "type": 1, "recipients": [recipient], "last_message_id": None}

    def _post(self, channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce"):  # Discord answers the message already made
            for made in self.messages.values():
                if made["channel_id"] == channel_id and made.get("nonce") == nonce:
                    return made
        message = self._message(channel_id, body)
        if nonce:
            message["nonce"] = nonce
        self.messages[message["id"]] = message
        return message

    def _edit_or_delete(
        self, method: str, channel_id: str, message_id: str, body: dict[str, Any]
    ) -> web.Response:
        """PATCH edits a message in place (the bot's own); DELETE removes it."""
        message = self.messages.get(message_id)
        if message is None or message["channel_id"] != channel_id:
            return _json({"code": 10008, "message": "Unknown Message"}, status=404)
        if method == "DELETE":
            del self.messages[message_id]
            return web.Response(status=204)
        message.update(_visible(body))
        message["edited_timestamp"] = "2026-01-05T09:01:00+00:00"
        return _json(message)

    def delete(self, message_id: str) -> None:
        """A member deleted the message (as Discord lets them in their DMs)."""
        self.messages.pop(message_id, None)

    def _callback(self, interaction_id: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
        kind, data = body["type"], body.get("data") or {}
        if kind == 7 and token in self.origins:  # UPDATE_MESSAGE: the clicked message changes
            self.messages[self.origins[token]].update(_visible(data))
        if kind == 4:
            self.replies[token] = self._message(self.channels.get(token, "0"), data)
        flags = data.get("flags", 0)
        return {
            "interaction": {
                "id": interaction_id,
                "type": 2,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(flags & EPHEMERAL),
            },
            "resource": {"type": kind},
        }

    def _edit_original(self, token: str, body: dict[str, Any]) -> dict[str, Any]:
        origin = self.origins.get(token)
        if origin is not None and token not in self.replies:  # a deferred click: its message
            self.messages[origin].update(_visible(body))
            return self.messages[origin]
        reply = self.replies.setdefault(token, self._message(self.channels.get(token, "0"), {}))
        reply.update(_visible(body))
        return reply

    @staticmethod
    def _message(channel_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": snowflake(),
            "channel_id": channel_id,
            "author": BOT_USER,
            "timestamp": "2026-01-05T09:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "pinned": False,
            "type": 0,
            "content": "",
            "embeds": [],
            "components": [],
            "flags": 0,
            **_visible(body),
        }


async def _body(request: web.Request) -> Any:
    """JSON, or the multipart form discord.py sends with files (kept as `attachments`)."""
    if not request.can_read_body:
        return None
    if not request.content_type.startswith("multipart/"):
        return await request.json()
    form = await request.post()
    body = json.loads(str(form.get("payload_json", "{}")))
    message = body["data"] if isinstance(body.get("data"), dict) else body  # a callback's
    message["attachments"] = [
        {"id": snowflake(), "filename": part.filename, "size": len(part.file.read())}
        for name, part in form.items()
        if name.startswith("files[") and isinstance(part, web.FileField)
    ]
    return body


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON with Discord's exact content type (discord.py compares it as is)."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def _visible(body: dict[str, Any]) -> dict[str, Any]:
    shown = ("content", "embeds", "components", "flags", "attachments")
    return {k: v for k, v in body.items() if k in shown} | (
        {"content": body["content"] or ""} if "content" in body else {}
    )


def _thread(channel_id: str, message_id: str, name: str) -> dict[str, Any]:
    """A thread started from a message: Discord gives it the message's id."""
    return {
        "id": message_id,
        "type": 11,
        "guild_id": "0",
        "parent_id": channel_id,
        "owner_id": str(BOT_ID),
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 10080,
            "archive_timestamp": "2026-01-05T09:00:00+00:00",
            "locked": False,
        },
    }


def _application() -> dict[str, Any]:
    return {
        "id": str(APPLICATION_ID),
        "name": "Apport",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user_json(1, "owner"),
        "verify_key": "0" * 64,
        "flags": 0,
    }


def _command(body: dict[str, Any]) -> dict[str, Any]:
    return {
        **body,
        "id": snowflake(),
        "application_id": str(APPLICATION_ID),
        "version": snowflake(),
        "type": body.get("type", 1),
    }
