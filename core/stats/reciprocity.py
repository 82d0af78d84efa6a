"""`/stats me`'s reciprocity section: what I gave each member and received from them, and whom
to give first (members who gave me referrals I never returned, with their current asks).

Counts are all time, cancelled referrals left out; business closed counts won and paid
referrals, one sum per currency.
"""

from __future__ import annotations

from decimal import Decimal

from core.asks.cards import ask_text, current_asks
from core.asks.model import Exchange, give_first
from core.shared.context import Context
from core.shared.money import format_amount
from core.shared.ui import Field

LISTED = 10  # members listed in each part; the rest are counted


def _closed(ctx: Context, sums: dict[str, Decimal] | None) -> str:
    shown = [format_amount(v, code, ctx.network.locale) for code, v in (sums or {}).items() if v]
    return " + ".join(shown) or ctx.money(Decimal("0.00"))


def _more(ctx: Context, lines: list[str]) -> str:
    if len(lines) <= LISTED:
        return "\n".join(lines)
    return "\n".join([*lines[:LISTED], ctx.t("reciprocity.more", count=len(lines) - LISTED)])


def fields(ctx: Context) -> list[Field]:
    """The section's fields; none when the member has exchanged nothing yet."""
    t = ctx.t
    exchanges = ctx.uow.asks.exchanges(ctx.network.id, ctx.actor.id)
    if not exchanges:
        return []
    ordered: list[Exchange] = sorted(
        exchanges, key=lambda e: (-e.total, ctx.name(e.other_id).casefold())
    )
    lines = [
        t(
            "reciprocity.line",
            name=ctx.name(e.other_id),
            given=e.given,
            given_closed=_closed(ctx, e.given_closed),
            received=e.received,
            received_closed=_closed(ctx, e.received_closed),
        )
        for e in ordered
    ]
    found = [Field(t("reciprocity.title"), _more(ctx, lines))]
    owed = give_first(exchanges)
    if owed:
        asks = current_asks(ctx, [e.other_id for e in owed])
        firsts = []
        for e in owed:
            ask = asks.get(e.other_id)
            firsts.append(
                t(
                    "reciprocity.give_first_line",
                    name=ctx.name(e.other_id),
                    count=e.received,
                    ask=ask_text(ctx, ask) if ask else t("reciprocity.no_ask"),
                )
            )
        found.append(Field(t("reciprocity.give_first"), _more(ctx, firsts)))
    return found
