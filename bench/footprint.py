"""Section 5: resident memory of `apport slack` after the latency run (the floor: the bare Bolt
app's, measured at the same moment), and the start-up time of `apport --help` (the floor: the
same interpreter printing an argparse help, which is all `--help` has to do)."""

from __future__ import annotations

import subprocess
import sys
import tempfile

from bench.console import apport_command
from bench.measure import interleaved, median
from bench.profiles import Profile
from bench.report import Goal, Row, ms, ratio
from bench.servers import child_environment

SECTION = "5. Footprint"
RSS_GOAL = 150 * 1024 * 1024
START_GOAL = 0.300
FLOOR = "import argparse; argparse.ArgumentParser(prog='apport').parse_args(['--help'])"


def megabytes(count: int) -> str:
    return f"{count / 1024 / 1024:.0f} MB"


def memory(apport_rss: int, bare_rss: int) -> Row:
    if not apport_rss:
        return Row(SECTION, "resident memory of apport slack", note="skipped: no /proc here")
    return Row(
        SECTION,
        "resident memory of apport slack, after the latency run",
        megabytes(apport_rss),
        f"{megabytes(bare_rss)} (bare Bolt app, same stack)",
        ratio(apport_rss, bare_rss),
        (Goal(f"< {megabytes(RSS_GOAL)}", apport_rss < RSS_GOAL),),
        "VmRSS from /proc",
    )


def startup(profile: Profile) -> Row:
    with tempfile.TemporaryDirectory(prefix="apport-bench-start-") as folder:
        env = child_environment()

        def run(command: list[str]) -> None:
            subprocess.run(command, cwd=folder, env=env, capture_output=True, check=True)

        help_command = [*apport_command(), "--help"]
        floor_command = [sys.executable, "-c", FLOOR]
        run(help_command)  # warm the file cache for both
        run(floor_command)
        ours, floor = interleaved(
            profile.runs, lambda: run(help_command), lambda: run(floor_command)
        )
    value, base = median(ours), median(floor)
    return Row(
        SECTION,
        "start-up of apport --help",
        ms(value),
        f"{ms(base)} (python printing an argparse help)",
        ratio(value, base),
        (Goal(f"< {ms(START_GOAL)}", value < START_GOAL),),
        f"median of {profile.runs} runs",
    )
