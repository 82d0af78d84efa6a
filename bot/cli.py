"""`apport`: the console on SQLite by default; `apport slack`, `apport discord`."""

from __future__ import annotations

import argparse
import logging
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apport",
        description="Apport: referrals, commissions, client ownership and the charter of a "
        "business-referral network, on Slack, Discord or in this terminal.",
    )
    sub = parser.add_subparsers(dest="mode")
    sub.add_parser("console", help="run the bot in this terminal (the default)")
    sub.add_parser("slack", help="run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP)")
    discord = sub.add_parser("discord", help="run the Discord bot (DISCORD_TOKEN)")
    discord.add_argument(
        "--invite-url", action="store_true", help="print the URL that adds the bot to a server"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Imported after parsing: `apport --help` answers without loading pydantic or any platform.
    from bot.settings import SettingsError, load_settings

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
    try:
        # Platform libraries are imported only by the mode that uses them (fast start-up).
        if args.mode == "slack":
            from bot.slack_main import run_slack

            return run_slack(settings)
        if args.mode == "discord":
            from bot.discord_main import run_discord

            return run_discord(settings, invite_url=args.invite_url)
    except SettingsError as error:
        print(f"apport {args.mode}: {error}", file=sys.stderr)
        return 2
    from bot.console_main import run_console

    return run_console(settings)


if __name__ == "__main__":
    sys.exit(main())
