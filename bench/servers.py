"""HTTP servers under test as child processes on loopback: start, wait, read RSS, stop."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.dataset import ROOT

LOOPBACK = "127.0.0.1"
PATH = "/slack/events"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def child_environment(**values: str) -> dict[str, str]:
    """This environment without Slack settings of its own, the repository importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "APPORT_"))}
    env.pop("DATABASE_URL", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.update(values)
    return env


def rss_bytes(pid: int) -> int:
    """Resident memory of a process, from /proc (0 where there is no /proc)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss(self) -> int:
        return rss_bytes(self.pid)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # uvicorn shuts down gracefully
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def tail(self, lines: int = 15) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""


def start(name: str, module: str, folder: Path, env: dict[str, str], wait: float = 60) -> Server:
    """`python -m module` in `folder` (so no `.env` of the repository is read), once it listens."""
    port = free_port()
    log = folder / f"{name}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", module],
            cwd=folder,
            env={**env, "PORT": str(port)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = Server(name, process, port, log)
    deadline = time.monotonic() + wait
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}: {server.tail()}")
        with contextlib.suppress(OSError), socket.create_connection((LOOPBACK, port), 0.2):
            return server
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"{name} did not listen within {wait:.0f} s: {server.tail()}")
        time.sleep(0.05)
