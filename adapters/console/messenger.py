"""Delivers notices in the console: every line prefixed with the recipient (`[bob]`,
`[#announcements]`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from adapters.console.files import save
from adapters.console.render import render
from core.shared.i18n import Translator
from core.shared.ui import Notice

# The reference of a card printed in the console: it stays where it was printed.
PRINTED = "printed"


class ConsoleMessenger:
    def __init__(self, write: Callable[[str], None], files_folder: Path | None = None) -> None:
        self.write = write
        self.files_folder = files_folder or Path("apport-files")

    def send(self, notice: Notice) -> str | None:
        """Print the notice. A card is printed once; each later change to it prints only the
        line saying what changed (a terminal cannot edit what it printed)."""
        who = f"#{notice.channel}" if notice.channel else notice.name
        if notice.thread_title:
            who += f" > {notice.thread_title}"
        card = notice.card
        if card is not None and card.ref:
            for line in card.line.splitlines():
                self.write(f"[{who}] {line}")
            return card.ref
        t = Translator(notice.locale)
        for line in render(notice.reply, t):
            self.write(f"[{who}] {line}")
        for path in save(notice.reply.files, self.files_folder):
            self.write(f"[{who}] " + t("console.file_written", path=str(path)))
        return PRINTED if card is not None else None
