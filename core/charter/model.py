"""The charter: versions with their text and the commission rule in force."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from core.shared.errors import InvalidAmount, InvalidCommissionRule
from core.shared.money import CENT, parse_amount


class CommissionKind(StrEnum):
    PERCENT = "percent"
    FLAT = "flat"
    NONE = "none"


@dataclass(frozen=True)
class CommissionRule:
    kind: CommissionKind = CommissionKind.NONE
    rate: Decimal | None = None  # percent, for PERCENT
    flat: Decimal | None = None  # for FLAT
    minimum: Decimal | None = None
    cap: Decimal | None = None

    def due_on(self, closed_amount: Decimal) -> Decimal:
        """Commission owed on business closed for `closed_amount` (before tax)."""
        if self.kind is CommissionKind.NONE or closed_amount <= 0:
            return Decimal("0.00")
        if self.kind is CommissionKind.FLAT:
            return (self.flat or Decimal(0)).quantize(CENT)
        due = closed_amount * (self.rate or Decimal(0)) / 100
        if self.minimum is not None:
            due = max(due, self.minimum)
        if self.cap is not None:
            due = min(due, self.cap)
        return due.quantize(CENT, rounding=ROUND_HALF_UP)


_PERCENT = re.compile(r"^(?P<rate>\d+(?:[.,]\d{1,2})?)\s*%$")


def parse_commission_rule(text: str) -> CommissionRule:
    """`10%`, `150`, `10% min 50 max 2000`, `none` (also `aucune`, `0`)."""
    words = text.strip().lower().split()
    if not words:
        raise InvalidCommissionRule(value=text)
    head, rest = words[0], words[1:]
    if len(words) >= 2 and words[1] == "%":
        head, rest = words[0] + "%", words[2:]
    if head in ("none", "aucune", "aucun", "0", "0%") and not rest:
        return CommissionRule(CommissionKind.NONE)
    match = _PERCENT.match(head)
    if match is None:
        if rest:
            raise InvalidCommissionRule(value=text)
        try:
            flat = parse_amount(head)
        except InvalidAmount:
            raise InvalidCommissionRule(value=text) from None
        return CommissionRule(CommissionKind.FLAT, flat=flat)
    rate = Decimal(match["rate"].replace(",", "."))
    if not 0 < rate <= 100:
        raise InvalidCommissionRule(value=text)
    bounds: dict[str, Decimal] = {}
    if len(rest) % 2:
        raise InvalidCommissionRule(value=text)
    for name, value in zip(rest[::2], rest[1::2], strict=True):
        key = {"min": "minimum", "max": "cap", "plafond": "cap"}.get(name)
        if key is None or key in bounds:
            raise InvalidCommissionRule(value=text)
        try:
            bounds[key] = parse_amount(value)
        except InvalidAmount:
            raise InvalidCommissionRule(value=text) from None
    minimum, cap = bounds.get("minimum"), bounds.get("cap")
    if minimum is not None and cap is not None and minimum > cap:
        raise InvalidCommissionRule(value=text)
    return CommissionRule(CommissionKind.PERCENT, rate=rate, minimum=minimum, cap=cap)


@dataclass
class CharterVersion:
    id: int
    network_id: int
    version: int
    texts: dict[str, dict[str, str]]  # locale -> section -> text
    rule: CommissionRule
    created_at: datetime
    created_by: int | None = None

    def sections(self, locale: str) -> dict[str, str]:
        """The text in `locale`, or in the language it was written in."""
        if locale in self.texts:
            return self.texts[locale]
        return next(iter(self.texts.values()), {})


