"""Charter reminders: on the network's weekly schedule, one rule of the charter in turn.

The announcements channel gets the rule and how many members have not accepted the current
version; those members get a direct reminder. Each reminder schedules the next one, so the
whole schedule lives in the outbox and survives restarts.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from core.charter.default_text import SECTION_KEYS
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ports import UnitOfWork
from core.shared.schedule import parse_weekly
from core.shared.tenancy import Network
from core.shared.ui import Action, Reply, Style

KIND = "charter.reminder"
SUBJECT = "charter-reminder"


def schedule_next(uow: UnitOfWork, network: Network, after: datetime) -> None:
    """Replace any pending reminder with the next occurrence of the network's schedule."""
    weekly = parse_weekly(network.charter_reminder)
    due = weekly.next_after(after, network.timezone) if weekly else None
    pending = [i for i in uow.outbox.pending(network.id, SUBJECT) if i.kind == KIND]
    if due is not None and [i.due_at for i in pending] == [due]:
        return  # the same schedule set again: keep the reminder already waiting
    uow.outbox.cancel(network.id, SUBJECT, (KIND,))
    if due is None:
        return
    # A fresh key each time, so a time cancelled once can come back.
    key = f"{SUBJECT}:{due:%Y-%m-%dT%H:%M}:{uuid.uuid4().hex[:12]}"
    uow.outbox.add(OutboxItem(network.id, KIND, due, {}, key=key, subject=SUBJECT))


def _rules(ctx: Context) -> list[str]:
    current = ctx.uow.charters.current(ctx.network.id)
    if current is None:
        return []
    sections = current.sections(ctx.network.locale)
    return [
        line.strip()
        for key in SECTION_KEYS
        for line in sections.get(key, "").splitlines()
        if line.strip()
    ]


def compose(ctx: Context, item: OutboxItem) -> tuple[str, Reply] | None:
    """Queue the direct reminders, schedule the next one; the channel post, if there is one."""
    t = ctx.t
    network = ctx.network
    schedule_next(ctx.uow, network, max(item.due_at, ctx.now))
    current = ctx.uow.charters.current(network.id)
    if current is None:
        return None
    waiting = [
        m
        for m in ctx.uow.members.all(network.id)
        if not ctx.uow.charters.accepted(network.id, m.id, current.version)
    ]
    nudge = Reply(
        text=t("reminder.charter_dm", version=current.version),
        actions=(
            Action(t("action.charter_read"), "charter", ""),
            Action(t("action.charter_accept"), "charter", "accept", Style.PRIMARY),
        ),
    )
    for member in waiting:
        ctx.notify(member.id, nudge, kind="reminder.charter")
    rules = _rules(ctx)
    if not rules or not network.announcements_channel:
        return None
    index = network.charter_reminder_index % len(rules)
    network.charter_reminder_index = index + 1
    ctx.uow.networks.update(network)
    return network.announcements_channel, Reply(
        title=t("reminder.charter_title", n=index + 1, total=len(rules)),
        text=rules[index],
        footer=(
            t("reminder.charter_waiting", count=len(waiting), version=current.version)
            if waiting
            else ""
        ),
    )
