"""The Slack app manifest, generated from core's command declarations.

Two modes, as `apport slack` runs: HTTP (Slack calls the request URL; the default, and
`manifest.json` beside this file) or Socket Mode (`SLACK_APP_TOKEN`; no request URL).
`apport slack --manifest [--socket] [--url URL]` prints the one for the chosen mode;
`python -m adapters.slack.manifest` rewrites `manifest.json`. A test checks the file is current,
both modes valid against Slack's schema, and the commands listed exactly those the bot answers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from adapters.slack.asgi import PATH
from adapters.slack.names import SHORT_NAMES, UMBRELLA, slash_commands
from core.commands import COMMANDS, usage
from core.shared.i18n import Translator

MANIFEST = Path(__file__).with_name("manifest.json")
EXAMPLE_URL = f"https://apport.example.com{PATH}"
REDIRECT_PATH = "/slack/oauth_redirect"  # where Slack sends an installer back (OAuth)
# The least that works: slash commands; posting (DMs, and channels the bot was invited to);
# users.info for display names and admin flags; exports and charts uploaded to the user's DM
# with the bot (files:write, and im:write to open that DM). App Home needs no scope. The
# history scopes let the messenger find a message it may have posted before resending it
# after a crash (without them it sends again).
BOT_SCOPES = [
    "channels:history",
    "chat:write",
    "commands",
    "files:write",
    "groups:history",
    "im:history",
    "im:write",
    "users:read",
]
HINT_MAX = 1000

LONG_DESCRIPTION = (
    "Apport keeps a business-referral network honest. Members pass clients to each other with "
    "/refer; the receiver accepts or declines, then reports contacted, won or lost, and the "
    "commission due follows the network's charter. The member who brought a client keeps the "
    "relationship. The charter is readable at any moment with /charter, every version is "
    "accepted by each member, and the App Home tab shows what waits on you."
)


def _slash_command(command: str, description: str, hint: str, url: str) -> dict[str, Any]:
    declared: dict[str, Any] = {"command": command}
    if url:  # HTTP mode: where Slack sends it (Socket Mode needs none)
        declared["url"] = url
    return {
        **declared,
        "description": description,
        "usage_hint": hint[:HINT_MAX],
        "should_escape": True,  # mentions arrive as <@U123|name>, channels as <#C123|name>
    }


def _hint(name: str, t: Translator) -> str:
    """What follows the command: the main verb's fields, else the verbs to choose from."""
    command = COMMANDS[name]
    main = command.verbs[0]
    if main.params:
        return usage(command, main, t).split(" ", 1)[1]
    return "[" + " | ".join(v.name for v in command.verbs if v.name) + "]"


def build_manifest(
    socket: bool = False, url: str = EXAMPLE_URL, oauth: bool = False
) -> dict[str, Any]:
    """The manifest for HTTP mode (Slack calls `url`), or for Socket Mode (`socket`); with
    `oauth`, for one deployment installed in many workspaces: its redirect URL, and tokens
    that rotate."""
    t = Translator("en")
    url = "" if socket else url
    commands = [
        _slash_command(
            f"/{UMBRELLA}",
            "Every Apport command: /apport help lists them",
            "help | COMMAND ...",
            url,
        )
    ]
    for name in SHORT_NAMES:
        commands.append(_slash_command(f"/{name}", t(f"help.{name}"), _hint(name, t), url))
    # The app removed from the workspace: its tokens go and the club's data is kept for a while.
    events: dict[str, Any] = {
        "bot_events": ["app_home_opened", "app_uninstalled", "tokens_revoked"]
    }
    interactivity: dict[str, Any] = {"is_enabled": True}
    if url:
        events = {"request_url": url, **events}
        interactivity["request_url"] = url
    assert [c["command"] for c in commands] == slash_commands()
    oauth_config: dict[str, Any] = {"scopes": {"bot": BOT_SCOPES}}
    if oauth and url:
        oauth_config["redirect_urls"] = [url.rsplit("/slack/", 1)[0] + REDIRECT_PATH]
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "Apport",
            "description": "Referrals, commissions, client ownership and the charter of a "
            "business-referral network.",
            "background_color": "#1d4e4a",
            "long_description": LONG_DESCRIPTION,
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": True,
            },
            "bot_user": {"display_name": "Apport", "always_online": True},
            "slash_commands": commands,
        },
        "oauth_config": oauth_config,
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket,
            "token_rotation_enabled": oauth,
        },
    }


def render_manifest(socket: bool = False, url: str = EXAMPLE_URL, oauth: bool = False) -> str:
    return json.dumps(build_manifest(socket, url, oauth), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    MANIFEST.write_text(render_manifest(), encoding="utf-8")
    print(f"wrote {MANIFEST}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
