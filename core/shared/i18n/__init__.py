"""Message catalogs (English and French) and the translator that fills them in.

The messages live in gettext PO files (core/shared/i18n/locale/<lang>/LC_MESSAGES/apport.po),
read once through Babel: see catalogs.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from babel import Locale

from core.shared import formats
from core.shared.i18n.catalogs import load

# One catalog per language: plain messages by key.
EN, EN_PLURALS = load("en")
FR, FR_PLURALS = load("fr")
CATALOGS: dict[str, dict[str, str]] = {"en": EN, "fr": FR}
# Messages that depend on a count: one text per CLDR plural category (`one`, `other`...).
PLURALS: dict[str, dict[str, dict[str, str]]] = {"en": EN_PLURALS, "fr": FR_PLURALS}


_COMMAND = re.compile(r"(?<![\w/])/([a-z]+)\b")


class Translator:
    """`t(key, **params)` fills in a message; `t.n(key, count, **params)` (or
    `t(key, count=n, ...)`) picks the form of a plural message for `count` and shows it as
    the language writes numbers (`1 234`)."""

    def __init__(self, locale: str, command_names: Mapping[str, str] | None = None) -> None:
        """`command_names`: how this platform spells commands that differ (Slack's
        `apport feedback`); every `/feedback` the messages mention is written that way."""
        self.locale = locale if locale in CATALOGS else "en"
        self._catalog = CATALOGS[self.locale]
        self._plurals = PLURALS[self.locale]
        self._rules = Locale.parse(formats.babel_locale(self.locale))
        self._names = command_names or {}

    def has(self, key: str) -> bool:
        return key in self._catalog or key in self._plurals

    def n(self, key: str, count: int | float | Decimal, /, **params: Any) -> str:
        return self(key, count=count, **params)

    def _plural(self, key: str, count: Any) -> str | None:
        forms = self._plurals.get(key)
        if forms is None:
            if key not in EN_PLURALS:
                return None
            forms, rules = EN_PLURALS[key], Locale.parse(formats.babel_locale("en"))
        else:
            rules = self._rules
        if not isinstance(count, int | float | Decimal):
            raise TypeError(f"message {key!r} needs a number as its count, not {count!r}")
        category = rules.plural_form(abs(Decimal(str(count))))
        return forms.get(category) or forms["other"]

    def __call__(self, key: str, /, **params: Any) -> str:
        template = self._catalog.get(key) or EN.get(key)
        if template is None:
            template = self._plural(key, params.get("count"))
            if template is None:
                raise KeyError(f"no message {key!r}")
            params["count"] = formats.number(params["count"], self.locale)
        if self._names and "/" in template:
            # The template only: what a user typed, passed as a parameter, is never rewritten.
            template = _COMMAND.sub(lambda m: "/" + self._names.get(m[1], m[1]), template)
        return template.format(**params) if params else template
