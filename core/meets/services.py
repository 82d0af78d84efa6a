"""`/meet` and `/meets`: propose a one-to-one, answer it, say it happened; pause the rounds."""

from __future__ import annotations

from dataclasses import dataclass

from core.meets import cards, jobs, rounds
from core.meets.model import MAX_NOTE, MAX_PLACE, Meet, MeetError, MeetState
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.errors import InvalidValue, TextTooLong
from core.shared.tenancy import Member
from core.shared.ui import InputKind as K
from core.shared.ui import Reply
from core.shared.when import format_when, parse_duration, parse_when

LISTED = 10  # past one-to-ones `/meets` lists
_RESUME = ("off", "stop", "resume", "non", "fin", "reprendre")


def _place(ctx: Context, text: str) -> str:
    place = " ".join(text.split())
    if len(place) > MAX_PLACE:
        raise TextTooLong(
            field=ctx.t("param.place"), limit=MAX_PLACE, length=len(place), concerns="place"
        )
    return place


def _get(ctx: Context, number: int) -> Meet:
    meet = ctx.uow.meets.get(ctx.network.id, number)
    if meet is None:
        raise MeetError("error.meet_not_found", number=number)
    if not meet.is_party(ctx.actor.id):
        raise MeetError("error.meet_not_yours", number=number)
    return meet


def _tell_other(ctx: Context, meet: Meet, key: str, **params: object) -> None:
    """The other member gets the one-to-one's card with what just happened."""
    other = meet.other(ctx.actor.id)
    text = ctx.t(key, name=ctx.actor.display_name, number=meet.number, **params)
    ctx.notify(other, cards.card(ctx, meet, other, text), kind="meet.notice")


def _proposed_text(ctx: Context, meet: Meet) -> dict[str, object]:
    return {"when": cards.when_text(ctx, meet), "where": cards.where_text(ctx, meet)}


@dataclass(frozen=True)
class ProposeArgs:
    member: Member
    when: str
    place: str


def propose(ctx: Context, args: ProposeArgs) -> Reply:
    """`/meet @member [when] [| where]`: a one-to-one, at a time or for them to propose."""
    t = ctx.t
    partner = args.member
    if partner.id == ctx.actor.id:
        raise InvalidValue("error.meet_self", concerns="member")
    at = parse_when(args.when, ctx.now, ctx.network.timezone) if args.when.strip() else None
    place = _place(ctx, args.place)
    rounds.ensure_scheduled(ctx.uow, ctx.network, ctx.now)
    meet = ctx.uow.meets.open_between(ctx.network.id, ctx.actor.id, partner.id)
    if meet is not None and meet.state is not MeetState.PAIRED:
        raise MeetError("error.meet_already_open", number=meet.number, name=partner.display_name)
    if meet is None:
        number = ctx.uow.meets.next_number(ctx.network.id)
        meet = Meet(
            0, ctx.network.id, number, ctx.actor.id, partner.id, MeetState.PROPOSED, ctx.now
        )
        meet.waiting_on = partner.id
        meet.place = place
        meet.at = at
        ctx.uow.meets.add(meet)
    else:
        meet = _get(ctx, meet.number)  # the round's pairing, locked: booked now
        if at is None:
            meet.state, meet.waiting_on = MeetState.PROPOSED, partner.id
            meet.place = place or meet.place
        else:
            meet.move(ctx.actor.id, at, place)
        ctx.uow.meets.update(meet)
    if at is None:
        _tell_other(ctx, meet, "meet.notice.asked")
        text = t("meet.proposed_open", number=meet.number, name=partner.display_name)
    else:
        _tell_other(ctx, meet, "meet.notice.proposed", **_proposed_text(ctx, meet))
        text = t(
            "meet.proposed",
            number=meet.number,
            name=partner.display_name,
            **_proposed_text(ctx, meet),
        )
    return cards.card(ctx, meet, ctx.actor.id, text)


@dataclass(frozen=True)
class NumberArgs:
    number: int


def show(ctx: Context, args: NumberArgs) -> Reply:
    """`/meet N`: the one-to-one, as one of its two members sees it."""
    return cards.card(ctx, _get(ctx, args.number), ctx.actor.id)


def accept(ctx: Context, args: NumberArgs) -> Reply:
    meet = _get(ctx, args.number)
    meet.accept(ctx.actor.id)
    ctx.uow.meets.update(meet)
    jobs.schedule_reminders(ctx, meet)
    _tell_other(ctx, meet, "meet.notice.accepted", **_proposed_text(ctx, meet))
    return cards.card(
        ctx,
        meet,
        ctx.actor.id,
        ctx.t("meet.accepted", number=meet.number, **_proposed_text(ctx, meet)),
    )


def decline(ctx: Context, args: NumberArgs) -> Reply:
    meet = _get(ctx, args.number)
    meet.decline(ctx.actor.id)
    ctx.uow.meets.update(meet)
    jobs.cancel(ctx, meet)
    _tell_other(ctx, meet, "meet.notice.declined")
    return Reply(
        text=ctx.t("meet.declined", number=meet.number, name=ctx.name(meet.other(ctx.actor.id)))
    )


@dataclass(frozen=True)
class MoveArgs:
    number: int
    when: str
    place: str


def move(ctx: Context, args: MoveArgs) -> Reply:
    """`/meet N move WHEN [| where]`: another time (or the first), for the other to answer."""
    meet = _get(ctx, args.number)
    at = parse_when(args.when, ctx.now, ctx.network.timezone)
    place = _place(ctx, args.place)
    booking = meet.state is MeetState.PAIRED or meet.at is None
    meet.move(ctx.actor.id, at, place)
    ctx.uow.meets.update(meet)
    jobs.cancel(ctx, meet)
    key = "meet.notice.proposed" if booking else "meet.notice.moved"
    _tell_other(ctx, meet, key, **_proposed_text(ctx, meet))
    return cards.card(
        ctx,
        meet,
        ctx.actor.id,
        ctx.t(
            "meet.moved",
            number=meet.number,
            name=ctx.name(meet.other(ctx.actor.id)),
            **_proposed_text(ctx, meet),
        ),
    )


@dataclass(frozen=True)
class DoneArgs:
    number: int
    learned: str


def done(ctx: Context, args: DoneArgs) -> Reply:
    """`/meet N done | what I learned`: it happened; the note is mine alone."""
    note = args.learned.strip()
    if len(note) > MAX_NOTE:
        raise TextTooLong(
            field=ctx.t("param.learned"), limit=MAX_NOTE, length=len(note), concerns="learned"
        )
    meet = _get(ctx, args.number)
    first = meet.confirm(ctx.actor.id, note, ctx.now)
    ctx.uow.meets.update(meet)
    jobs.schedule_recall(ctx, meet, ctx.actor.id)
    if first:
        jobs.cancel(ctx, meet)
        _tell_other(ctx, meet, "meet.notice.done")
    text = ctx.t("meet.done", number=meet.number, name=ctx.name(meet.other(ctx.actor.id)))
    if note:
        text += " " + ctx.t("meet.note_private")
    return cards.card(ctx, meet, ctx.actor.id, text)


@dataclass(frozen=True)
class PauseArgs:
    duration: str


def pause(ctx: Context, args: PauseArgs) -> Reply:
    """`/meet pause 4w`: out of the pairing rounds for a while; `/meet pause off`: back in."""
    if args.duration.strip().lower() in _RESUME:
        ctx.uow.meets.pause(ctx.network.id, ctx.actor.id, None)
        return Reply(text=ctx.t("meet.resumed"))
    until = ctx.now + parse_duration(args.duration)
    ctx.uow.meets.pause(ctx.network.id, ctx.actor.id, until)
    shown = format_when(until, ctx.network.timezone, ctx.network.locale)
    return Reply(text=ctx.t("meet.paused", until=shown, meet=f"/{ctx.typed('meet')}"))


def listing(ctx: Context, args: NoArgs) -> Reply:
    """`/meets`: my upcoming one-to-ones, then the past ones."""
    t = ctx.t
    me = ctx.actor.id
    rounds.ensure_scheduled(ctx.uow, ctx.network, ctx.now)
    mine = ctx.uow.meets.of_member(ctx.network.id, me)
    upcoming = [m for m in mine if m.state.open]
    upcoming.sort(key=lambda m: (m.at is None, m.at or ctx.now, m.number))
    past = [m for m in mine if not m.state.open][:LISTED]
    lines = [t("meets.upcoming")] if upcoming else []
    lines += ["- " + cards.line(ctx, m, me) for m in upcoming]
    if past:
        lines.append(t("meets.past"))
        lines += ["- " + cards.line(ctx, m, me) for m in past]
    footer = [t("meets.how", meet=f"/{ctx.typed('meet')}")]
    paused = ctx.uow.meets.paused(ctx.network.id, ctx.now).get(me)
    if paused is not None:
        shown = format_when(paused, ctx.network.timezone, ctx.network.locale)
        footer.insert(0, t("meets.paused_until", until=shown))
    return Reply(
        title=t("meets.title", name=ctx.actor.display_name),
        text="" if mine else t("meets.none", meet=f"/{ctx.typed('meet')}"),
        lines=tuple(lines),
        footer="\n".join(footer),
    )


_NUMBER = Param("number", K.NUMBER)
_WHEN = Param("when", K.TEXT)
_PLACE = Param("place", K.TEXT, required=False)

MEET = Command(
    "meet",
    (
        Verb(
            "",
            (Param("member", K.MEMBER), Param("when", K.TEXT, required=False), _PLACE),
            has_form=True,
            handler=propose,
            args=ProposeArgs,
        ),
        Verb("show", (_NUMBER,), handler=show, args=NumberArgs),
        Verb("accept", (_NUMBER,), handler=accept, args=NumberArgs),
        Verb("decline", (_NUMBER,), handler=decline, args=NumberArgs),
        Verb(
            "move",
            (_NUMBER, _WHEN, _PLACE),
            handler=move,
            args=MoveArgs,
        ),
        Verb(
            "done",
            (_NUMBER, Param("learned", K.LONG_TEXT, required=False)),
            handler=done,
            args=DoneArgs,
        ),
        Verb("pause", (Param("duration", K.TEXT),), handler=pause, args=PauseArgs),
    ),
    pipe=True,
    number_first=True,
    show_verb="show",
)
MEETS = Command("meets", (Verb("", handler=listing),))

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (MEET, MEETS)
