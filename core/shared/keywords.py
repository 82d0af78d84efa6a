"""Keywords in every language: how a command, a verb, a choice or an option is spelled.

The spellings live in the catalogs' `kw.` entries (the PO files under `i18n/locale/`),
where a translator reads them. Typed words are folded (case, accents, `_` for `-`) and resolved
to the word the declaration uses, whatever the network's language: a French verb works in an
English network and the other way round. A catalog value may list several spellings separated
by ", "; the first is the one shown.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

from core.shared.i18n import CATALOGS

__all__ = [
    "choice_key",
    "command_key",
    "fold",
    "option_key",
    "resolve",
    "shown",
    "spellings",
    "verb_key",
]

Words = tuple[tuple[str, str], ...]  # (catalog key, declared word) for each word to tell apart


def command_key(command: str) -> str:
    return f"kw.{command}"


def verb_key(command: str, verb: str) -> str:
    return f"kw.{command}.{verb}"


def choice_key(command: str, param: str, choice: str) -> str:
    return f"kw.{command}.{param}.{choice}"


def option_key(param: str) -> str:
    return f"kw.option.{param}"


def fold(word: str) -> str:
    """`Contacté` and `contacte` alike; `plus_tard` as `plus-tard`."""
    decomposed = unicodedata.normalize("NFKD", word.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("_", "-")


def _listed(catalog: Mapping[str, str], key: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in catalog.get(key, "").split(",") if part.strip())


def spellings(key: str, locale: str) -> tuple[str, ...]:
    """The spellings of one keyword in one language, the shown one first (none if missing)."""
    return _listed(CATALOGS.get(locale, {}), key)


def shown(key: str, declared: str, locale: str) -> str:
    """How `locale` writes the keyword; the declared word where the catalog has none."""
    found = spellings(key, locale)
    return found[0] if found else declared


@cache
def _table(words: Words) -> dict[str, str]:
    """Folded spelling -> declared word: the declared words first, then every language's."""
    table = {fold(word): word for _, word in words}
    for catalog in CATALOGS.values():
        for key, word in words:
            for spelling in _listed(catalog, key):
                table.setdefault(fold(spelling), word)
    return table


def resolve(typed: str, words: Iterable[tuple[str, str]]) -> str | None:
    """The declared word `typed` spells, in any language, among `words`; None if none."""
    return _table(tuple(words)).get(fold(typed))
