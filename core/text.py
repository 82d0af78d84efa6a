"""Text rules shared by every command: limits and name normalisation."""

from __future__ import annotations

import re
import unicodedata

from core.errors import TextTooLong

MAX_TEXT = 2000

_LEGAL_SUFFIXES = {
    "sarl",
    "sas",
    "sasu",
    "sa",
    "eurl",
    "sci",
    "snc",
    "scop",
    "ei",
    "eirl",
    "ltd",
    "llc",
    "inc",
    "plc",
    "llp",
    "gmbh",
    "ag",
    "bv",
    "nv",
    "srl",
    "co",
    "corp",
}


def check_length(text: str, label: str) -> str:
    if len(text) > MAX_TEXT:
        raise TextTooLong(field=label, limit=MAX_TEXT, length=len(text))
    return text


def fold(text: str) -> str:
    """Lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def normalise_client_name(name: str) -> str:
    """The key two spellings of one client share: `ACME  Corp.` and `Acme corp SARL` match.

    A legal form is dropped only when something else is left (`SAS` alone stays `sas`).
    """
    words = re.sub(r"[^\w\s]", " ", fold(name)).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in _LEGAL_SUFFIXES:
        words.pop(0)
    return " ".join(words)


def plain_mention(token: str) -> str | None:
    """`@bob` or `bob` names bob; how the console and tests write members."""
    name = token.removeprefix("@").strip()
    return name or None


def plain_channel(token: str) -> str | None:
    """`#general` or `general`: how the console names a channel."""
    name = token.removeprefix("#").strip()
    return name or None


_MASS_MENTION = re.compile(
    r"<!(?:channel|here|everyone)(?:\|[^>]*)?>|(?<!\w)@(?:everyone|here|channel)\b", re.IGNORECASE
)


def neutralise_mass_mentions(text: str) -> str:
    """`@everyone`, `<!channel>` and the like, made inert: a channel post never pings a crowd."""
    return _MASS_MENTION.sub(
        lambda m: m.group(0).replace("@", "@\u200b").replace("<!", "<\u200b!"), text
    )
