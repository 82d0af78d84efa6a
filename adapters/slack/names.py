"""How Apport's commands are spelled on Slack.

Every core command is reachable as `/apport <command> ...` (the umbrella Slack's style guide
recommends). Short names are an explicit allow-list: only words Slack does not reserve and that
are specific enough not to collide with another app in a club's workspace. `/feedback` is on
Slack's built-in list, and generic words (`/help`, `/home`, `/network`, `/clients`) are left to
Slack and other apps. A command added to core is reachable through `/apport` with no change here.
"""

from __future__ import annotations

from core.commands import COMMANDS

UMBRELLA = "apport"
SHORT_NAMES: tuple[str, ...] = ("refer", "charter")


def slash_commands() -> list[str]:
    """The slash commands the app declares and answers, umbrella first."""
    return [f"/{UMBRELLA}", *(f"/{name}" for name in SHORT_NAMES if name in COMMANDS)]


def command_names() -> dict[str, str]:
    """For core's help and usage lines: how each command is typed on Slack (without `/`)."""
    return {name: f"{UMBRELLA} {name}" for name in COMMANDS if name not in SHORT_NAMES}


def split_command(slash: str, text: str) -> tuple[str, str]:
    """(core command, its text) for `/apport refer ...` or `/refer ...`; `/apport` alone is help."""
    name = slash.removeprefix("/").lower()
    if name != UMBRELLA:
        return name, text.strip()
    first, _, rest = text.strip().partition(" ")
    return (first.removeprefix("/").lower() or "help"), rest.strip()
