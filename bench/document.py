"""docs/PERFORMANCE.md: how to run the suite, the latest table with the machine it ran on, what
each floor is, and the findings (hand-written, kept from the file across runs)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bench.report import Row, table

FINDINGS = "## Findings"

HOW_TO_RUN = """\
## How to run

The benchmark suite measures Apport against the floor of each path, side by side in the same
run (every figure is a ratio to its floor, with both medians), prints a table and rewrites
`docs/PERFORMANCE.md` with it and a description of the machine. After the install at the top of
the README (`.venv/bin/pip install -e .`), from the repository's folder:

```sh
.venv/bin/python -m bench --quick   # about two minutes on two cores
.venv/bin/python -m bench           # the full suite: ten to twenty minutes on two cores
.venv/bin/python -m bench --quick --only latency,footprint --output -   # some sections, print only
```

| section | full | `--quick` |
|---|---|---|
| 1. `/refer` over HTTP into `apport slack`, against a bare Bolt app | 300 requests | 100 |
| 2. piped console session, commands per second | 10,000 lines | 500 |
| 3. outbox dispatch, SQLite and PostgreSQL, one and two processes | 10,000 rows | 500 |
| 4. `/stats` against one hand-written SQL query per figure | 1,000,000 referrals | 100,000 |
| 5. memory of `apport slack`, start-up of `apport --help` | 9 runs | 5 |

The latency network has 2,000 members and 100,000 referrals. Generated networks are cached in
the system's temporary folder (`apport-bench/`, keyed by size and schema), so only the first
run pays for generating them (minutes for 1,000,000 referrals). PostgreSQL parts use
`TEST_DATABASE_URL`, else `postgresql+psycopg://postgres@127.0.0.1:5432/test`, each run in a
schema of its own that is dropped afterwards; they are skipped (a row says so) when no server
answers, and `--pg-url ''` skips them. Every request stays on 127.0.0.1. Goals are reported,
never enforced: the exit status is 1 only when a section could not run. CI (`.ci/run`) runs
`--quick` and prints its table, and `tests/test_bench_quick.py` runs the tiniest configuration
to check that the table is well formed. `python -m bench.stats` times `/stats` and the
directory command by command.
"""

FLOORS = """\
## The floors

A ratio is Apport's time divided by its floor's, both measured in the same run and alternated
where they can be (these machines are noisy); absolute medians are shown for reference.

1. **Latency**: signed `/refer` requests over HTTP into `apport slack` in HTTP mode (the
   uvicorn server of `bot/slack_main.py`, started by `bench/slack_server.py` bound to
   127.0.0.1), on a copy of a generated network, against the tests' fake Web API. The floor is
   `bench/bare_bolt.py`: the same uvicorn configuration, ASGI adapter, Bolt `App` and signature
   check, with a command handler that only acks. Requests are sequential, alternate between the
   two servers, and each waits for Apport's answer on the response URL before the next one.
   Bolt acknowledges from its listener thread and polls for the ack every 10 ms, which both
   servers pay alike.
2. **Console**: a piped session into `apport` on a fresh SQLite file: the life of a referral in
   ten commands (refer, accept, contacted, won, paid, show it, feedback) over and over.
   Start-up (interpreter, imports, migrations) is left out by subtracting an empty session's
   time, and is measured in section 5. The floor does per line what any bot that keeps its state
   must at least do: one SQLite transaction (WAL, as Apport's) storing the line, then echo it. A
   plain echo would only measure the pipe (its time is in the note).
3. **Dispatch**: due direct messages (a referral card with two buttons) bulk-inserted into the
   outbox, then claimed, composed and handed to a messenger that does nothing by Apport's
   `Dispatcher`; every key is checked to have been handed over once and marked sent. The floor
   is the raw SQL the job cannot do without, on the same database: claiming 200 rows at a time
   (`UPDATE ... RETURNING`, `FOR UPDATE SKIP LOCKED` on PostgreSQL) and marking each sent in a
   transaction of its own, committed as the dispatcher commits (without waiting for the disk:
   `synchronous=NORMAL` on SQLite, `synchronous_commit` off for the mark's transaction on
   PostgreSQL; see `storage/commit_modes.py`). Inserting the rows is setup for both and timed
   by neither. Two
   processes are real processes (`multiprocessing`, spawned) draining the same rows.
4. **Stats**: `/stats` (this month, with its chart) through `Apport.handle` as the bot wires
   it, on the network of `bench/generate.py`. The floor computes the same figures with one
   hand-written SQL query each (`bench/stats_sql.py`; the figures are checked equal), plus the
   chart's two monthly series; it draws nothing.
5. **Footprint**: VmRSS of the `apport slack` process after the latency run, against the bare
   Bolt app's at the same moment; start-up of `apport --help` against the same interpreter
   printing an argparse help.
"""


def _findings(path: Path) -> str:
    try:
        text = path.read_text()
    except OSError:
        text = ""
    at = text.find(f"\n{FINDINGS}\n")
    if at >= 0:
        return text[at + 1 :].rstrip() + "\n"
    return (
        f"{FINDINGS}\n\nWritten by hand (`python -m bench` keeps this section): what bounds each "
        "goal not met, with its profile.\n"
    )


def render(
    rows: Sequence[Row], machine: Sequence[tuple[str, str]], command: str, seconds: float, old: Path
) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    described = "\n".join(f"- {label}: {value}" for label, value in machine)
    return "\n".join(
        [
            "# Performance",
            "",
            HOW_TO_RUN,
            "## Latest results",
            "",
            f"`{command}` on {stamp}, {seconds:.0f} s.",
            "",
            table(rows),
            "",
            "### Machine",
            "",
            described,
            "",
            FLOORS,
            _findings(old),
        ]
    )


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
