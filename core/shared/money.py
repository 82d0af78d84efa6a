"""Amounts: parsed from what people type, kept as Decimal, shown the way each locale writes them."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.shared.errors import InvalidAmount

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")
_GROUP_HEAD = re.compile(r"[1-9][0-9]{0,2}")
_SPACES = re.compile(r"[\s\u00a0\u202f_']")


def parse_amount(text: str) -> Decimal:
    """Read a non-negative amount with at most two decimals.

    Accepts `5000`, `5 000`, `5,000.50`, `5000,50` and `1.234,50`. A lone dot is always a
    decimal point (so `10.999` is refused as three decimals); a lone comma followed by exactly
    three digits groups thousands (`5,000`), otherwise it is a decimal comma (`5000,5`).
    """
    raw = _SPACES.sub("", text.strip())
    for symbol in ("€", "$", "£", "EUR", "USD", "GBP", "CHF"):
        raw = raw.removeprefix(symbol).removesuffix(symbol)
    if not raw or not re.fullmatch(r"[0-9.,]+", raw):
        raise InvalidAmount(value=text.strip())
    commas, dots = raw.count(","), raw.count(".")
    if commas and dots:
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        raw = raw.replace(thousands, "").replace(decimal_sep, ".")
    elif commas + dots == 1:
        sep = "," if commas else "."
        head, tail = raw.split(sep)
        grouped = sep == "," and len(tail) == 3 and _GROUP_HEAD.fullmatch(head) is not None
        raw = head + tail if grouped else head + "." + tail
    elif commas + dots > 1:
        sep = "," if commas else "."
        groups = raw.split(sep)
        if not _GROUP_HEAD.fullmatch(groups[0]) or not all(len(g) == 3 for g in groups[1:]):
            raise InvalidAmount(value=text.strip())
        raw = "".join(groups)
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise InvalidAmount(value=text.strip()) from None
    if amount.as_tuple().exponent < -2 or amount > MAX_AMOUNT:  # type: ignore[operator]
        raise InvalidAmount(value=text.strip())
    return amount.quantize(CENT)


def format_amount(amount: Decimal, currency: str, locale: str) -> str:
    """`1,200 EUR` in English, `1 200 EUR` in French; cents only when there are some."""
    value = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    whole = value == value.to_integral_value()
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    if locale == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return f"{text} {currency}"
