"""Keeps tokens, secrets and clients' contacts out of the logs, whatever library writes the
record and at whatever level: slack_bolt's and slack_sdk's DEBUG lines (request and response
bodies: cards with a client's contact), an invalid request's body that Bolt logs at INFO."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

TOKEN = re.compile(r"\b(xox[abposre]|xapp)-[A-Za-z0-9-]+")
HIDDEN = "[redacted]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number: `+` or `0` then at least 8 digits, spaces, dots, dashes or brackets between.
PHONE = re.compile(r"(?<![\w.])(?:\+|0)\d(?:[ .\-()]{0,2}\d){7,}")
# Where Slack's libraries print a request's or response's body: the rest of the line goes.
BODY = re.compile(r"\b(body|body_params|json_body|query_params)(: |=).*", re.DOTALL)
SLACK_LIBRARIES = ("slack_bolt", "slack_sdk")


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        text = TOKEN.sub(HIDDEN, text)
        return PHONE.sub(HIDDEN, EMAIL.sub(HIDDEN, text))

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.name.startswith(SLACK_LIBRARIES):
            message = BODY.sub(r"\1\2" + HIDDEN, message)
        record.msg = self.scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatters print exc_text when it is set: the trace goes out scrubbed.
            record.exc_text = self.scrub(logging.Formatter().formatException(record.exc_info))
        return True


def install(secrets: Iterable[str]) -> RedactSecrets:
    """Attach the filter to every handler of the root logger (records propagate there)."""
    redactor = RedactSecrets(secrets)
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig()
    for handler in root.handlers:
        handler.addFilter(redactor)
    return redactor


def uninstall(redactor: RedactSecrets) -> None:
    for handler in logging.getLogger().handlers:
        handler.removeFilter(redactor)
