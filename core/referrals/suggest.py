"""Suggestions for a command's parameter as the user types (Discord autocomplete, Slack)."""

from __future__ import annotations

from core.referrals.cards import status_label
from core.referrals.followups import FEEDBACK_STATUSES
from core.referrals.model import MOVES
from core.shared.context import Context

LIMIT = 25  # Discord shows at most 25 choices


def referral_numbers(ctx: Context, command: str, typed: str) -> list[tuple[str, str]]:
    """The referrals the user may act on with `command`, best first: (label, number)."""
    me = ctx.actor
    mine = ctx.uow.referrals.for_member(ctx.network.id, me.id)
    if command == "feedback":
        mine = [r for r in mine if r.referrer_id == me.id and r.status in FEEDBACK_STATUSES]
    else:
        movable = {s for m in MOVES.values() for s in m.sources}
        mine.sort(key=lambda r: (r.status not in movable, -r.number))
    typed = typed.strip().removeprefix("#")
    choices: list[tuple[str, str]] = []
    for referral in mine:
        if typed and not str(referral.number).startswith(typed):
            continue
        client = ctx.uow.clients.get(ctx.network.id, referral.client_id)
        name = client.name if client else "?"
        label = f"#{referral.number} {name} ({status_label(ctx, referral.status)})"
        choices.append((label[:100], str(referral.number)))
        if len(choices) >= LIMIT:
            break
    return choices
