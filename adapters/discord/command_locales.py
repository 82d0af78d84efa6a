"""Command descriptions in every language core speaks: Discord shows each member the
descriptions in their client's language, from the `description_localizations` synced with the
commands. The text in the default language is the description itself; discord.py asks this
translator for the others while syncing."""

from __future__ import annotations

from collections.abc import Callable

import discord
from discord import app_commands

from adapters.common.text import cap
from core.shared.i18n import CATALOGS, Translator

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
        if describe is None or language is None or language == self.default_locale:
            return None  # names, choices and the default language stay as they are
        if language not in CATALOGS:
            return None
        return cap(describe(Translator(language)), DESCRIPTION_MAX)
