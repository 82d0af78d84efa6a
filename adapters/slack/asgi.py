"""Bolt as an ASGI app for uvicorn, with each request dispatched on a worker thread.

Bolt's own ASGI handler for a synchronous `App` calls `app.dispatch` on the event loop, which
would block every other request while core waits on the database. Bodies are read here, never
past `MAX_BODY` bytes: a larger `Content-Length` is refused before any byte is read, and a
chunked body is counted as it arrives and refused as soon as it passes the limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.asgi.base_handler import BaseSlackRequestHandler
from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest
from slack_bolt.adapter.asgi.http_response import AsgiHttpResponse

PATH = "/slack/events"
MAX_BODY = 1024 * 1024  # Slack's largest payloads (modal submissions) stay far below

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class TooLarge(Exception):
    pass


def declared_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def read_body(receive: Receive, limit: int = MAX_BODY) -> bytes:
    """The request body; `TooLarge` as soon as more than `limit` bytes have arrived."""
    chunks = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ConnectionError("the client went away before its body was read")
        chunks.extend(message.get("body", b""))
        if len(chunks) > limit:
            raise TooLarge
        if not message.get("more_body", False):
            return bytes(chunks)


# A GET path answered by the process itself (health, readiness, metrics): status, content
# type and body, or None when the path is not one of them.
ServiceAnswer = Callable[[str], "tuple[int, str, bytes] | None"]


class ThreadedSlackHandler(BaseSlackRequestHandler):
    def __init__(
        self,
        app: App,
        path: str = PATH,
        max_body: int = MAX_BODY,
        service: ServiceAnswer | None = None,
    ) -> None:
        self.app = app
        self.path = path
        self.max_body = max_body
        self.service = service

    async def handle_installation(self, request: AsgiHttpRequest) -> BoltResponse:
        """The install page (OAuth): it issues a state, so it runs off the event loop."""
        flow = self.app.oauth_flow
        assert flow is not None
        return await asyncio.to_thread(flow.handle_installation, _get(request))

    async def handle_callback(self, request: AsgiHttpRequest) -> BoltResponse:
        """Slack's redirect after the install: the token exchange and the installation's
        storage run off the event loop."""
        flow = self.app.oauth_flow
        assert flow is not None
        return await asyncio.to_thread(flow.handle_callback, _get(request))

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and self.service is not None:
            found = await asyncio.to_thread(self.service, scope["path"])
            if found is not None:
                status, kind, content = found
                answer = AsgiHttpResponse(status, {"content-type": [kind]}, content.decode())
                await send(answer.get_response_start())
                await send(answer.get_response_body())
                return
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == self.path:
            length = declared_length(scope["headers"])
            if length is not None and length > self.max_body:
                await _answer(send, 413, "Payload Too Large")
                return
            try:
                body = await read_body(receive, self.max_body)
            except TooLarge:
                await _answer(send, 413, "Payload Too Large")
                return
            except ConnectionError:
                return
            request = AsgiHttpRequest(scope, receive)
            bolt_request = BoltRequest(
                body=body.decode("utf-8", errors="replace"),
                query=request.query_string,
                headers=request.get_headers(),
            )
            response = await asyncio.to_thread(self.app.dispatch, bolt_request)
            answer = AsgiHttpResponse(response.status, response.headers, response.body)
            await send(answer.get_response_start())
            await send(answer.get_response_body())
            return
        await super().__call__(scope, receive, send)


def _get(request: AsgiHttpRequest) -> BoltRequest:
    """A GET request as Bolt reads it (no body)."""
    return BoltRequest(body="", query=request.query_string, headers=request.get_headers())


async def _answer(send: Send, status: int, text: str) -> None:
    # Connection: close, so the server drops the rest of the body rather than draining it.
    answer = AsgiHttpResponse(
        status, {"content-type": ["text/plain;charset=utf-8"], "connection": ["close"]}, text
    )
    await send(answer.get_response_start())
    await send(answer.get_response_body())
