"""How a one-to-one is shown to one of its two members: its card, its buttons, its lines."""

from __future__ import annotations

from core.meets.model import Meet, MeetState
from core.shared.context import Context
from core.shared.ui import Action, Field, Input, Reply, Style
from core.shared.ui import InputKind as K
from core.shared.when import format_when


def when_text(ctx: Context, meet: Meet) -> str:
    if meet.at is None:
        return ctx.t("meet.no_time")
    return format_when(meet.at, ctx.network.timezone, ctx.network.locale)


def where_text(ctx: Context, meet: Meet) -> str:
    return ctx.t("meet.where", place=meet.place) if meet.place else ""


def _ask_when(ctx: Context) -> Input:
    return Input("when", ctx.t("param.when.label"), K.TEXT, hint=ctx.t("param.when.hint"))


def move_action(ctx: Context, meet: Meet, label: str = "") -> Action:
    """Propose a (new) time: the button asks it first."""
    return Action(
        label or ctx.t("action.meet_move"),
        "meet",
        f"{meet.number} move",
        Style.PRIMARY if meet.at is None else Style.DEFAULT,
        ask=_ask_when(ctx),
    )


def done_action(ctx: Context, meet: Meet) -> Action:
    """It happened: the button asks what I learned (it may stay empty)."""
    note = Input(
        "learned",
        ctx.t("param.learned.label"),
        K.LONG_TEXT,
        required=False,
        hint=ctx.t("param.learned.hint"),
    )
    label = ctx.t("action.meet_note" if meet.state is MeetState.DONE else "action.meet_done")
    return Action(label, "meet", f"{meet.number} done", Style.PRIMARY, note)


def actions(ctx: Context, meet: Meet, viewer: int) -> tuple[Action, ...]:
    """What `viewer` can do with the one-to-one now."""
    t = ctx.t
    number = meet.number
    decline = Action(t("action.meet_decline"), "meet", f"{number} decline", Style.DANGER)
    if meet.state is MeetState.PAIRED:
        return (move_action(ctx, meet, t("action.meet_book")), decline)
    if meet.state is MeetState.PROPOSED:
        if meet.waiting_on != viewer:
            return (decline,)
        if meet.at is None:
            return (move_action(ctx, meet, t("action.meet_propose")), decline)
        accept = Action(t("action.meet_accept"), "meet", f"{number} accept", Style.PRIMARY)
        return (accept, move_action(ctx, meet), decline)
    if meet.state is MeetState.ACCEPTED:
        if meet.at is not None and meet.at <= ctx.now:
            return (done_action(ctx, meet),)
        return (move_action(ctx, meet), decline)
    if meet.state is MeetState.DONE and viewer not in meet.notes:
        return (done_action(ctx, meet),)
    return ()


def card(ctx: Context, meet: Meet, viewer: int, text: str = "") -> Reply:
    """The one-to-one as `viewer` sees it: only their own note is ever on it."""
    t = ctx.t
    other = meet.other(viewer)
    fields = [
        Field(t("meet.field.with"), ctx.name(other)),
        Field(t("meet.field.when"), when_text(ctx, meet)),
        Field(t("meet.field.state"), t(f"meet.state.{meet.state.value}")),
    ]
    if meet.place:
        fields.insert(2, Field(t("meet.field.where"), meet.place))
    if meet.state is MeetState.PROPOSED and meet.waiting_on is not None:
        waiting = t("meet.you") if meet.waiting_on == viewer else ctx.name(meet.waiting_on)
        fields.append(Field(t("meet.field.waiting"), waiting))
    if viewer in meet.notes:
        fields.append(Field(t("meet.field.note"), meet.notes[viewer]))
    return Reply(
        title=t("meet.title", number=meet.number, name=ctx.name(other)),
        text=text,
        fields=tuple(fields),
        actions=actions(ctx, meet, viewer),
    )


def line(ctx: Context, meet: Meet, viewer: int) -> str:
    """`#3 with bob: Thursday 3 December 2026, 08:30 (accepted)`."""
    return ctx.t(
        "meets.line",
        number=meet.number,
        name=ctx.name(meet.other(viewer)),
        when=when_text(ctx, meet),
        state=ctx.t(f"meet.state.{meet.state.value}"),
    )
