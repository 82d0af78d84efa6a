"""Every command, collected from the feature modules that declare them beside their handlers.

Adding a command: declare it in its feature module, list it here, then the two catalogs and
the permission matrix row.
"""

from __future__ import annotations

from core.declare import (
    Command,
    MentionReader,
    Param,
    Parsed,
    Verb,
    check_args,
    form_for,
    parse,
    plain_mention,
    usage,
)
from core.errors import UnknownCommand
from core.services import (
    breaches,
    charter,
    directory,
    feedback,
    help,
    home,
    mydata,
    network,
    recruitment,
    referrals,
    stats,
)

__all__ = [
    "COMMANDS",
    "Command",
    "MentionReader",
    "Param",
    "Parsed",
    "Verb",
    "check_args",
    "find_command",
    "form_for",
    "parse",
    "plain_mention",
    "usage",
]

COMMANDS: dict[str, Command] = {
    command.name: command
    for command in (
        referrals.REFER,
        referrals.REFERRAL,
        referrals.REFERRALS,
        referrals.CLIENTS,
        feedback.FEEDBACK,
        charter.CHARTER,
        network.NETWORK,
        recruitment.CANDIDATE,
        recruitment.CANDIDATES,
        breaches.REPORT,
        breaches.REPORTS,
        mydata.MYDATA,
        directory.PROFILE,
        directory.MEMBERS,
        stats.STATS,
        home.HOME,
        help.HELP,
    )
}


def find_command(name: str) -> Command:
    command = COMMANDS.get(name.removeprefix("/").lower())
    if command is None:
        raise UnknownCommand(name=name)
    return command
