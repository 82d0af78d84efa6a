"""The pure rules of asks: matching a client to an ask, who might help, give first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from core.asks.model import (
    Ask,
    Exchange,
    PastReferral,
    give_first,
    helpers,
    matched_words,
    split_amount_word,
)
from core.directory.model import Profile, tokens

AT = datetime(2025, 3, 3, 9, tzinfo=UTC)


def ask(text: str, member_id: int = 1) -> Ask:
    return Ask(1, 1, member_id, text, AT)


def test_a_client_matches_an_ask_by_its_words_whatever_their_form() -> None:
    assert matched_words(
        "An introduction to the facility manager of a hotel in Lyon",
        "Hôtels Bellecour Lyon: cleaning of the rooms",
    ) == ("hotel", "lyon")
    assert matched_words("Des salles de mariage à Annecy", "Château: buffets de mariages") == (
        "mariage",
    )


def test_stopwords_alone_never_match() -> None:
    assert matched_words("I need someone for the best", "someone needs the best for me") == ()
    assert matched_words("", "anything") == ()


words = st.lists(
    st.sampled_from(["hotel", "Lyon", "wedding", "plumber", "the", "for", "a", "école", "123"]),
    max_size=8,
).map(" ".join)


@given(words, words)
def test_matched_words_come_from_the_ask_and_the_client(ask_text: str, client: str) -> None:
    found = matched_words(ask_text, client)
    ask_words = {t.word for t in tokens(ask_text)}
    client_stems = {t.stem for t in tokens(client)}
    assert set(found) <= ask_words
    assert len(found) == len(set(found))
    assert all(t.stem in client_stems for t in tokens(" ".join(found)))


@given(words)
def test_an_ask_matches_itself_when_it_says_anything(text: str) -> None:
    assert bool(matched_words(text, text)) == bool(tokens(text))


def test_an_ask_is_current_until_ended_or_too_old() -> None:
    running = ask("hotels")
    assert running.current(AT + timedelta(days=6, hours=23), weeks=1)
    assert not running.current(AT + timedelta(days=7), weeks=1)
    assert running.current(AT + timedelta(days=13), weeks=2)
    ended = Ask(1, 1, 1, "hotels", AT, ended_at=AT + timedelta(hours=1))
    assert not ended.current(AT + timedelta(hours=2), weeks=1)


PROFILES = [
    Profile(1, "U-alice", "Alice", "Architect", "hotels, renovation"),
    Profile(2, "U-bob", "Bob", "Cleaning company", "hotels, offices", "Spotless hotels"),
    Profile(3, "U-carol", "Carol", "Caterer", "buffets, weddings"),
    Profile(4, "U-dave", "Dave", "Plumber", "plumbing"),
    Profile(5, "U-erin", "Erin", "Florist", "weddings, hotels lobbies"),
]


def test_helpers_are_profiles_first_then_givers_of_like_clients() -> None:
    past = [
        PastReferral(4, 3, "Hotel Bellecour a buffet for a seminar"),
        PastReferral(3, 2, "Initech lunch"),
    ]
    found = helpers(ask("Hotels organising seminars"), PROFILES, past)
    assert [(h.name, h.words, h.from_referrals) for h in found] == [
        ("Bob", ("hotels",), False),
        ("Erin", ("hotels",), False),
        ("Dave", ("hotels", "seminars"), True),
    ]


def test_helpers_never_include_the_asker() -> None:
    past = [PastReferral(1, 2, "hotels hotels")]
    found = helpers(ask("hotels", member_id=1), PROFILES, past, limit=10)
    assert 1 not in [h.member_id for h in found]


@given(st.sampled_from([p.member_id for p in PROFILES]), words, st.integers(1, 5))
def test_helpers_are_distinct_and_bounded(asker: int, text: str, limit: int) -> None:
    past = [PastReferral(p.member_id, asker, text) for p in PROFILES]
    found = helpers(ask(text, asker), PROFILES, past, limit)
    ids = [h.member_id for h in found]
    assert len(ids) == len(set(ids)) <= limit
    assert asker not in ids


def test_give_first_lists_givers_never_given_back_most_generous_first() -> None:
    exchanges = [
        Exchange(2, given=0, received=1, given_closed={}, received_closed={}),
        Exchange(3, given=1, received=4, given_closed={}, received_closed={}),
        Exchange(4, given=0, received=3, given_closed={}, received_closed={"EUR": Decimal(1)}),
        Exchange(5, given=2, received=0, given_closed={}, received_closed={}),
    ]
    assert [e.other_id for e in give_first(exchanges)] == [4, 2]


def test_the_amount_word_comes_first_in_english_or_french() -> None:
    assert split_amount_word("amount | Thank you") == (True, "Thank you")
    assert split_amount_word("MONTANT|Merci | encore") == (True, "Merci | encore")
    assert split_amount_word("Thank you for the amount") == (False, "Thank you for the amount")
    assert split_amount_word("montant") == (True, "")
