"""Delivers notices in the console: every line prefixed with the recipient (`[bob]`,
`[#announcements]`)."""

from __future__ import annotations

from collections.abc import Callable

from adapters.console.render import render
from core.i18n import Translator
from core.ui import Notice


class ConsoleMessenger:
    def __init__(self, write: Callable[[str], None]) -> None:
        self.write = write

    def send(self, notice: Notice) -> None:
        who = f"#{notice.channel}" if notice.channel else notice.name
        if notice.thread_title:
            who += f" > {notice.thread_title}"
        for line in render(notice.reply, Translator(notice.locale)):
            self.write(f"[{who}] {line}")
