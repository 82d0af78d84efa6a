"""`/home`: what waits on me, my open referrals, my clients, my score, my charter status.

Slack shows it as the App Home tab; elsewhere it is a command like the others.
"""

from __future__ import annotations

from core.referrals.cards import actions_for, status_label
from core.referrals.model import OPEN_STATUSES, Referral, Status
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Verb
from core.shared.ui import Action, Field, Reply, Style


def _waits_on_me(referral: Referral, member_id: int) -> bool:
    if referral.receiver_id == member_id:
        return referral.status in OPEN_STATUSES
    return referral.referrer_id == member_id and referral.status is Status.WON


def home(ctx: Context, args: NoArgs) -> Reply:
    t = ctx.t
    me = ctx.actor
    mine = ctx.uow.referrals.for_member(ctx.network.id, me.id)
    waiting = [r for r in mine if _waits_on_me(r, me.id)]
    open_given = [r for r in mine if r.referrer_id == me.id and r.status in OPEN_STATUSES]
    lines: list[str] = []
    actions: list[Action] = []
    for referral in waiting:
        client = ctx.uow.clients.get(ctx.network.id, referral.client_id)
        lines.append(
            t(
                "home.waiting_line",
                number=referral.number,
                client=client.name if client else "?",
                status=status_label(ctx, referral.status),
            )
        )
        actions.extend(actions_for(ctx, referral, me.id, me.is_admin))
    current = ctx.uow.charters.current(ctx.network.id)
    accepted = current is None or ctx.uow.charters.accepted(ctx.network.id, me.id, current.version)
    if not accepted:
        actions.insert(0, Action(t("action.charter_accept"), "charter", "accept", Style.PRIMARY))
    average, count = ctx.uow.feedback.quality(ctx.network.id, me.id)
    fields = (
        Field(t("home.charter"), t("charter.accepted") if accepted else t("charter.not_accepted")),
        Field(t("home.waiting"), str(len(waiting))),
        Field(t("home.open_given"), str(len(open_given))),
        Field(t("home.clients"), str(len(ctx.uow.clients.owned_by(ctx.network.id, me.id)))),
        Field(
            t("home.quality"), f"{ctx.decimal(average)}/5 ({count})" if average is not None else "-"
        ),
    )
    return Reply(
        title=t("home.title", name=me.display_name, network=ctx.network.name),
        fields=fields,
        lines=tuple(lines) or (t("home.nothing_waiting"),),
        actions=tuple(actions),
    )


HOME = Command("home", (Verb("", handler=home),))

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (HOME,)
