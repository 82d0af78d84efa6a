"""What the one-to-ones are worth, for admins: `/stats pairs` (how the last round went) and,
in `/stats`, the referrals exchanged by pairs who met against pairs who did not."""

from __future__ import annotations

from datetime import datetime

from core.meets.model import MeetState
from core.shared.context import Context
from core.shared.declare import NoArgs
from core.shared.ui import Field, Reply


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def _per_pair(ctx: Context, referrals: int, pairs: int) -> str:
    if not pairs:
        return ctx.t("effect.no_pairs")
    return ctx.t("effect.value", pairs=pairs, referrals=referrals, rate=f"{referrals / pairs:.2f}")


def fields(ctx: Context, start: datetime, end: datetime) -> list[Field]:
    """Referrals exchanged in [start, end) by pairs who met in a one-to-one before `end`,
    and by every other two members, each per pair."""
    t = ctx.t
    network = ctx.network.id
    met = ctx.uow.meets.met_pairs(network, end)
    exchanged = ctx.uow.meets.referral_pairs(network, start, end)
    count = ctx.uow.members.count(network)
    all_pairs = count * (count - 1) // 2
    between_met = sum(n for pair, n in exchanged.items() if pair in met)
    between_others = sum(exchanged.values()) - between_met
    return [
        Field(t("effect.met"), _per_pair(ctx, between_met, len(met))),
        Field(t("effect.not_met"), _per_pair(ctx, between_others, max(all_pairs - len(met), 0))),
    ]


def pairs(ctx: Context, args: NoArgs) -> Reply:
    """`/stats pairs`: the latest pairing round, and how many of its pairs met."""
    t = ctx.t
    number = ctx.uow.meets.last_round(ctx.network.id)
    if not number:
        return Reply(text=t("effect.no_round"))
    meets = ctx.uow.meets.of_round(ctx.network.id, number)
    done = sum(1 for m in meets if m.state is MeetState.DONE)
    booked = sum(1 for m in meets if m.state in (MeetState.PROPOSED, MeetState.ACCEPTED))
    declined = sum(1 for m in meets if m.state in (MeetState.DECLINED, MeetState.DROPPED))
    started = min(m.created_at for m in meets)
    return Reply(
        title=t("effect.round_title", round=number, since=ctx.local(started, "%Y-%m-%d")),
        fields=(
            Field(t("effect.round_pairs"), str(len(meets))),
            Field(t("effect.round_done"), f"{done} ({_percent(done, len(meets))})"),
            Field(t("effect.round_booked"), str(booked)),
            Field(t("effect.round_declined"), str(declined)),
        ),
        footer=t("effect.round_footer"),
    )
