"""Member-written text at a given length, in French with what platforms escape (`&<>`), so
a test sees at once whether a platform cut, escaped or lost any of it."""

from __future__ import annotations

WORDS = (
    "Élodie",
    "&",
    "fils",
    "<SARL>",
    "cherchent",
    "un",
    "expert-comptable",
    "à",
    "Lyon",
    "pour",
    "leur",
    "paie",
    "&",
    "trésorerie",
    "(>",
    "12",
    "salariés).",
)


def longest(length: int, tag: str = "") -> str:
    """Words up to exactly `length` characters, starting with `tag` to tell texts apart."""
    words = [tag] if tag else []
    index = 0
    while len(" ".join(words)) < length:
        words.append(WORDS[index % len(WORDS)])
        index += 1
    text = " ".join(words)
    return text[:length].rstrip() + "x" * (length - len(text[:length].rstrip()))
