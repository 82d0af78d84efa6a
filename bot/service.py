"""What an orchestrator asks a running process: is it up (/healthz), may it take traffic
(/readyz: the database answers and the dispatch loop is running), and its metrics (/metrics).

`answer` is the one place these are decided; the Slack HTTP server and the health port
(`APPORT_HEALTH_PORT`, for Discord and Socket Mode) only carry its answers.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.metrics import CONTENT_TYPE, Metrics
from bot.scheduler import DispatchLoop

log = logging.getLogger(__name__)

TEXT = "text/plain; charset=utf-8"
PATHS = ("/healthz", "/readyz", "/metrics")
Answer = tuple[int, str, bytes]  # status, content type, body


@dataclass
class Service:
    engine: Engine
    loop: DispatchLoop
    metrics: Metrics

    @property
    def ready_within(self) -> float:
        """How recent the loop's last run must be: three of its intervals, and some room
        for a run that is sending a batch."""
        return 3 * self.loop.seconds + 10

    def problems(self) -> list[str]:
        found = []
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        except SQLAlchemyError as error:
            found.append(f"database unreachable ({type(error).__name__})")
        since = self.loop.seconds_since_run()
        if since is None or since > self.ready_within:
            found.append("the dispatch loop has not run recently")
        return found

    def answer(self, path: str) -> Answer | None:
        """The answer for `path`, or None when it is not one of these."""
        if path == "/healthz":
            return 200, TEXT, b"ok\n"
        if path == "/readyz":
            problems = self.problems()
            if problems:
                return 503, TEXT, ("not ready: " + "; ".join(problems) + "\n").encode()
            return 200, TEXT, b"ready\n"
        if path == "/metrics":
            try:
                return 200, CONTENT_TYPE, self.metrics.page()
            except SQLAlchemyError as error:  # the outbox figures are read from the database
                return 503, TEXT, f"database unreachable ({type(error).__name__})\n".encode()
        return None


class HealthServer:
    """The three paths on a port of their own, served from a background thread."""

    def __init__(self, service: Service, host: str, port: int) -> None:
        answer = service.answer

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                found = answer(self.path.split("?", 1)[0])
                status, kind, body = found or (404, TEXT, b"not found\n")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                log.debug("health port: " + format, *args)

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, name="apport-health", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
