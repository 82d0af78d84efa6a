"""What the figures were measured on: CPU, cores, memory, load, Python, SQLite, PostgreSQL."""

from __future__ import annotations

import os
import platform
import sqlite3
from pathlib import Path


def _first(path: str, prefix: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def memory() -> str:
    kib = _first("/proc/meminfo", "MemTotal").split()[0]
    return f"{int(kib) / 1024 / 1024:.1f} GiB" if kib.isdigit() else "unknown"


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def describe(postgresql: str) -> list[tuple[str, str]]:
    """(label, value) lines; `postgresql` is the server's version, or why there is none."""
    return [
        ("CPU", _first("/proc/cpuinfo", "model name")),
        ("Cores", str(os.cpu_count() or "unknown")),
        ("Memory", memory()),
        ("Load average at start (1, 5, 15 min)", load()),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("PostgreSQL", postgresql),
    ]
