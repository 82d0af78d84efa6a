"""The console loop: one command per line from a terminal or a pipe, replies on stdout.

Console-only commands: `/as NAME` (act as another member), `/clock [+14d]`, `/quit`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from adapters.common.invocations import invocation
from adapters.console.clock import ConsoleClock
from adapters.console.files import save
from adapters.console.render import render
from core.app import Apport, Invocation
from core.network.services import parse_offset
from core.shared import formats
from core.shared.errors import ApportError
from core.shared.i18n import Translator
from core.shared.text import fold
from core.shared.ui import Reply

log = logging.getLogger(__name__)

NETWORK_KEY = "console"


class ConsoleSession:
    def __init__(
        self,
        app: Apport,
        clock: ConsoleClock,
        network_name: str,
        user: str,
        write: Callable[[str], None],
    ) -> None:
        self.app = app
        self.clock = clock
        self.network_name = network_name
        self.user = user
        self.write = write
        self.after_clock: Callable[[], object] | None = None
        self.files_folder = Path("apport-files")

    def _t(self) -> Translator:
        return Translator(self.app.locale_of(NETWORK_KEY))

    def _invocation(self, command: str, text: str = "") -> Invocation:
        return invocation(
            NETWORK_KEY, self.network_name, fold(self.user), self.user, command, text=text
        )

    def _show(self, reply: Reply) -> None:
        t = self._t()
        for line in render(reply, t):
            self.write(line)
        for path in save(reply.files, self.files_folder):
            self.write(t("console.file_written", path=str(path)))

    def welcome(self) -> None:
        self.write(self._t()("console.welcome", network=self.network_name, name=self.user))

    def handle_line(self, line: str) -> bool:
        """Run one line; False when the session should end."""
        line = line.strip()
        if not line:
            return True
        if not line.startswith("/"):
            self._show(Reply(text=self._t()("console.not_command"), error=True))
            return True
        name, _, text = line[1:].partition(" ")
        name, text = name.lower(), text.strip()
        try:
            if name in ("quit", "exit"):
                self.write(self._t()("console.bye"))
                return False
            if name == "as":
                self._switch(text)
            elif name == "clock":
                self._clock(text)
            else:
                reply = self.app.handle(self._invocation(name, text))
                self._show(reply)
                if name == "help" and not text:
                    self.write(self._t()("console.extra_help"))
        except ApportError as error:
            self._show(self.app.error_reply(error, self.app.locale_of(NETWORK_KEY)))
        except Exception:
            # The command's text may hold a client's contact: log its name only.
            log.exception("console command /%s failed", name)
            self._show(Reply(text=self._t()("error.unexpected"), error=True))
        return True

    def _switch(self, name: str) -> None:
        name = " ".join(name.removeprefix("@").split())
        if not name:
            self._show(Reply(text=self._t()("console.as_usage"), error=True))
            return
        self.user = name
        member = self.app.join(self._invocation("as"))
        self.write(self._t()("console.as", name=member.display_name))

    def _clock(self, text: str) -> None:
        now = self.clock.shift(parse_offset(text)) if text else self.clock.now()
        t = self._t()
        shown = formats.moment(now, t.locale, self.app.timezone_of(NETWORK_KEY))
        self.write(t("console.clock", time=shown))
        if text and self.after_clock is not None:
            self.after_clock()

    def run(self, lines: Iterable[str], interactive: bool) -> None:
        self.welcome()
        for line in lines:
            if not interactive and line.strip():
                self.write(f"{self.user}> {line.strip()}")
            if not self.handle_line(line):
                return


def read_lines(interactive: bool, prompt: Callable[[], str]) -> Iterable[str]:
    if not interactive:
        yield from sys.stdin
        return
    while True:
        try:
            yield input(prompt())
        except EOFError:
            return
