"""`/ask TEXT`, `/ask`, `/ask clear` and `/asks`: the members' asks of the week."""

from __future__ import annotations

from dataclasses import dataclass

from core.asks import jobs
from core.asks.cards import ask_text, current_asks
from core.asks.model import CLEAR_WORDS, MAX_ASK
from core.asks.thanks import THANKS
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.errors import TextTooLong
from core.shared.ui import InputKind as K
from core.shared.ui import Reply

HISTORY = 5  # earlier asks `/ask` shows


@dataclass(frozen=True)
class AskArgs:
    ask: str


def _mine(ctx: Context) -> Reply:
    t = ctx.t
    network = ctx.network
    mine = current_asks(ctx, (ctx.actor.id,)).get(ctx.actor.id)
    earlier = [
        a for a in ctx.uow.asks.history(network.id, ctx.actor.id) if mine is None or a.id != mine.id
    ][:HISTORY]
    lines = tuple(t("asks.history_line", ask=ask_text(ctx, a)) for a in earlier)
    ask = f"/{ctx.typed('ask')}"
    if mine is None:
        return Reply(
            text=t("asks.none_mine", ask=ask),
            lines=lines,
            footer=t("asks.earlier") if lines else "",
        )
    return Reply(
        title=t("asks.mine_title"),
        text=ask_text(ctx, mine),
        lines=lines,
        footer=t("asks.how_to_change", ask=ask, days=7 * network.ask_weeks),
    )


def ask(ctx: Context, args: AskArgs) -> Reply:
    """`/ask TEXT` sets my ask of the week (ending the one before); `/ask` shows mine;
    `/ask clear` (`effacer`) ends it."""
    t = ctx.t
    network = ctx.network
    jobs.ensure_scheduled(ctx.uow, network, ctx.now)
    text = " ".join(args.ask.split())
    if not text:
        return _mine(ctx)
    ctx.uow.asks.lock_member(network.id, ctx.actor.id)
    if text.lower() in CLEAR_WORDS:
        if not ctx.uow.asks.end(network.id, ctx.actor.id, ctx.now):
            return Reply(text=t("asks.nothing_to_clear"))
        return Reply(text=t("asks.cleared"))
    if len(text) > MAX_ASK:
        raise TextTooLong(field=t("param.ask"), limit=MAX_ASK, length=len(text), concerns="ask")
    ctx.require_charter()
    saved = ctx.uow.asks.set(network.id, ctx.actor.id, text, ctx.now)
    due = jobs.next_post(network, ctx.now)
    if due is not None and network.announcements_channel:
        footer = t("asks.when_posted", at=ctx.moment(due))
    else:
        footer = t("asks.listed", asks=f"/{ctx.typed('asks')}")
    return Reply(text=t("asks.saved", ask=ask_text(ctx, saved)), footer=footer)


def asks(ctx: Context, args: NoArgs) -> Reply:
    """`/asks`: the network's current asks, with who might help."""
    t = ctx.t
    jobs.ensure_scheduled(ctx.uow, ctx.network, ctx.now)
    lines = jobs.ask_lines(ctx)
    if not lines:
        return Reply(text=t("asks.none", ask=f"/{ctx.typed('ask')}"))
    return Reply(
        title=t("asks.title", network=ctx.network.name, count=len(lines)),
        lines=tuple(lines),
        footer=t("asks.weekly_footer", ask=f"/{ctx.typed('ask')}"),
    )


ASK = Command(
    "ask",
    (
        Verb(
            "",
            (Param("ask", K.TEXT, required=False, rest=True),),
            handler=ask,
            args=AskArgs,
        ),
    ),
)
ASKS = Command("asks", (Verb("", handler=asks),))

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (ASK, ASKS, THANKS)
