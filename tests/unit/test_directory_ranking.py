"""Normalised tokens and BM25 ranking: what `/members words` and `/refer ? need` stand on."""

from __future__ import annotations

import pytest

from core.directory.model import Profile, rank, stem, terms, tokens

# Words that must meet: plural and gender endings in both languages, case and accents, and a
# few derivations (the trade and its work).
SAME = [
    ("avocat", "avocate"),
    ("avocats", "avocates"),
    ("boulanger", "boulangère"),
    ("boulangers", "boulangerie"),
    ("coiffeur", "coiffeuse"),
    ("formateur", "formatrice"),
    ("électricien", "électricienne"),
    ("conseiller", "conseillère"),
    ("plombier", "plomberie"),
    ("journal", "journaux"),
    ("bureau", "bureaux"),
    ("créatif", "créative"),
    ("professionnel", "professionnelle"),
    ("comptable", "comptables"),
    ("company", "companies"),
    ("tax", "taxes"),
    ("business", "businesses"),
    ("bookkeeper", "bookkeeping"),
    ("accountant", "accounting"),
    ("accountant", "accounts"),
    ("designer", "design"),
    ("plumber", "plumbing"),
    ("restaurant", "restaurants"),
    ("employé", "employee"),
    ("installation", "installer"),
]
# Words that must stay apart.
APART = [
    ("avocat", "avocado"),
    ("plombier", "plumber"),
    ("paper", "pap"),
    ("station", "st"),
    ("business", "busines"),
    ("analysis", "analys"),
    ("devis", "dev"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_plural_gender_and_trade_endings_meet(one: str, other: str) -> None:
    assert terms(one) == terms(other)


@pytest.mark.parametrize(("one", "other"), APART)
def test_different_words_stay_apart(one: str, other: str) -> None:
    assert terms(one) != terms(other)


def test_tokens_fold_case_and_accents_split_words_and_drop_stopwords() -> None:
    found = tokens("L'EXPERT-Comptable des Restaurants, pour 2 clients et une TPE")
    assert [t.word for t in found] == ["expert", "comptable", "restaurants", "clients", "tpe"]
    assert [t.stem for t in found] == ["expert", "comptabl", "restaur", "client", "tpe"]
    assert terms("Needs someone who can help with the books") == ["book"]
    assert terms("") == [] and terms("the of a 42") == []


def test_short_words_and_numbers_are_left_alone() -> None:
    assert stem("bus") == "bus" and stem("2024") == "2024" and stem("seo") == "seo"


def _profiles(*rows: tuple[str, str, str]) -> list[Profile]:
    return [
        Profile(i + 1, f"U{i + 1}", f"Member {i + 1}", profession, keywords, pitch)
        for i, (profession, keywords, pitch) in enumerate(rows)
    ]


def test_rank_scores_rarer_and_repeated_words_higher_and_says_why() -> None:
    profiles = _profiles(
        ("Plumber", "plumbing, heating, boilers", "Repairs within the day"),
        ("Electrician", "wiring, heating controls", "Safe installations"),
        ("Caterer", "buffets, events", "Fresh food"),
    )
    found = rank("boiler and heating repairs", profiles)
    assert [m.profile.profession for m in found] == ["Plumber", "Electrician"]
    assert found[0].matched == ("boilers", "heating", "repairs")
    assert found[1].matched == ("heating",)
    assert found[0].score > found[1].score > 0


def test_profession_weighs_more_than_the_pitch() -> None:
    profiles = _profiles(
        ("Photographer", "", ""),
        ("Printer", "flyers", "I work with a photographer"),
    )
    assert [m.profile.profession for m in rank("photographer", profiles)] == [
        "Photographer",
        "Printer",
    ]


def test_rank_leaves_out_the_excluded_and_those_without_a_matching_word() -> None:
    profiles = _profiles(("Accountant", "bookkeeping", ""), ("Accountant", "bookkeeping", ""))
    assert [m.profile.member_id for m in rank("bookkeeping", profiles, exclude=(1,))] == [2]
    assert rank("gardening", profiles) == []
    assert rank("the and of", profiles) == []
    assert rank("bookkeeping", []) == []


def test_ties_are_broken_by_name() -> None:
    profiles = [
        Profile(1, "U1", "zoe", "Accountant"),
        Profile(2, "U2", "Anna", "Accountant"),
    ]
    assert [m.profile.name for m in rank("accountant", profiles)] == ["Anna", "zoe"]


# The labelled set: realistic profiles of two networks, and clear needs with the member who
# should come first. A case counts only when that member is strictly first (a tie does not).
ENGLISH = _profiles(
    (
        "Chartered accountant",
        "bookkeeping, payroll, VAT returns, annual accounts",
        "I keep the books of small businesses",
    ),
    ("Caterer", "buffets, corporate lunches, events, cocktails", "Fresh food for your events"),
    (
        "Business lawyer",
        "contracts, company formation, commercial leases, disputes",
        "Legal advice for entrepreneurs",
    ),
    ("Plumber", "plumbing, heating, boilers, leaks, bathrooms", "Emergency repairs within the day"),
    (
        "Electrician",
        "wiring, lighting, electrical safety inspections",
        "Safe installations for homes and shops",
    ),
    ("Web designer", "websites, online shops, SEO, branding", "Your business online in two weeks"),
    (
        "Insurance broker",
        "business insurance, liability, health cover, restaurants",
        "The right cover at the right price",
    ),
    (
        "Commercial real estate agent",
        "shop leases, offices, premises, valuations",
        "Find the right premises",
    ),
    ("Photographer", "product photos, portraits, menus, events", "Pictures that sell"),
    ("Printer", "business cards, flyers, menus, signs", "Printed by tomorrow"),
    ("Business banker", "loans, cash flow, equipment financing", "Funding your projects"),
    (
        "IT consultant",
        "computer networks, cybersecurity, backups, software",
        "Your IT that just works",
    ),
    (
        "Recruitment consultant",
        "hiring, job descriptions, interviews, staff",
        "The right people for your team",
    ),
)
FRENCH = _profiles(
    (
        "Expert-comptable",
        "comptabilité, bilans, déclarations fiscales, paie",
        "Je tiens les comptes des restaurants et des commerçants",
    ),
    (
        "Plombier chauffagiste",
        "plomberie, chauffage, chaudières, fuites, salles de bains",
        "Dépannage dans la journée",
    ),
    (
        "Avocate d'affaires",
        "contrats, statuts de société, baux commerciaux",
        "Le droit au service des entrepreneurs",
    ),
    ("Traiteur", "buffets, cocktails, repas d'entreprise", "Des réceptions gourmandes"),
    ("Agente immobilière", "locaux commerciaux, bureaux, estimations", "Trouver le bon local"),
    (
        "Développeuse web",
        "sites internet, boutiques en ligne, référencement",
        "Votre entreprise visible en ligne",
    ),
    ("Photographe", "portraits, photos de produits, événements", "Des images qui vendent"),
    (
        "Courtière en assurances",
        "assurance professionnelle, responsabilité civile, mutuelle",
        "Bien couvert au juste prix",
    ),
    (
        "Électricien",
        "installations électriques, éclairage, mises aux normes",
        "La sécurité avant tout",
    ),
    ("Boulangère", "pains, viennoiseries, commandes pour entreprises", "Le bon pain du quartier"),
)
LABELLED = [
    (ENGLISH, "needs a bookkeeper for a restaurant", "Chartered accountant"),
    (ENGLISH, "a leak under the sink in their bathroom", "Plumber"),
    (ENGLISH, "wants to open an online shop", "Web designer"),
    (ENGLISH, "looking for a lawyer to draft a commercial lease", "Business lawyer"),
    (ENGLISH, "her boiler stopped heating", "Plumber"),
    (ENGLISH, "needs liability insurance for a new restaurant", "Insurance broker"),
    (ENGLISH, "looking for new premises for their office", "Commercial real estate agent"),
    (ENGLISH, "photos of their products for the website", "Photographer"),
    (ENGLISH, "a loan to finance new equipment", "Business banker"),
    (ENGLISH, "hiring two waiters", "Recruitment consultant"),
    (ENGLISH, "payroll and tax returns for his shop", "Chartered accountant"),
    (ENGLISH, "cybersecurity audit after a virus", "IT consultant"),
    (FRENCH, "cherche un comptable pour son restaurant", "Expert-comptable"),
    (FRENCH, "une fuite d'eau dans la salle de bains", "Plombier chauffagiste"),
    (FRENCH, "rédiger les statuts de sa société", "Avocate d'affaires"),
    (FRENCH, "besoin d'une boutique en ligne", "Développeuse web"),
    (FRENCH, "un photographe pour ses produits", "Photographe"),
    (FRENCH, "une assurance responsabilité civile professionnelle", "Courtière en assurances"),
    (FRENCH, "des viennoiseries pour un séminaire", "Boulangère"),
    (FRENCH, "mise aux normes électrique de son local", "Électricien"),
    (FRENCH, "un avocat pour un bail commercial", "Avocate d'affaires"),
]


def _first(profiles: list[Profile], need: str) -> str | None:
    found = rank(need, profiles)
    if not found or (len(found) > 1 and found[1].score >= found[0].score):
        return None  # nobody, or a tie
    return found[0].profile.profession


def labelled_score() -> tuple[int, list[str]]:
    misses = [
        f"{need!r} -> {_first(profiles, need)} (wanted {expected})"
        for profiles, need, expected in LABELLED
        if _first(profiles, need) != expected
    ]
    return len(LABELLED) - len(misses), misses


def test_the_labelled_set_puts_the_right_member_first() -> None:
    hits, misses = labelled_score()
    print(f"labelled set: {hits}/{len(LABELLED)} first; misses: {misses}")
    assert len(LABELLED) >= 10
    assert hits / len(LABELLED) >= 0.8, misses


def test_the_labelled_set_score_as_it_stands() -> None:
    """The score measured when this was written (20 of 21): the bookkeeper for a restaurant
    ties between the accountant (bookkeeping) and the insurance broker (restaurants)."""
    hits, misses = labelled_score()
    assert (hits, misses) == (
        20,
        [
            "'needs a bookkeeper for a restaurant' -> None (wanted Chartered accountant)",
        ],
    )
