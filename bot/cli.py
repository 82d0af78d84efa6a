"""`apport`: the console on SQLite by default; platform adapters as they land."""

from __future__ import annotations

import argparse
import logging
import sys

from bot.settings import SettingsError, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apport",
        description="Apport: referrals, commissions, client ownership and the charter of a "
        "business-referral network, on Slack, Discord or in this terminal.",
    )
    sub = parser.add_subparsers(dest="mode")
    sub.add_parser("console", help="run the bot in this terminal (the default)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"apport: invalid settings: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.mode in (None, "console"):
        from bot.console_main import run_console

        return run_console(settings)
    return 2


if __name__ == "__main__":
    sys.exit(main())
