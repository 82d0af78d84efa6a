"""How asks show in other features' pages: the directory, suggestions and a referral's card."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from core.asks.model import Ask, matched_words
from core.referrals.model import Referral
from core.shared.context import Context
from core.shared.ui import Field


def current_asks(
    ctx: Context, member_ids: Collection[int] | None = None, at: datetime | None = None
) -> dict[int, Ask]:
    """The asks current now (or `at`) of these members (all members: None), by member."""
    network = ctx.network
    return ctx.uow.asks.current(network.id, at or ctx.now, network.ask_weeks, member_ids)


def ask_text(ctx: Context, ask: Ask) -> str:
    """An ask as every page quotes it, whole, with its date."""
    return ctx.t("asks.quoted", ask=ask.text, date=ctx.local(ask.created_at, "%Y-%m-%d"))


def ask_suffix(ctx: Context, ask: Ask | None) -> str:
    """What a directory or suggestion line adds about a member's current ask ("" if none)."""
    if ask is None:
        return ""
    return ctx.t("asks.inline", ask=ask_text(ctx, ask))


def referral_match(ctx: Context, referral: Referral, client_name: str) -> Field | None:
    """A field saying the referral answers its receiver's ask, when its client and need match
    the ask the receiver had when it was made."""
    ask = ctx.uow.asks.at(ctx.network.id, referral.receiver_id, referral.created_at)
    if ask is None or referral.created_at - ask.created_at >= timedelta(
        weeks=ctx.network.ask_weeks
    ):
        return None  # no ask, or one that had expired by then
    words = matched_words(ask.text, f"{client_name} {referral.need}")
    if not words:
        return None
    return Field(
        ctx.t("asks.card_field"),
        ctx.t(
            "asks.card_value",
            name=ctx.name(referral.receiver_id),
            ask=ask_text(ctx, ask),
            words=", ".join(words),
        ),
    )
