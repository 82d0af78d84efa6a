"""Every command, collected from the feature modules that declare them beside their handlers.

Adding a command: declare it in its feature module and add it to that module's `COMMANDS`,
then the two catalogs and the permission matrix row. A new feature module is listed here.
"""

from __future__ import annotations

from core import help, home
from core.asks import services as asks
from core.charter import services as charter
from core.directory import services as directory
from core.meetings import services as meetings
from core.meetings import visitors
from core.meets import services as meets
from core.network import services as network
from core.recruitment import services as recruitment
from core.referrals import feedback_services as feedback
from core.referrals import services as referrals
from core.shared.declare import (
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
from core.shared.errors import UnknownCommand
from core.stats import services as stats
from core.trust import breach_services as breaches
from core.trust import mydata

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
    for module in (
        referrals,
        feedback,
        charter,
        network,
        recruitment,
        breaches,
        mydata,
        directory,
        asks,
        meetings,
        visitors,
        meets,
        stats,
        home,
        help,
    )
    for command in module.COMMANDS
}


def find_command(name: str) -> Command:
    command = COMMANDS.get(name.removeprefix("/").lower())
    if command is None:
        raise UnknownCommand(name=name)
    return command
