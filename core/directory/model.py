"""The member directory: profiles, and ranking them against words (a search or a client's need).

Ranking is BM25 over normalised tokens, computed in Python from the network's profiles (a
network has at most a few thousand members, so an index would cost more than it saves):

- tokens are the words of the text, case and accents folded (`Expert-Comptable` gives `expert`
  and `comptable`), without one-letter words, numbers and a short list of French and English
  stopwords (`a`, `the`, `pour`, `besoin`...);
- each token is reduced to a stem that ignores simple plural and gender endings in both
  languages (`avocates` and `avocat`, `boulangère` and `boulanger`, `companies` and `company`)
  and a few common derivations (`bookkeeper` and `bookkeeping`, `plombier` and `plomberie`), so
  a need and a profile meet even when not worded alike;
- a profile is one document where the profession counts three times, the keywords twice and
  the pitch once (BM25F-style field weights).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from core.shared.text import fold

MAX_PROFESSION = 200
MAX_KEYWORDS = 500
MAX_PITCH = 300

# BM25 parameters (the usual defaults) and how much each profile field weighs.
K1 = 1.2
B = 0.75
PROFESSION_WEIGHT = 3
KEYWORDS_WEIGHT = 2
PITCH_WEIGHT = 1


def _words(*lines: str) -> frozenset[str]:
    return frozenset(word for line in lines for word in line.split())


STOPWORDS = _words(
    # English
    "a an the and or but nor for of to in on at by with from into about as than then so",
    "is are was were be been being am do does did has have had will would can could should",
    "may might must shall i me my we us our you your he him his she her it its they them",
    "their this that these those who whom whose which what when where why how all any some",
    "no not only very just also more most other such own same too here there",
    "need needs needed needing want wants wanted looking look looks someone somebody",
    "anyone anybody help helps please new like good best get gets got",
    "one two three four five six seven eight nine ten",
    # French (accents already folded)
    "le la les l un une des du de d et ou mais donc or ni car pour par avec sans sous sur",
    "dans en au aux a ce cet cette ces se sa son ses mon ma mes ton ta tes notre nos votre",
    "vos leur leurs je j tu il elle on nous vous ils elles me m te t lui y qui que qu quoi",
    "dont est sont etre ai as avons avez ont suis es etes fait faire ne n pas plus tres",
    "tout toute tous toutes bien aussi comme chez cherche cherchent chercher recherche",
    "besoin besoins veut veulent voudrait souhaite quelqu quelque quelques",
    "nouveau nouvelle bon bonne deux trois quatre cinq sept huit neuf dix",
)

_WORD = re.compile(r"[a-z0-9]+")

# Plural endings (first match wins).
_PLURAL: tuple[tuple[str, str], ...] = (
    ("ies", "i"),  # companies -> compani (company -> compani below)
    ("eaux", "eau"),  # bureaux -> bureau
    ("aux", "al"),  # journaux -> journal
    ("sses", "ss"),  # businesses -> business
    ("eux", "eu"),  # cheveux -> cheveu
    ("oux", "ou"),  # bijoux -> bijou
)
# Gender (French) and a few trade-name endings, after plurals (first match wins).
_GENDER: tuple[tuple[str, str], ...] = (
    ("euse", "eur"),  # coiffeuse -> coiffeur
    ("trice", "teur"),  # formatrice -> formateur
    ("ienne", "ien"),  # electricienne -> electricien
    ("onne", "on"),  # patronne -> patron
    ("elle", "el"),  # professionnelle -> professionnel
    ("ette", "et"),  # cadette -> cadet
    ("erie", "er"),  # plomberie -> plomber, boulangerie -> boulanger
    ("iere", "ier"),  # couturiere -> couturier
    ("ere", "er"),  # boulangere -> boulanger
    ("ive", "if"),  # creative -> creatif
)
# Derivations, after trailing e's are dropped (first match wins; the stem keeps 4 letters).
_DERIVED: tuple[str, ...] = (
    "ation",  # formation -> form
    "ateur",  # formateur -> form, restaurateur -> restaur
    "ement",  # demenagement -> demenag
    "ment",  # investment -> invest
    "ing",  # bookkeeping -> bookkeep
    "ier",  # plombier -> plomb
    "eur",  # demenageur -> demenag
    "ant",  # accountant -> account, restaurant -> restaur
    "er",  # bookkeeper -> bookkeep, plomber -> plomb
)
_MIN_STEM = 4


def stem(word: str) -> str:
    """A folded word without its plural, gender and common derivation endings."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in _PLURAL:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    for suffix, replacement in _GENDER:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    while len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # avocate -> avocat, taxe(s) -> tax, employee -> employ
    if len(word) > _MIN_STEM and word.endswith("y"):
        word = word[:-1] + "i"  # company -> compani, as companies
    for suffix in _DERIVED:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiousy":
        word = word[:-1]  # conseill(er) -> conseil, install(ation) -> instal(l)
    return word


@dataclass(frozen=True)
class Token:
    stem: str
    word: str  # as written (folded), to show why a profile matched


def tokens(text: str, stems: dict[str, str] | None = None) -> list[Token]:
    """The meaningful words of `text`, folded and stemmed, in order.

    `stems` remembers the stems already computed (one ranking shares it across profiles,
    whose words repeat: it halves the time to rank a few thousand profiles)."""
    known = {} if stems is None else stems
    found = []
    for word in _WORD.findall(fold(text)):
        if len(word) < 2 or word.isdigit() or word in STOPWORDS:
            continue
        stemmed = known.get(word)
        if stemmed is None:
            stemmed = known[word] = stem(word)
        found.append(Token(stemmed, word))
    return found


def terms(text: str) -> list[str]:
    return [token.stem for token in tokens(text)]


@dataclass(frozen=True)
class Profile:
    """A member as the directory shows them."""

    member_id: int
    external_id: str
    name: str
    profession: str = ""
    keywords: str = ""
    pitch: str = ""
    joined_at: datetime | None = None

    @property
    def has_profile(self) -> bool:
        return bool(self.profession or self.keywords or self.pitch)

    def fields(self) -> tuple[tuple[str, int], ...]:
        return (
            (self.profession, PROFESSION_WEIGHT),
            (self.keywords, KEYWORDS_WEIGHT),
            (self.pitch, PITCH_WEIGHT),
        )


@dataclass(frozen=True)
class Standing:
    """How a member stands in the network: what the directory shows beside the profile."""

    quality: float | None = None  # average feedback received
    scores: int = 0  # how many feedback scores
    given: int = 0  # referrals given, all time (cancelled ones left out)


@dataclass(frozen=True)
class Match:
    profile: Profile
    score: float
    matched: tuple[str, ...]  # the profile's words that matched, as written there


@dataclass
class _Document:
    profile: Profile
    frequencies: Counter[str]
    length: int
    words: dict[str, str]  # stem -> first word of the profile that gave it


def _document(profile: Profile, stems: dict[str, str]) -> _Document:
    frequencies: Counter[str] = Counter()
    words: dict[str, str] = {}
    length = 0
    for text, weight in profile.fields():
        for token in tokens(text, stems):
            frequencies[token.stem] += weight
            length += weight
            words.setdefault(token.stem, token.word)
    return _Document(profile, frequencies, length, words)


def rank(query: str, profiles: Iterable[Profile], exclude: Sequence[int] = ()) -> list[Match]:
    """Profiles that share a word with `query`, best first (BM25; ties in name order)."""
    wanted = list(dict.fromkeys(terms(query)))
    if not wanted:
        return []
    stems: dict[str, str] = {}
    documents = [_document(p, stems) for p in profiles if p.member_id not in exclude]
    if not documents:
        return []
    count = len(documents)
    average_length = sum(d.length for d in documents) / count or 1.0
    frequency_of = Counter(term for d in documents for term in d.frequencies)
    matches = []
    for document in documents:
        score = 0.0
        matched = []
        for term in wanted:
            tf = document.frequencies.get(term, 0)
            if not tf:
                continue
            df = frequency_of[term]
            idf = math.log(1 + (count - df + 0.5) / (df + 0.5))
            norm = K1 * (1 - B + B * document.length / average_length)
            score += idf * tf * (K1 + 1) / (tf + norm)
            matched.append(document.words[term])
        if score > 0:
            matches.append(Match(document.profile, score, tuple(matched)))
    matches.sort(key=lambda m: (-round(m.score, 9), fold(m.profile.name), m.profile.member_id))
    return matches
