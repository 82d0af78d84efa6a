"""Weekly asks and thanks: what a member is looking for this week, and the rules that read it.

An ask is one member's current "ideal referral" (`/ask TEXT`). A member has at most one current
ask: a new one ends the one before (kept, dated, as history), `/ask clear` ends it, and an ask
older than the network's `ask-weeks` is no longer current. With the default of one week and a
weekly `asks-day`, every ask is posted exactly once, on the first meeting day after it was set.

A client matches an ask when the client's name and need share a meaningful word with it, read
as the directory reads profiles (case, accents, plurals and gender folded: `hôtels` meets
`hotel`), so the member who receives it learns the referral answers their ask.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from core.directory.model import Profile, rank, tokens

MAX_ASK = 500  # characters; a longer ask is refused, never cut
MAX_THANKS = 1000  # characters of a public thank-you
CLEAR_WORDS = frozenset({"clear", "effacer"})
AMOUNT_WORDS = ("amount", "montant")
HELPERS = 3  # members suggested for each ask in the weekly post


@dataclass(frozen=True)
class Ask:
    id: int
    network_id: int
    member_id: int
    text: str
    created_at: datetime
    ended_at: datetime | None = None

    def current(self, now: datetime, weeks: int) -> bool:
        """Not ended, and set less than `weeks` weeks before `now`."""
        return self.ended_at is None and now - self.created_at < timedelta(weeks=weeks)


@dataclass(frozen=True)
class Thanks:
    """A receiver's public thank-you for one referral (one per referral)."""

    id: int
    network_id: int
    referral_id: int
    author_id: int
    message: str
    with_amount: bool
    at: datetime


def matched_words(ask: str, client_and_need: str) -> tuple[str, ...]:
    """The words of `ask` that the client's name or need also holds (by stem), in the ask's
    order, as the ask wrote them (folded); empty when they share nothing meaningful."""
    wanted = {token.stem for token in tokens(client_and_need)}
    found: dict[str, str] = {}
    for token in tokens(ask):
        if token.stem in wanted:
            found.setdefault(token.stem, token.word)
    return tuple(found.values())


@dataclass(frozen=True)
class PastReferral:
    """A referral as the helper suggestion reads it: who gave it, and for what."""

    referrer_id: int
    receiver_id: int
    text: str  # the client's name and the need


@dataclass(frozen=True)
class Helper:
    member_id: int
    name: str
    words: tuple[str, ...]  # why: the words of their profile or past referrals that matched
    from_referrals: bool  # the words come from referrals they gave, not from their profile


def helpers(
    ask: Ask,
    profiles: Sequence[Profile],
    past: Iterable[PastReferral],
    limit: int = HELPERS,
) -> list[Helper]:
    """Members who might answer `ask`, best first: those whose profile fits it (the
    directory's ranking), then those who already passed clients like it (a past referral
    whose client and need match the ask). Never the asker; each member once."""
    names = {p.member_id: p.name for p in profiles}
    found: list[Helper] = []
    seen = {ask.member_id}
    for match in rank(ask.text, profiles, exclude=(ask.member_id,)):
        found.append(Helper(match.profile.member_id, match.profile.name, match.matched, False))
        seen.add(match.profile.member_id)
    by_referrals: dict[int, dict[str, None]] = {}
    for referral in past:
        if referral.referrer_id in seen or referral.referrer_id not in names:
            continue
        words = matched_words(ask.text, referral.text)
        if words:
            by_referrals.setdefault(referral.referrer_id, {}).update(dict.fromkeys(words))
    ranked = sorted(by_referrals.items(), key=lambda item: (-len(item[1]), names[item[0]]))
    for member_id, shared in ranked:
        found.append(Helper(member_id, names[member_id], tuple(shared), True))
    profile_based = [h for h in found if not h.from_referrals][:limit]
    referral_based = [h for h in found if h.from_referrals]
    # Profiles first, and room for at least one giver of like clients when there is one.
    if referral_based and len(profile_based) >= limit:
        profile_based = profile_based[: limit - 1]
    return (profile_based + referral_based)[:limit]


@dataclass
class Exchange:
    """What a member gave to and received from one other member: counts and business closed
    (per currency, as referrals keep the currency they were made in)."""

    other_id: int
    given: int = 0
    received: int = 0
    given_closed: dict[str, Decimal] | None = None
    received_closed: dict[str, Decimal] | None = None

    @property
    def total(self) -> int:
        return self.given + self.received


def give_first(exchanges: Iterable[Exchange]) -> list[Exchange]:
    """The members who gave referrals and were never given one back, most generous first."""
    owed = [e for e in exchanges if e.received and not e.given]
    return sorted(owed, key=lambda e: (-e.received, e.other_id))


def split_amount_word(message: str) -> tuple[bool, str]:
    """`amount | Thank you` -> (True, "Thank you"): whether a thank-you shows the amount, and
    its message. The word comes first (`/thanks 3 amount | message`), English or French."""
    head, _, rest = message.partition("|")
    if head.strip().lower() in AMOUNT_WORDS:
        return True, rest.strip()
    return False, message.strip()
