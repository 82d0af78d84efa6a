"""Message catalogs (English and French) and the translator that fills them in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from core.shared.i18n import (
    asks_en,
    asks_fr,
    directory_en,
    directory_fr,
    export_en,
    export_fr,
    guidance_en,
    guidance_fr,
    install_en,
    install_fr,
    keywords_en,
    keywords_fr,
    meetings_en,
    meetings_fr,
    meets_en,
    meets_fr,
    settings_en,
    settings_fr,
)
from core.shared.i18n.en import MESSAGES as CORE_EN
from core.shared.i18n.fr import MESSAGES as CORE_FR

# One catalog per language: the core file, then each feature's.
FEATURES = (
    (directory_en, directory_fr),
    (install_en, install_fr),
    (asks_en, asks_fr),
    (meetings_en, meetings_fr),
    (keywords_en, keywords_fr),
    (settings_en, settings_fr),
    (export_en, export_fr),
    (guidance_en, guidance_fr),
    (meets_en, meets_fr),
)
EN: dict[str, str] = {**CORE_EN}
FR: dict[str, str] = {**CORE_FR}
for english, french in FEATURES:
    EN.update(english.MESSAGES)
    FR.update(french.MESSAGES)
CATALOGS: dict[str, dict[str, str]] = {"en": EN, "fr": FR}

# Messages that depend on a count: one text per CLDR plural category (`one`, `other`...).
EN_PLURALS: dict[str, dict[str, str]] = {**core_en.PLURALS, **directory_en.PLURALS}
FR_PLURALS: dict[str, dict[str, str]] = {**core_fr.PLURALS, **directory_fr.PLURALS}
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
