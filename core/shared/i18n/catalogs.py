"""The message catalogs, read from gettext PO files through Babel (once, at import).

Each language has `locale/<lang>/LC_MESSAGES/apport.po`. An entry's `msgctxt` is the message
key core passes to the translator, its `msgid` the English text (`msgid_plural` for a message
that counts something) and its `msgstr` the translation: the files open in Poedit, Weblate or
Crowdin as they are.
"""

from __future__ import annotations

from functools import cache
from gettext import c2py
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

from core.shared import formats

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "apport"
LANGUAGES = ("en", "fr")

Messages = dict[str, str]
Plurals = dict[str, dict[str, str]]


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def plural_categories(language: str, count: int, expression: str) -> list[str]:
    """The CLDR category (`one`, `many`, `other`) each gettext plural form stands for, in form
    order: the form the gettext `expression` picks for a number is the one of its category."""
    rules = Locale.parse(formats.babel_locale(language))
    pick = c2py(expression)
    found: dict[int, str] = {}
    for n in (*range(0, 200), 1000, 10000, 100000, 1000000, 2000000):
        found.setdefault(pick(n), rules.plural_form(n))
    return [found.get(i, "other") for i in range(count)]


@cache
def load(language: str) -> tuple[Messages, Plurals]:
    """The messages of one language: plain ones by key, and plural ones by key and category."""
    with po_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=formats.babel_locale(language), domain=DOMAIN)
    categories = plural_categories(language, catalog.num_plurals, catalog.plural_expr)
    messages: Messages = {}
    plurals: Plurals = {}
    for message in catalog:
        key = message.context
        if not message.id or key is None:
            continue  # the header
        if isinstance(message.id, tuple | list):
            forms = message.string if isinstance(message.string, tuple | list) else ()
            if not any(forms):
                forms = message.id  # not translated yet: the English forms
                chosen = dict(zip(("one", "other"), forms, strict=False))
            else:
                chosen = dict(zip(categories, forms, strict=False))
            plurals[key] = {category: text for category, text in chosen.items() if text}
        else:
            messages[key] = str(message.string or message.id)
    return messages, plurals
