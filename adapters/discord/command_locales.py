"""Command names and descriptions in every language core speaks: Discord shows each member the
names and descriptions in their client's language, from the `name_localizations` and
`description_localizations` synced with the commands. The default name is the declared
(English) word, which the interactions carry back; a description's default is its text in the
default language. discord.py asks this translator for the others while syncing."""

from __future__ import annotations

from collections.abc import Callable

import discord
from discord import app_commands

from adapters.common.text import cap
from core.shared.i18n import CATALOGS, Translator
from core.shared.keywords import spellings

Describe = Callable[[Translator], str]  # a description, as written in one language

# Discord's locales for each catalog; a member on any other locale reads the default language.
DISCORD_LOCALES: dict[str, tuple[discord.Locale, ...]] = {
    "en": (discord.Locale.american_english, discord.Locale.british_english),
    "fr": (discord.Locale.french,),
}
_LANGUAGE = {locale: language for language, found in DISCORD_LOCALES.items() for locale in found}
DESCRIPTION_MAX = 100


def described(describe: Describe, default: Translator) -> app_commands.locale_str:
    """A description in the default language that knows how to write itself in the others."""
    return app_commands.locale_str(cap(describe(default), DESCRIPTION_MAX), describe=describe)


def named(name: str, keyword: str) -> app_commands.locale_str:
    """A command, option or choice `name` (the declared word) that the keyword catalogs spell
    in the other languages (`keyword`: its catalog key, `kw.referral.action.accept`)."""
    return app_commands.locale_str(name, keyword=keyword)


class CatalogTranslator(app_commands.Translator):
    def __init__(self, default_locale: str) -> None:
        self.default_locale = default_locale

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        describe = string.extras.get("describe")
        language = _LANGUAGE.get(locale)
        keyword = string.extras.get("keyword")
        if keyword is not None and language is not None:
            # Names: every language but the declared one's, the default language included.
            spelled = spellings(keyword, language)
            return spelled[0] if spelled and spelled[0] != string.message else None
        if describe is None or language is None or language == self.default_locale:
            return None  # names, choices and the default language stay as they are
        if language not in CATALOGS:
            return None
        return cap(describe(Translator(language)), DESCRIPTION_MAX)
