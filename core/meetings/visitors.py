"""`/visitor` and `/visitors`: guests members bring to a meeting, who may become members.

A visitor's contact is personal data: only their host and the admins see it, and it is erased
`visitor-retention-months` after the visit unless the visitor was proposed as a candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.meetings import calendar
from core.meetings.model import Visitor
from core.recruitment.model import Stage, profession_key
from core.recruitment.services import CANDIDATE
from core.referrals.contact import add_months
from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb, form_for
from core.shared.errors import InvalidValue, NotAllowed
from core.shared.outbox import OutboxItem
from core.shared.ui import Action, Field, Reply, Style
from core.shared.ui import InputKind as K

ERASE = "visitor.erase"
NOTICE = "visitor.notice"
MAX_TEXT = 200
LISTED = 25
RECENT_DAYS = 92  # `/visitors` lists visits this recent, with their outcome


class VisitorNotFound(InvalidValue):
    key = "error.visitor_not_found"


@dataclass(frozen=True)
class InviteArgs:
    visitor_name: str
    profession: str
    company: str
    visitor_contact: str
    date: str


@dataclass(frozen=True)
class NumberArgs:
    visitor: int


def _text(value: str, name: str, limit: int = MAX_TEXT) -> str:
    value = " ".join(value.split())
    if len(value) > limit:
        raise InvalidValue("error.meeting_text_long", limit=limit, concerns=name)
    return value


def _holder(ctx: Context, profession: str) -> str:
    """Who holds the profession already (a member or a candidate), "" when nobody does."""
    key = profession_key(profession)
    for member in ctx.uow.members.all(ctx.network.id):
        if member.profession and profession_key(member.profession) == key:
            return member.display_name
    for profile in ctx.uow.directory.profiles(ctx.network.id):
        if profile.profession and profession_key(profile.profession) == key:
            return profile.name
    for candidate in ctx.uow.candidates.holding(ctx.network.id):
        if profession_key(candidate.profession) == key:
            return ctx.t("candidate.holder_candidate", number=candidate.number, name=candidate.name)
    return ""


def invite(ctx: Context, args: InviteArgs) -> Reply:
    """`/visitor Name | profession | company | contact | DATE`: expected at that meeting."""
    t = ctx.t
    name = _text(args.visitor_name, "visitor_name")
    profession = _text(args.profession, "profession")
    company = _text(args.company, "company")
    contact = _text(args.visitor_contact, "visitor_contact", 500)
    if not name:
        raise InvalidValue("error.visitor_name", concerns="visitor_name")
    if not profession:
        raise InvalidValue("error.visitor_profession", concerns="profession")
    starts = calendar.meeting_on(ctx, args.date, ahead=True, upcoming=True)
    meeting = calendar.ensure(ctx, starts)
    if meeting.cancelled:
        raise InvalidValue(
            "error.meeting_cancelled", when=calendar.when(ctx, starts), concerns="date"
        )
    visitor = ctx.uow.visitors.add(
        Visitor(
            0, ctx.network.id, 0, ctx.actor.id, name, profession, company, contact, starts, ctx.now
        )
    )
    _erase_later(ctx, visitor, add_months(starts, ctx.network.visitor_retention_months))
    ctx.uow.audit.add(
        AuditEntry(ctx.network.id, ctx.actor.id, ctx.now, "visitor.invited", f"#{visitor.number}")
    )
    holder = _holder(ctx, profession) if ctx.network.exclusivity else ""
    lines = (t("visitor.exclusivity", holder=holder, profession=profession),) if holder else ()
    return Reply(
        text=t(
            "visitor.invited", number=visitor.number, name=name, when=calendar.when(ctx, starts)
        ),
        lines=lines,
        footer=t("visitor.reminded"),
    )


def _get(ctx: Context, number: int, lock: bool = False) -> Visitor:
    found = ctx.uow.visitors.get(ctx.network.id, number, lock=lock)
    if found is None:
        raise VisitorNotFound(number=number)
    return found


def _may_see(ctx: Context, visitor: Visitor) -> bool:
    return ctx.actor.is_admin or ctx.actor.id == visitor.host_id


def _require_host(ctx: Context, visitor: Visitor) -> None:
    if not _may_see(ctx, visitor):
        raise NotAllowed("error.visitor_not_host", host=ctx.name(visitor.host_id))


def outcome(ctx: Context, visitor: Visitor) -> str:
    t = ctx.t
    if visitor.candidate_number is not None:
        candidate = ctx.uow.candidates.get(ctx.network.id, visitor.candidate_number)
        if candidate is not None and candidate.member_id is not None:
            return t("visitor.outcome.member", member=ctx.name(candidate.member_id))
        stage = candidate.stage.value if candidate else "interviews"
        return t(
            "visitor.outcome.candidate",
            number=visitor.candidate_number,
            stage=t(f"visitor.stage.{stage}"),
        )
    if visitor.visit_at > ctx.now:
        return t("visitor.outcome.expected")
    if visitor.came is None:
        return t("visitor.outcome.unknown")
    return t("visitor.outcome.came") if visitor.came else t("visitor.outcome.noshow")


def _line(ctx: Context, visitor: Visitor) -> str:
    t = ctx.t
    line = t(
        "visitor.line",
        number=visitor.number,
        name=visitor.name,
        profession=visitor.profession,
        company=visitor.company or "-",
        host=ctx.name(visitor.host_id),
        when=ctx.local(visitor.visit_at, "%Y-%m-%d"),
        outcome=outcome(ctx, visitor),
    )
    if _may_see(ctx, visitor) and visitor.contact:
        line += " " + t("visitor.contact", contact=visitor.contact)
    return line


def show(ctx: Context, args: NumberArgs) -> Reply:
    visitor = _get(ctx, args.visitor)
    actions: tuple[Action, ...] = ()
    if _may_see(ctx, visitor) and visitor.candidate_number is None and not visitor.erased:
        actions = _outcome_actions(ctx, visitor)
    return Reply(text=_line(ctx, visitor), actions=actions)


def listing(ctx: Context, args: NoArgs) -> Reply:
    """`/visitors`: the visitors to come, and the recent ones with their outcome."""
    t = ctx.t
    found = ctx.uow.visitors.between(
        ctx.network.id, ctx.now - timedelta(days=RECENT_DAYS), ctx.now + timedelta(days=366)
    )
    upcoming = [v for v in found if v.visit_at >= ctx.now - timedelta(hours=3)]
    recent = [v for v in reversed(found) if v not in upcoming]
    fields = [
        Field(t("visitors.upcoming"), "\n".join(_line(ctx, v) for v in upcoming[:LISTED]) or "-"),
        Field(t("visitors.recent"), "\n".join(_line(ctx, v) for v in recent[:LISTED]) or "-"),
    ]
    return Reply(
        title=t("visitors.title", network=ctx.network.name),
        fields=tuple(fields),
        footer=t("visitors.footer", visitor=f"/{ctx.typed('visitor')}"),
    )


def _outcome_actions(ctx: Context, visitor: Visitor) -> tuple[Action, ...]:
    t = ctx.t
    return (
        Action(t("action.visitor_propose"), "visitor", f"{visitor.number} propose", Style.PRIMARY),
        Action(t("action.visitor_came"), "visitor", f"{visitor.number} came"),
        Action(t("action.visitor_noshow"), "visitor", f"{visitor.number} noshow"),
    )


def propose(ctx: Context, args: NumberArgs) -> Reply:
    """The "propose as candidate" button: the candidate form, filled in from the visit (the
    host who submits it is the sponsor)."""
    visitor = _get(ctx, args.visitor)
    _require_host(ctx, visitor)
    if visitor.candidate_number is not None:
        raise InvalidValue(
            "error.visitor_already_candidate", name=visitor.name, number=visitor.candidate_number
        )
    verb = CANDIDATE.verb("")
    assert verb is not None
    initial = {
        "name": visitor.name,
        "profession": visitor.profession,
        "previous": ctx.t("visitor.previous_hint", when=ctx.local(visitor.visit_at, "%Y-%m-%d")),
    }
    return Reply(form=form_for(CANDIDATE, verb, ctx.t, initial))


def came(ctx: Context, args: NumberArgs) -> Reply:
    visitor = _get(ctx, args.visitor, lock=True)
    _require_host(ctx, visitor)
    visitor.came = True
    ctx.uow.visitors.update(visitor)
    return Reply(text=ctx.t("visitor.came_noted", name=visitor.name))


def noshow(ctx: Context, args: NumberArgs) -> Reply:
    visitor = _get(ctx, args.visitor, lock=True)
    _require_host(ctx, visitor)
    visitor.came = False
    ctx.uow.visitors.update(visitor)
    return Reply(text=ctx.t("visitor.noshow_noted", name=visitor.name))


def expected_lines(ctx: Context, starts: datetime) -> list[str]:
    """The visitors expected at the meeting starting then (no contact: everyone reads it)."""
    return [
        ctx.t(
            "visitor.expected_line", name=v.name, profession=v.profession, host=ctx.name(v.host_id)
        )
        for v in ctx.uow.visitors.between(ctx.network.id, starts, starts + timedelta(minutes=1))
    ]


def remind_hosts(ctx: Context, starts: datetime) -> None:
    """The day before: each host is reminded of the visitors they expect."""
    for visitor in ctx.uow.visitors.between(ctx.network.id, starts, starts + timedelta(minutes=1)):
        ctx.notify(
            visitor.host_id,
            Reply(
                text=ctx.t(
                    "visitor.reminder",
                    name=visitor.name,
                    profession=visitor.profession,
                    when=calendar.when(ctx, starts),
                    place=ctx.network.meeting_place or "-",
                )
            ),
            kind=NOTICE,
        )


def ask_hosts(ctx: Context, starts: datetime) -> None:
    """After the meeting: each host is asked how the visit went."""
    for visitor in ctx.uow.visitors.between(ctx.network.id, starts, starts + timedelta(minutes=1)):
        if visitor.candidate_number is not None:
            continue
        ctx.notify(
            visitor.host_id,
            Reply(
                text=ctx.t(
                    "visitor.how_did_it_go", name=visitor.name, profession=visitor.profession
                ),
                actions=_outcome_actions(ctx, visitor),
            ),
            kind=NOTICE,
        )


def _erase_later(ctx: Context, visitor: Visitor, due: datetime, again: bool = False) -> None:
    """The retention job for `visitor` at `due`; `again` when it moves a later run (its key
    then names the new day, so it is added once)."""
    key = f"{ERASE}:{visitor.number}" + (f":{due:%Y%m%d}" if again else "")
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            ERASE,
            due,
            {"visitor": visitor.number},
            key=key,
            subject=f"visitor:{visitor.number}",
        )
    )


def erase_contact(ctx: Context, item: OutboxItem) -> None:
    """The retention job: a visitor never proposed loses their contact and their name."""
    visitor = ctx.uow.visitors.get(ctx.network.id, int(item.payload["visitor"]), lock=True)
    if visitor is None or visitor.erased or visitor.candidate_number is not None:
        return
    due = add_months(visitor.visit_at, ctx.network.visitor_retention_months)
    if due > ctx.now:  # the retention period grew since: wait until then
        _erase_later(ctx, visitor, due, again=True)
        return
    erase(ctx, visitor)


def erase(ctx: Context, visitor: Visitor) -> None:
    words = [w for w in (visitor.contact, visitor.name) if w]
    pseudonym = ctx.t("visitor.pseudonym", number=visitor.number)
    visitor.contact, visitor.name, visitor.erased = "", pseudonym, True
    ctx.uow.visitors.update(visitor)
    if words:
        ctx.uow.erasure.replace_everywhere(ctx.network.id, words, pseudonym)


def forget_hosted_by(ctx: Context, member_id: int) -> None:
    """A host erasing their data: the visitors they brought, never proposed, go with it."""
    for visitor in ctx.uow.visitors.hosted_by(ctx.network.id, member_id):
        if not visitor.erased and visitor.candidate_number is None:
            erase(ctx, visitor)


def export_of(ctx: Context, member_id: int) -> list[dict[str, object]]:
    return [
        {
            "visitor": v.number,
            "name": v.name,
            "profession": v.profession,
            "company": v.company,
            "contact": v.contact,
            "visit": v.visit_at.isoformat(),
            "came": v.came,
            "candidate": v.candidate_number,
        }
        for v in ctx.uow.visitors.hosted_by(ctx.network.id, member_id)
    ]


def stage_counts(ctx: Context, visitors: list[Visitor]) -> tuple[int, int]:
    """(visitors who came, of those, how many became members)."""
    came_count = members = 0
    for visitor in visitors:
        if visitor.came is False or visitor.visit_at > ctx.now:
            continue
        came_count += 1
        if visitor.candidate_number is None:
            continue
        candidate = ctx.uow.candidates.get(ctx.network.id, visitor.candidate_number)
        if candidate is not None and (
            candidate.member_id is not None or candidate.stage is Stage.ADMITTED
        ):
            members += 1
    return came_count, members


VISITOR = Command(
    "visitor",
    (
        Verb(
            "",
            (
                Param("visitor_name", K.TEXT),
                Param("profession", K.TEXT),
                Param("company", K.TEXT, required=False),
                Param("visitor_contact", K.TEXT, required=False),
                Param("date", K.TEXT, required=False),
            ),
            has_form=True,
            pipe=True,
            handler=invite,
            args=InviteArgs,
        ),
        Verb("show", (Param("visitor", K.NUMBER),), handler=show, args=NumberArgs),
        Verb("propose", (Param("visitor", K.NUMBER),), handler=propose, args=NumberArgs),
        Verb("came", (Param("visitor", K.NUMBER),), handler=came, args=NumberArgs),
        Verb("noshow", (Param("visitor", K.NUMBER),), handler=noshow, args=NumberArgs),
    ),
    number_first=True,
    show_verb="show",
)
VISITORS = Command("visitors", (Verb("", handler=listing),))

COMMANDS = (VISITOR, VISITORS)
