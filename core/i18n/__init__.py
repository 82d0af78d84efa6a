"""Message catalogs (English and French) and the translator that fills them in."""

from __future__ import annotations

from typing import Any

from core.i18n import directory_en, directory_fr
from core.i18n.en import MESSAGES as CORE_EN
from core.i18n.fr import MESSAGES as CORE_FR

# One catalog per language, merged from the core file and the feature files.
EN: dict[str, str] = {**CORE_EN, **directory_en.MESSAGES}
FR: dict[str, str] = {**CORE_FR, **directory_fr.MESSAGES}
CATALOGS: dict[str, dict[str, str]] = {"en": EN, "fr": FR}


class Translator:
    def __init__(self, locale: str) -> None:
        self.locale = locale if locale in CATALOGS else "en"
        self._catalog = CATALOGS[self.locale]

    def has(self, key: str) -> bool:
        return key in self._catalog

    def __call__(self, key: str, /, **params: Any) -> str:
        template = self._catalog.get(key) or EN.get(key)
        if template is None:
            raise KeyError(f"no message {key!r}")
        return template.format(**params) if params else template
