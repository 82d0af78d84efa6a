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

from slack_bolt import App, BoltRequest
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


class ThreadedSlackHandler(BaseSlackRequestHandler):
    def __init__(self, app: App, path: str = PATH, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.path = path
        self.max_body = max_body

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
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


async def _answer(send: Send, status: int, text: str) -> None:
    # Connection: close, so the server drops the rest of the body rather than draining it.
    answer = AsgiHttpResponse(
        status, {"content-type": ["text/plain;charset=utf-8"], "connection": ["close"]}, text
    )
    await send(answer.get_response_start())
    await send(answer.get_response_body())
