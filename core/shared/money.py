"""Amounts: parsed from what people type, kept as Decimal, shown the way each locale writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from core.shared import formats
from core.shared.errors import InvalidAmount, InvalidValue

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
    """`€1,200` in English, `1 200 €` in French; cents only when there are some."""
    return formats.money(amount, currency, locale)


# Currency marks people type beside an amount, and the code each one means.
_SYMBOLS = {
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "EURO": "EUR",
    "EUROS": "EUR",
    "DOLLAR": "USD",
    "DOLLARS": "USD",
}
_MARK = re.compile(
    r"^\s*(?P<head>US\$|[€$£¥]|[A-Za-z]{3,7}\b)?(?P<amount>.*?)(?P<tail>US\$|[€$£¥]|\b[A-Za-z]{3,7})?\s*$"
)


@dataclass(frozen=True)
class Priced:
    """An amount as typed, with the currency it named (`500 USD`, `$500`), if it named one."""

    amount: Decimal
    currency: str | None = None
    typed: str = field(default="", compare=False)  # as the member wrote it, for refusals


def read_priced(text: str) -> Priced:
    """`500`, `500 €`, `EUR 500`, `$1,200.50`: the amount and the currency code it names."""
    match = _MARK.match(text)
    if (
        match is None
        or (match["head"] and match["tail"])
        or re.search(r"[A-Za-z€$£¥]", match["amount"])
    ):
        raise InvalidAmount(value=text.strip())
    mark = (match["head"] or match["tail"] or "").upper()
    currency = _SYMBOLS.get(mark, mark) if mark else None
    if currency is not None and not re.fullmatch(r"[A-Z]{3}", currency):
        raise InvalidAmount(value=text.strip())
    return Priced(parse_amount(match["amount"] or text), currency, text.strip())


def in_currency(priced: Priced, currency: str, text: str = "") -> Decimal:
    """The positive amount of `priced` in the network's `currency`; refused when it names
    another currency or is zero."""
    shown = text.strip() or priced.typed or f"{priced.amount} {priced.currency or ''}".strip()
    if priced.currency is not None and priced.currency != currency:
        raise InvalidValue("error.wrong_currency", value=shown, currency=currency)
    if priced.amount <= 0:
        raise InvalidAmount(value=shown)
    return priced.amount


def parse_money(text: str, currency: str) -> Decimal:
    """A positive amount typed in the network's `currency` (its symbol or code, or none)."""
    return in_currency(read_priced(text), currency, text)
