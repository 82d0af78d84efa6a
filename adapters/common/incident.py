"""An unexpected failure, answered with a short reference; the trace goes to the log under it,
never to the user."""

from __future__ import annotations

import logging
import secrets

from core.shared.i18n import Translator
from core.shared.ui import Problem, Reply


def incident_reply(
    t: Translator, log: logging.Logger, what: str, error: BaseException | None = None
) -> Reply:
    """The localised error reply ending in `(ref. 1a2b3c4d)`, the trace logged under that
    reference. `error` is the failure; without it, the one being handled (call from `except`)."""
    reference = secrets.token_hex(4)
    log.error(
        "request %s failed (%s)",
        reference,
        what,
        exc_info=error or True,
        extra={"incident": reference},
    )
    return Reply(
        text=f"{t('error.unexpected')} (ref. {reference})",
        error=True,
        problem=Problem("error.unexpected"),
    )
