"""Bolt as an ASGI app for uvicorn, with each request dispatched on a worker thread.

Bolt's own ASGI handler for a synchronous `App` calls `app.dispatch` on the event loop, which
would block every other request while core waits on the database.
"""

from __future__ import annotations

import asyncio

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.asgi.base_handler import BaseSlackRequestHandler
from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest

PATH = "/slack/events"


class ThreadedSlackHandler(BaseSlackRequestHandler):
    def __init__(self, app: App, path: str = PATH) -> None:
        self.app = app
        self.path = path

    async def dispatch(self, request: AsgiHttpRequest) -> BoltResponse:
        bolt_request = BoltRequest(
            body=await request.get_raw_body(),
            query=request.query_string,
            headers=request.get_headers(),
        )
        return await asyncio.to_thread(self.app.dispatch, bolt_request)
