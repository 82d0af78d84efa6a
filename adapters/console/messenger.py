"""Delivers notices in the console: every line prefixed with the recipient's name."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from adapters.console.render import render
from core.i18n import Translator
from core.ui import Notice


class ConsoleMessenger:
    def __init__(self, write: Callable[[str], None], locale_of: Callable[[int], str]) -> None:
        self.write = write
        self.locale_of = locale_of

    def send(self, notices: Sequence[Notice]) -> None:
        for notice in notices:
            t = Translator(self.locale_of(notice.network_id))
            for line in render(notice.reply, t):
                self.write(f"[{notice.name}] {line}")
