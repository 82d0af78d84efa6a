"""Two spellings of one client share a key, so the first member to bring it keeps it."""

import pytest

from core.shared.text import fold, normalise_client_name


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Acme", "acme"),
        ("ACME", "acme"),
        ("  Acme   Corp  ", "acme"),
        ("ACME corp SARL", "acme"),
        ("Acme Corp.", "acme"),
        ("Acme, Inc.", "acme"),
        ("Acme Ltd", "acme"),
        ("Acme LLC", "acme"),
        ("Acme GmbH", "acme"),
        ("Acme SAS", "acme"),
        ("Acme SA", "acme"),
        ("Acme EURL", "acme"),
        ("SARL Acme", "acme"),
        ("Boulangerie Dupré", "boulangerie dupre"),
        ("BOULANGERIE DUPRE", "boulangerie dupre"),
        ("Café de l'Église SARL", "cafe de l eglise"),
        ("Müller GmbH", "muller"),
        ("Straße AG", "strasse"),
        ("SAS", "sas"),  # a legal form alone is the name
        ("SARL SAS", "sarl"),
    ],
)
def test_normalise_client_name(typed: str, key: str) -> None:
    assert normalise_client_name(typed) == key


def test_different_clients_stay_different() -> None:
    assert normalise_client_name("Acme Paris") != normalise_client_name("Acme Lyon")
    assert normalise_client_name("Dupont") != normalise_client_name("Dupond")


def test_a_legal_form_inside_the_name_is_kept() -> None:
    assert normalise_client_name("Banque SA Nord") == "banque sa nord"


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "..."])
def test_nothing_left_is_an_empty_key(typed: str) -> None:
    assert normalise_client_name(typed) == ""


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("  Élodie   MARTIN ") == "elodie martin"
