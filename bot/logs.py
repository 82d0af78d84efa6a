"""Log lines: readable text, or with APPORT_LOG_FORMAT=json one JSON object per line for a log
collector, carrying the network and command being handled and an incident's reference.

Redaction (adapters/slack/redact.py) is a filter on the same handlers: what is formatted here
was already scrubbed.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from core.app import HANDLING

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        handling = HANDLING.get(None)
        if handling is not None:
            line["network"], line["command"] = handling
        incident = getattr(record, "incident", None)
        if incident:
            line["incident"] = incident
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["trace"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


def configure(level: str, form: str) -> None:
    """The root logger on stderr, in the chosen form (a handler some host already attached,
    such as a test runner's capture, is left as it is)."""
    root = logging.getLogger()
    root.setLevel(level.upper())
    if not root.handlers:
        root.addHandler(logging.StreamHandler(sys.stderr))
    formatter = JsonFormatter() if form == "json" else logging.Formatter(TEXT_FORMAT)
    for handler in root.handlers:
        if type(handler) is logging.StreamHandler:
            handler.setFormatter(formatter)
