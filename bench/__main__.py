"""`python -m bench [--quick]`: measure Apport against its floors, print the table, and write
docs/PERFORMANCE.md. Goals are reported, never enforced: the exit status is 1 only when a
section could not run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench import document, postgres, suite
from bench.dataset import ROOT
from bench.machine import describe
from bench.profiles import PROFILES, QUICK
from bench.report import table


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the two-minute form")
    parser.add_argument("--profile", choices=sorted(PROFILES), help=argparse.SUPPRESS)
    parser.add_argument(
        "--only", default=",".join(suite.NAMES), help=f"sections, of {','.join(suite.NAMES)}"
    )
    parser.add_argument(
        "--output",
        default=str(ROOT / "docs" / "PERFORMANCE.md"),
        help="where to write the results ('-': print only)",
    )
    parser.add_argument(
        "--pg-url",
        default=None,
        help="PostgreSQL for the dispatch section ('' to skip); "
        "default TEST_DATABASE_URL, else the local server",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    profile = PROFILES[args.profile] if args.profile else QUICK if args.quick else PROFILES["full"]
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    unknown = only - set(suite.NAMES)
    if unknown:
        print(f"python -m bench: unknown sections {sorted(unknown)}", file=sys.stderr)
        return 2
    pg_url = postgres.url_from_environment() if args.pg_url is None else args.pg_url
    pg_version = postgres.version(pg_url)
    machine = describe(pg_version or "not reachable: its parts are skipped")
    command = "python -m bench" + ("" if profile.name == "full" else f" --{profile.name}")
    print(f"{command}: {', '.join(n for n in suite.NAMES if n in only)}", file=sys.stderr)
    done = suite.run(profile, pg_url if pg_version else "", only)
    rows = done.results.rows
    print(table(rows))
    print("\n".join(f"{label}: {value}" for label, value in machine))
    if args.output != "-":
        path = Path(args.output)
        document.write(path, document.render(rows, machine, command, done.seconds, path))
        print(f"written to {path}", file=sys.stderr)
    return 1 if any(row.failed for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
