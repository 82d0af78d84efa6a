"""Core's facade, remembering (per thread) the domain error it last turned into a reply.

`Apport.handle` answers a refusal with a localised error reply; a modal needs to know which
field the refusal concerns, which the error's parameters tell (`value`, `field`, `name`).
"""

from __future__ import annotations

import threading

from core.app import Apport
from core.errors import ApportError
from core.ui import Reply


class SlackApport(Apport):
    _seen = threading.local()

    def error_reply(self, error: ApportError, locale: str) -> Reply:
        self._seen.error = error
        return super().error_reply(error, locale)

    def forget_error(self) -> None:
        self._seen.error = None

    def last_error(self) -> ApportError | None:
        error: ApportError | None = getattr(self._seen, "error", None)
        return error
