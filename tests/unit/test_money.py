"""Amounts as members type them, and as the bot shows them back."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.shared.errors import InvalidAmount
from core.shared.money import MAX_AMOUNT, format_amount, parse_amount

NNBSP = "\u202f"  # French thousands separator


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("5000", "5000.00"),
        ("5 000", "5000.00"),
        ("5\u00a0000", "5000.00"),
        (f"5{NNBSP}000", "5000.00"),
        ("5,000", "5000.00"),
        ("5,000.50", "5000.50"),
        ("5000,50", "5000.50"),
        ("5000,5", "5000.50"),
        ("1.234,50", "1234.50"),
        ("1,234,567", "1234567.00"),
        ("1.234.567", "1234567.00"),
        ("1250.50", "1250.50"),
        ("10.5", "10.50"),
        ("0", "0.00"),
        ("€5000", "5000.00"),
        ("5000 EUR", "5000.00"),
        ("  42  ", "42.00"),
    ],
)
def test_accepts_the_ways_people_write_amounts(typed: str, amount: str) -> None:
    parsed = parse_amount(typed)
    assert parsed == Decimal(amount)
    assert isinstance(parsed, Decimal)
    assert parsed.as_tuple().exponent == -2  # always in cents


@pytest.mark.parametrize(
    "typed",
    [
        "-3",
        "abc",
        "",
        "   ",
        "1.5.5",
        "12.345",  # a lone dot is a decimal point: three decimals
        "10.999",
        "5,000.505",
        "1,2345",
        "1e5",
        "NaN",
        "5 000 000 000 000",  # above the largest amount
        "12,34,567",
    ],
)
def test_refuses_what_is_not_an_amount_in_cents(typed: str) -> None:
    with pytest.raises(InvalidAmount) as refused:
        parse_amount(typed)
    assert refused.value.params["value"] == typed.strip()


def test_the_largest_amount_is_accepted() -> None:
    assert parse_amount("999 999 999 999.99") == MAX_AMOUNT


@pytest.mark.parametrize("typed", ["0,125", "1234,567"])
def test_a_comma_that_cannot_group_thousands_is_not_read_as_one(typed: str) -> None:
    with pytest.raises(InvalidAmount):
        parse_amount(typed)


@pytest.mark.parametrize(
    ("amount", "en", "fr"),
    [
        ("1200", "€1,200", f"1{NNBSP}200\xa0€"),
        ("1200.00", "€1,200", f"1{NNBSP}200\xa0€"),
        ("1200.5", "€1,200.50", f"1{NNBSP}200,50\xa0€"),
        ("1234567.89", "€1,234,567.89", f"1{NNBSP}234{NNBSP}567,89\xa0€"),
        ("0.05", "€0.05", "0,05\xa0€"),
        ("2.005", "€2.01", "2,01\xa0€"),  # half up, never banker's rounding
        ("999", "€999", "999\xa0€"),
    ],
)
def test_format_amount_per_locale(amount: str, en: str, fr: str) -> None:
    assert format_amount(Decimal(amount), "EUR", "en") == en
    assert format_amount(Decimal(amount), "EUR", "fr") == fr


def test_format_amount_uses_the_network_currency() -> None:
    assert format_amount(Decimal("150"), "USD", "en") == "$150"


cents = st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2, allow_nan=False)


@given(amount=cents, locale=st.sampled_from(["en", "fr"]))
def test_what_the_bot_shows_a_member_can_type_back(amount: Decimal, locale: str) -> None:
    assert parse_amount(format_amount(amount, "EUR", locale)) == amount
