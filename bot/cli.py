"""`apport`: the console on SQLite by default; `apport slack`, `apport discord`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.runtime import Platform
    from bot.settings import Settings

# Each platform's bundle is imported only when that platform runs (fast start-up, and no
# platform library is loaded for another's mode).


def _console(settings: Settings) -> Platform:
    from bot.console_main import bundle

    return bundle(settings)


def _slack(settings: Settings) -> Platform:
    from bot.slack_main import bundle

    return bundle(settings)


def _discord(settings: Settings) -> Platform:
    from bot.discord_main import bundle

    return bundle(settings)


PLATFORMS: dict[str, Callable[[Settings], Platform]] = {
    "console": _console,
    "slack": _slack,
    "discord": _discord,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apport",
        description="Apport: referrals, commissions, client ownership and the charter of a "
        "business-referral network, on Slack, Discord or in this terminal.",
    )
    sub = parser.add_subparsers(dest="mode")
    sub.add_parser("console", help="run the bot in this terminal (the default)")
    slack = sub.add_parser(
        "slack", help="run the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP)"
    )
    slack.add_argument(
        "--manifest",
        action="store_true",
        help="print the app manifest for HTTP mode (or Socket Mode with --socket) and exit",
    )
    slack.add_argument(
        "--socket", action="store_true", help="with --manifest: the Socket Mode manifest"
    )
    slack.add_argument(
        "--oauth",
        action="store_true",
        help="with --manifest: for installing in many workspaces (redirect URL, token rotation)",
    )
    slack.add_argument(
        "--url",
        default="",
        help="with --manifest: the public URL Slack calls in HTTP mode (https://HOST/slack/events)",
    )
    discord = sub.add_parser("discord", help="run the Discord bot (DISCORD_TOKEN)")
    discord.add_argument(
        "--invite-url", action="store_true", help="print the URL that adds the bot to a server"
    )
    for served in (slack, discord):
        served.add_argument(
            "--no-migrate",
            action="store_true",
            help="start on the schema as it is (after `apport migrate`): replicas can start "
            "together",
        )
    sub.add_parser("migrate", help="bring the database (DATABASE_URL) up to date, then exit")
    return parser


def _migrate(settings: Settings) -> int:
    from storage.database import make_engine, migrate, pending_migrations

    engine = make_engine(settings.database_url)
    try:
        pending = pending_migrations(engine)
        migrate(engine)
    finally:
        engine.dispose()
    print(f"apport migrate: {len(pending)} migrations applied; the schema is up to date.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    mode = args.mode or "console"
    if mode == "slack" and args.manifest:  # needs no settings: it describes the app
        from adapters.slack.manifest import EXAMPLE_URL, render_manifest

        if args.oauth and args.socket:
            print("apport slack: --oauth needs HTTP mode (no --socket)", file=sys.stderr)
            return 2
        manifest = render_manifest(args.socket, args.url or EXAMPLE_URL, args.oauth)
        sys.stdout.write(manifest)
        return 0
    # Imported after parsing: `apport --help` answers without loading pydantic or any platform.
    from bot.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"apport: invalid settings: {error}", file=sys.stderr)
        return 2
    from bot.logs import configure

    configure(settings.log_level, settings.log_format)
    if getattr(args, "no_migrate", False):
        settings = settings.model_copy(update={"migrate_on_start": False})
    from bot.runtime import run

    try:
        if mode == "migrate":
            return _migrate(settings)
        if mode == "discord" and args.invite_url:
            from bot.discord_main import bot_invite_url

            print(bot_invite_url(settings))
            return 0
        return run(settings, PLATFORMS[mode](settings))
    except SettingsError as error:
        print(f"apport {mode}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
