"""Section 2: a piped session into `apport` (the console on SQLite, in a temporary folder),
commands per second with start-up left out (an empty session's time is subtracted).

The floor is a Python process that does, per line, what any bot that keeps its state must at
least do: one SQLite transaction (WAL, as Apport's) that stores the line, then echo it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.measure import timed
from bench.profiles import Profile
from bench.report import Row, ms, ratio
from bench.servers import child_environment

SECTION = "2. Console"
SETUP = ("/as alice", "/charter commission 10%", "/charter accept", "/as bob", "/charter accept")
FAILED = "Something went wrong"

FLOOR = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE IF NOT EXISTS lines (id INTEGER PRIMARY KEY, line TEXT)")
for line in sys.stdin:
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO lines (line) VALUES (?)", (line,))
    db.execute("COMMIT")
    print("> " + line, end="", flush=True)
"""
ECHO = "import sys\nfor line in sys.stdin:\n    print(line, end='', flush=True)\n"


def _cycle(n: int) -> list[str]:
    """A referral's life in ten commands, as two members would type them."""
    return [
        "/as alice",
        f"/refer @bob Client {n} | bookkeeping for a restaurant | 1000 | 3",
        "/as bob",
        f"/referral {n} accept",
        f"/referral {n} contacted",
        f"/referral {n} won 1200",
        "/as alice",
        f"/referral {n} paid",
        f"/referral {n}",
        f"/feedback {n} 5 great work",
    ]


def session(lines: int) -> str:
    commands = list(SETUP)
    n = 0
    while len(commands) < lines:
        n += 1
        commands += _cycle(n)
    return "\n".join([*commands[:lines], "/quit"]) + "\n"


def apport_command() -> list[str]:
    script = Path(sys.executable).with_name("apport")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def _run(command: list[str], stdin: str, folder: Path) -> str:
    folder.mkdir()
    env = child_environment(DATABASE_URL=f"sqlite:///{folder / 'apport.db'}")
    done = subprocess.run(
        command, input=stdin, cwd=folder, env=env, capture_output=True, text=True, timeout=3600
    )
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} exited with {done.returncode}: {done.stderr[-500:]}")
    return done.stdout


def run(profile: Profile) -> list[Row]:
    lines = profile.console_lines
    with tempfile.TemporaryDirectory(prefix="apport-bench-console-") as name:
        root = Path(name)
        runs = iter(range(1_000_000))

        def apport(text: str) -> None:
            output = _run(apport_command(), text, root / f"apport-{next(runs)}")
            if FAILED in output:
                raise RuntimeError("a console command failed unexpectedly")

        def floor(text: str) -> None:
            folder = root / f"floor-{next(runs)}"
            _run([sys.executable, "-c", FLOOR, str(folder / "lines.db")], text, folder)

        def echo(text: str) -> None:
            _run([sys.executable, "-c", ECHO], text, root / f"echo-{next(runs)}")

        script = session(lines)
        apport_empty = timed(lambda: apport("/quit\n"))
        floor_empty = timed(lambda: floor(""))
        apport_full = timed(lambda: apport(script))
        floor_full = timed(lambda: floor(script))
        echo_full = timed(lambda: echo(script))
    ours = max(apport_full - apport_empty, 1e-6) / lines
    theirs = max(floor_full - floor_empty, 1e-6) / lines
    return [
        Row(
            SECTION,
            f"commands per second ({lines:,}-line piped session)",
            f"{1 / ours:,.0f}/s ({ms(ours)} each)",
            f"{1 / theirs:,.0f}/s (one SQLite commit + echo per line)",
            ratio(ours, theirs),
            (),
            f"start-up left out: Apport {ms(apport_empty)}, floor {ms(floor_empty)}; "
            f"plain echo of the session {ms(echo_full)}",
        )
    ]
