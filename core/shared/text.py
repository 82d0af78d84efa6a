"""Text rules shared by every command: limits and name normalisation."""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

from core.shared.errors import InvalidValue, TextTooLong

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


def check_length(text: str, label: str, name: str = "") -> str:
    """`text` unless it is too long; `label` is how the refusal names the input `name`."""
    if len(text) > MAX_TEXT:
        raise TextTooLong(field=label, limit=MAX_TEXT, length=len(text), concerns=name)
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


# Platforms ping on `@here` even when a letter touches it (`@here2`, `x@everyone`): no bounds.
_MASS_MENTION = re.compile(
    r"<!(?:channel|here|everyone)(?:\|[^>]*)?>|@(?:everyone|here|channel)", re.IGNORECASE
)


def neutralise_mass_mentions(text: str) -> str:
    """`@everyone`, `<!channel>` and the like, made inert: a channel post never pings a crowd."""
    return _MASS_MENTION.sub(
        lambda m: m.group(0).replace("@", "@\u200b").replace("<!", "<\u200b!"), text
    )


RECORD_NUMBER = re.compile(r"#?\s*([0-9]{1,9})")
MAX_RECORD_NUMBER = 2**31 - 1  # what an INTEGER column holds on every engine


def parse_record_number(text: str) -> int:
    """`3` or `#3`: the number of a referral, candidate or report, never past what a database
    integer holds (longer runs of digits are refused before `int()` sees them)."""
    match = RECORD_NUMBER.fullmatch(text.strip())
    if match is None or not 0 < int(match[1]) <= MAX_RECORD_NUMBER:
        raise InvalidValue("error.invalid_number", value=text.strip()[:50])
    return int(match[1])


def parse_bounded_int(text: str, low: int, high: int, key: str) -> int:
    """A small whole number in [low, high]; refused with `key` otherwise (and before `int()`
    sees a huge run of digits)."""
    folded = text.strip()
    if not re.fullmatch(r"[0-9]{1,6}", folded) or not low <= int(folded) <= high:
        raise InvalidValue(key, value=folded[:50])
    return int(folded)


def parse_fraction(text: str) -> Fraction:
    """`2/3`, `67%`, `0.5`: a share between 0 (excluded) and 1."""
    raw = text.strip().replace(",", ".")
    if not re.fullmatch(r"[0-9./%]{1,8}", raw):  # no exponents, no endless precision
        raise InvalidValue("error.invalid_fraction", value=text[:50])
    try:
        value = Fraction(raw[:-1]) / 100 if raw.endswith("%") else Fraction(raw)
    except (ValueError, ZeroDivisionError):
        raise InvalidValue("error.invalid_fraction", value=text) from None
    if not 0 < value <= 1 or value.denominator > 1000:
        raise InvalidValue("error.invalid_fraction", value=text[:50])
    return value
