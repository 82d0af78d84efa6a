"""`apport slack` in HTTP mode for the benchmark: the same settings, logging and `run_slack` as
`bot.cli`, bound to 127.0.0.1 rather than every interface.

    python -m bench.slack_server     # settings from the environment, as `apport slack`
"""

from __future__ import annotations

import logging
import sys

LOOPBACK = "127.0.0.1"


def main() -> int:
    from bot.settings import SettingsError, load_settings

    settings = load_settings()
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from bot.slack_main import run_slack

    try:
        return run_slack(settings, host=LOOPBACK)
    except SettingsError as error:
        print(f"bench.slack_server: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
