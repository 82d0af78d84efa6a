"""English messages: installing the app in a workspace or server, and removing it."""

MESSAGES: dict[str, str] = {
    "install.success.title": "Apport is installed",
    "install.success.body": "Apport is now part of {team}, and you are its first admin.\n"
    "Next, in Slack: invite @Apport to the channel where the club talks, then type "
    "/network set announcements-channel #that-channel.\n"
    "Type /charter to read the charter every member accepts, and /help to see everything "
    "Apport does. You can close this page.",
    "install.failure.title": "Apport could not be installed",
    "install.failure.body": "Slack did not complete the installation ({reason}). Nothing was "
    "changed. Start again from {install}; if it fails again, ask a workspace admin to "
    "install it.",
    "setting.uninstalled-retention-days": "Days the club's data is kept after the app is "
    "removed",
    "audit.uninstalled": "app removed from the workspace or server",
    "audit.reinstalled": "app added back",
}
