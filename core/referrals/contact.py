"""A client's contact details: an e-mail address and/or a phone number, validated."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import datetime

from core.shared.errors import InvalidValue

_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(\.[A-Za-z0-9\-]{1,63})+$")
_PHONE = re.compile(r"^\+?[0-9 .\-()]{6,24}$")
MAX_ITEMS = 2


def parse_contact(text: str) -> str:
    """`jane@acme.fr`, `+33 6 12 34 56 78`, or both separated by `,` `;` or `/`."""
    items = [item.strip() for item in re.split(r"[,;/]", text) if item.strip()]
    if not items or len(items) > MAX_ITEMS:
        raise InvalidValue("error.invalid_contact", value=text[:100])
    for item in items:
        digits = sum(c.isdigit() for c in item)
        if not (_EMAIL.match(item) or (_PHONE.match(item) and 6 <= digits <= 15)):
            raise InvalidValue("error.invalid_contact", value=item[:100])
    return ", ".join(items)


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
