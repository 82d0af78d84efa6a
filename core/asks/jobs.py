"""The week's asks, posted on the network's `asks-day` (Monday 08:00 by default, network time).

The announcements channel gets every current ask, each with the members whose profiles or past
referrals suggest they might help. Like the digest, the post lives in the outbox: each one
schedules the next, so the schedule survives restarts, and a row is claimed by one dispatcher
only, so several bot processes never post it twice. A network gets its first one at its first
`/ask` or `/asks` (there is nothing to post before a member asks).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from core.asks.cards import ask_text, current_asks
from core.asks.model import Helper, helpers
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ports import UnitOfWork
from core.shared.schedule import parse_weekly
from core.shared.tenancy import Network
from core.shared.ui import Reply

KIND = "asks.weekly"
SUBJECT = "asks-weekly"
LISTED = 30  # asks in one post; the rest are counted, `/asks` lists them all


def next_post(network: Network, after: datetime) -> datetime | None:
    weekly = parse_weekly(network.asks_day)
    return weekly.next_after(after, network.timezone) if weekly else None


def schedule_next(uow: UnitOfWork, network: Network, after: datetime) -> None:
    """The post due at the next occurrence of `asks-day` (none when it is off). Its key is
    the due time, so two processes scheduling the same post add it once."""
    due = next_post(network, after)
    if due is None:
        return
    key = f"{SUBJECT}:{due:%Y-%m-%dT%H:%M}"
    uow.outbox.add(OutboxItem(network.id, KIND, due, {}, key=key, subject=SUBJECT))


def ensure_scheduled(uow: UnitOfWork, network: Network, now: datetime) -> None:
    if not uow.outbox.pending(network.id, SUBJECT):
        schedule_next(uow, network, now)


def reschedule(uow: UnitOfWork, network: Network, now: datetime, started: bool = False) -> None:
    """`asks-day` or the time zone changed: the pending post moves to the new schedule.
    `started`: only where the posts already run (a time zone changed)."""
    due = next_post(network, now)
    pending = [i for i in uow.outbox.pending(network.id, SUBJECT) if i.kind == KIND]
    if started and not pending:
        return
    if due is not None and [i.due_at for i in pending] == [due]:
        return
    uow.outbox.cancel(network.id, SUBJECT, (KIND,))
    if due is None:
        return
    # A fresh key, so a time cancelled once can come back.
    key = f"{SUBJECT}:{due:%Y-%m-%dT%H:%M}:{uuid.uuid4().hex[:12]}"
    uow.outbox.add(OutboxItem(network.id, KIND, due, {}, key=key, subject=SUBJECT))


def helper_text(ctx: Context, found: list[Helper]) -> str:
    if not found:
        return ctx.t("asks.no_helpers")
    shown = [
        ctx.t(
            "asks.helper_referrals" if helper.from_referrals else "asks.helper_profile",
            name=helper.name,
            words=", ".join(helper.words),
        )
        for helper in found
    ]
    return ctx.t("asks.helpers", helpers="; ".join(shown))


def ask_lines(ctx: Context, at: datetime | None = None) -> list[str]:
    """Every ask current now (or `at`), oldest first, with who might help."""
    asks = current_asks(ctx, at=at)
    if not asks:
        return []
    profiles = ctx.uow.directory.profiles(ctx.network.id)
    past = ctx.uow.asks.past_referrals(ctx.network.id)
    return [
        ctx.t(
            "asks.line",
            name=ctx.name(ask.member_id),
            ask=ask_text(ctx, ask),
            helpers=helper_text(ctx, helpers(ask, profiles, past)),
        )
        for ask in asks.values()
    ]


def compose(ctx: Context, item: OutboxItem) -> tuple[str, Reply] | None:
    """Schedule the next post; this week's post for the announcements channel, if any."""
    network = ctx.network
    schedule_next(ctx.uow, network, max(item.due_at, ctx.now))
    channel = network.announcements_channel
    if not channel:
        return None
    # The asks of the week it was due in, even when the post goes out late (an outage).
    lines = ask_lines(ctx, item.due_at)
    if not lines:
        return None  # nobody asked anything this week: no empty post
    t = ctx.t
    return channel, Reply(
        title=t("asks.weekly_title", network=network.name, count=len(lines)),
        lines=tuple(lines[:LISTED]),
        footer="\n".join(
            ([t("asks.more", count=len(lines) - LISTED)] if len(lines) > LISTED else [])
            + [t("asks.weekly_footer", ask=f"/{ctx.typed('ask')}")]
        ),
    )
