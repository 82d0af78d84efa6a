"""`/report`, `/reports`: confidential charter breach reports, handled by admins.

A report about an admin goes to the other admins; about the only admin, to the recruiters. A
report nobody but the member reported on could act on is not stored (see `handlers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.errors import AdminOnly, InvalidValue, ReferralNotFound, concerning
from core.shared.tenancy import Member, Role
from core.shared.text import check_length, parse_record_number
from core.shared.ui import Action, Field, Reply, Style
from core.shared.ui import InputKind as K
from core.trust.breaches import (
    CHARTER_SECTION,
    OPEN_BREACH_STATES,
    Breach,
    BreachEvent,
    BreachKind,
    BreachState,
    Handlers,
    handlers,
)

_REFERRAL = re.compile(r"^(?:referral|recommandation|ref)?\s*#?\s*(\d{1,9})$", re.IGNORECASE)
# What the member reported on hears when the report is raised with them: by an admin or by a
# recruiter, with the note or without one (a missing note is left out of the sentence).
RAISED = {
    (True, True): "notice.breach_raised",
    (True, False): "notice.breach_raised_silent",
    (False, True): "notice.breach_raised_by",
    (False, False): "notice.breach_raised_by_silent",
}
# What the reporter hears when the report is closed.
CLOSED = {
    (BreachState.RESOLVED, True): "notice.breach_resolved_note",
    (BreachState.RESOLVED, False): "notice.breach_resolved",
    (BreachState.DISMISSED, True): "notice.breach_dismissed_note",
    (BreachState.DISMISSED, False): "notice.breach_dismissed",
}
NEXT_STATE = {
    "raise": BreachState.RAISED,
    "resolve": BreachState.RESOLVED,
    "dismiss": BreachState.DISMISSED,
}


class BreachNotFound(InvalidValue):
    key = "error.breach_not_found"


@dataclass(frozen=True)
class FileArgs:
    member: Member
    kind: BreachKind
    what: str
    referral: str


def file_report(ctx: Context, args: FileArgs) -> Reply:
    t = ctx.t
    reported = args.member
    if reported.id == ctx.actor.id:
        raise InvalidValue("error.report_self", concerns="member")
    text = check_length(args.what.strip(), t("param.what"), "what")
    referral_number = None
    if args.referral:
        match = _REFERRAL.match(args.referral.strip())
        if match is None:
            raise InvalidValue(
                "error.invalid_number", value=args.referral[:50], concerns="referral"
            )
        with concerning("referral"):
            referral_number = parse_record_number(match[1])
        referral = ctx.uow.referrals.get(ctx.network.id, referral_number)
        if referral is None:
            raise ReferralNotFound(number=referral_number, concerns="referral")
        involved = (referral.referrer_id, referral.receiver_id, referral.client_owner_id)
        if reported.id not in involved:
            raise InvalidValue(
                "error.report_referral_unrelated",
                number=referral_number,
                name=reported.display_name,
                concerns="referral",
            )
    found = handlers(ctx.uow.members.all(ctx.network.id), reported.id)
    if found is None:
        raise InvalidValue("error.report_nobody_can_act", name=reported.display_name)
    breach = ctx.uow.breaches.add(
        Breach(
            0,
            ctx.network.id,
            ctx.uow.breaches.next_number(ctx.network.id),
            ctx.actor.id,
            reported.id,
            args.kind,
            text,
            ctx.now,
            referral_number,
            events=[BreachEvent(ctx.actor.id, ctx.now, BreachState.OPEN)],
        )
    )
    kind = t(f"breach.{breach.kind.value}")
    if found.role is Role.ADMIN:
        notice = t("notice.breach_filed", number=breach.number, kind=kind)
    else:
        notice = t("notice.breach_filed_recruiters", number=breach.number, kind=kind)
        notice += " " + _why_recruiters(ctx, reported)
    alert = Reply(
        text=notice, actions=(Action(t("action.read_report"), "report", str(breach.number)),)
    )
    for member in found.members:
        ctx.notify(member.id, alert, kind="breach.filed")
    if found.role is Role.ADMIN:
        return Reply(text=t("report.received", number=breach.number))
    return Reply(text=t("report.received_recruiters", number=breach.number))


def _why_recruiters(ctx: Context, reported: Member) -> str:
    """Why a report came to the recruiters rather than the admins."""
    if reported.is_admin:
        return ctx.t("report.why_recruiters", name=reported.display_name)
    return ctx.t("report.why_recruiters_no_admin")


def _handlers(ctx: Context, breach: Breach) -> Handlers | None:
    return handlers(ctx.uow.members.all(ctx.network.id), breach.reported_id)


def _acts_on(ctx: Context, breach: Breach) -> bool:
    """Whether the actor is one of those who may act on the report (never the member
    reported on)."""
    found = _handlers(ctx, breach)
    return found is not None and any(m.id == ctx.actor.id for m in found.members)


def _is_recruiter(ctx: Context) -> bool:
    return Role.RECRUITER in ctx.actor.roles


@dataclass(frozen=True)
class ReportArgs:
    report: int


@dataclass(frozen=True)
class MoveArgs:
    report: int
    note: str


def _get(ctx: Context, number: int) -> Breach:
    found = ctx.uow.breaches.get(ctx.network.id, number)
    if found is not None and _acts_on(ctx, found):
        return found
    if not ctx.actor.is_admin:
        raise AdminOnly()
    # The member reported on (an admin too) never sees the report: not even that it exists.
    raise BreachNotFound(number=number)


def _context_fields(ctx: Context, breach: Breach) -> list[Field]:
    """What an admin needs to weigh the claim: the referral, who owns the client, the rule."""
    t = ctx.t
    fields = [
        Field(t("field.reporter"), ctx.name(breach.reporter_id)),
        Field(t("field.reported"), ctx.name(breach.reported_id)),
        Field(t("field.kind"), t(f"breach.{breach.kind.value}")),
        Field(t("field.what"), breach.text),
    ]
    section = CHARTER_SECTION[breach.kind]
    if section:
        fields.append(Field(t("field.charter_rule"), t(f"charter.section.{section}")))
    if breach.referral_number is not None:
        referral = ctx.uow.referrals.get(ctx.network.id, breach.referral_number)
        if referral is not None:
            client = ctx.uow.clients.get(ctx.network.id, referral.client_id)
            fields.append(
                Field(
                    t("field.referral"),
                    t(
                        "report.referral_line",
                        number=referral.number,
                        client=client.name if client else "?",
                        referrer=ctx.name(referral.referrer_id),
                        receiver=ctx.name(referral.receiver_id),
                        status=t(f"status.{referral.status.value}"),
                    ),
                )
            )
            fields.append(Field(t("field.client_owner"), ctx.name(referral.client_owner_id)))
    fields.append(Field(t("field.state"), t(f"breach_state.{breach.state.value}")))
    found = _handlers(ctx, breach)
    if found is not None and found.role is Role.RECRUITER:
        why = _why_recruiters(ctx, ctx.member(breach.reported_id))
        fields.append(Field(t("field.handled_by"), t("report.handled_by_recruiters", why=why)))
    return fields


def show(ctx: Context, args: ReportArgs) -> Reply:
    breach = _get(ctx, args.report)
    t = ctx.t
    history = tuple(
        t(
            "report.history_line_note" if e.note else "report.history_line",
            at=ctx.moment(e.at),
            who=ctx.name(e.actor_id),
            state=t(f"breach_state.{e.state.value}"),
            note=e.note,
        )
        for e in breach.events
    )
    actions: tuple[Action, ...] = ()
    if breach.state in OPEN_BREACH_STATES:
        actions = tuple(
            Action(
                t(f"action.breach_{verb}"),
                "report",
                f"{breach.number} {verb}",
                Style.DANGER if verb == "dismiss" else Style.DEFAULT,
            )
            for verb in ("raise", "resolve", "dismiss")
            if not (verb == "raise" and breach.state is BreachState.RAISED)
        )
    return Reply(
        title=t("report.title", number=breach.number),
        fields=tuple(_context_fields(ctx, breach)),
        lines=history,
        actions=actions,
    )


def move(ctx: Context, args: MoveArgs, verb: str) -> Reply:
    breach = _get(ctx, args.report)
    t = ctx.t
    target = NEXT_STATE[verb]
    if breach.state not in OPEN_BREACH_STATES or breach.state is target:
        raise InvalidValue(
            "error.breach_state",
            number=breach.number,
            state=t(f"breach_state.{breach.state.value}"),
        )
    note = check_length(args.note.strip(), t("param.note"), "note")
    event = BreachEvent(ctx.actor.id, ctx.now, target, note)
    breach.state = target
    breach.events.append(event)
    ctx.uow.breaches.update(breach, event)
    if target is BreachState.RAISED:
        ctx.notify(
            breach.reported_id,
            Reply(
                text=t(
                    RAISED[ctx.actor.is_admin, bool(note)],
                    kind=t(f"breach.{breach.kind.value}"),
                    admin=ctx.actor.display_name,
                    note=note,
                )
            ),
            kind="breach.raised",
        )
    else:
        ctx.notify(
            breach.reporter_id,
            Reply(text=t(CLOSED[target, bool(note)], number=breach.number, note=note)),
            kind=f"breach.{target.value}",
        )
    return Reply(text=t(f"report.{target.value}", number=breach.number))


def raise_(ctx: Context, args: MoveArgs) -> Reply:
    return move(ctx, args, "raise")


def resolve(ctx: Context, args: MoveArgs) -> Reply:
    return move(ctx, args, "resolve")


def dismiss(ctx: Context, args: MoveArgs) -> Reply:
    return move(ctx, args, "dismiss")


def open_reports(ctx: Context, args: NoArgs) -> Reply:
    t = ctx.t
    found = [b for b in ctx.uow.breaches.open(ctx.network.id) if _acts_on(ctx, b)]
    if not found and not ctx.actor.is_admin:
        raise AdminOnly()
    if not found:
        return Reply(text=t("reports.none"))
    lines: list[str] = []
    for breach in found:
        fields = {f.label: f.value for f in _context_fields(ctx, breach)}
        line = t(
            "reports.line",
            number=breach.number,
            kind=t(f"breach.{breach.kind.value}"),
            reporter=ctx.name(breach.reporter_id),
            reported=ctx.name(breach.reported_id),
            state=t(f"breach_state.{breach.state.value}"),
        )
        extra = [fields[k] for k in (t("field.referral"), t("field.charter_rule")) if k in fields]
        owner = fields.get(t("field.client_owner"))
        if owner:
            extra.append(t("reports.owner", owner=owner))
        lines.append(line + ("; " + "; ".join(extra) if extra else ""))
    return Reply(title=t("reports.title"), lines=tuple(lines))


def my_reports(ctx: Context, args: NoArgs) -> Reply:
    """The reports the actor filed, with where each stands."""
    t = ctx.t
    filed = ctx.uow.breaches.filed_by(ctx.network.id, ctx.actor.id)
    if not filed:
        return Reply(text=t("reports.mine_none"))
    lines: list[str] = []
    for breach in filed:
        last = breach.events[-1] if breach.events else None
        note = last.note if last is not None and breach.state not in OPEN_BREACH_STATES else ""
        lines.append(
            t(
                "reports.mine_line",
                number=breach.number,
                kind=t(f"breach.{breach.kind.value}"),
                reported=ctx.name(breach.reported_id),
                date=ctx.day(breach.created_at),
                state=t(f"breach_state.{breach.state.value}"),
            )
            + (f" ({note})" if note else "")
        )
    return Reply(title=t("reports.mine_title"), lines=tuple(lines))


REPORT = Command(
    "report",
    (
        Verb(
            "",
            (
                Param("member", K.MEMBER),
                Param(
                    "kind", K.CHOICE, choices=tuple(k.value for k in BreachKind), enum=BreachKind
                ),
                Param("what", K.LONG_TEXT),
                Param("referral", K.TEXT, required=False),
            ),
            has_form=True,
            pipe=True,
            handler=file_report,
            args=FileArgs,
        ),
        Verb(
            "show",
            (Param("report", K.NUMBER),),
            admin_only=True,
            also_allowed=_is_recruiter,
            handler=show,
            args=ReportArgs,
        ),
        *(
            Verb(
                verb,
                (Param("report", K.NUMBER), Param("note", K.LONG_TEXT, required=False)),
                admin_only=True,
                also_allowed=_is_recruiter,
                pipe=True,
                handler=handler,
                args=MoveArgs,
            )
            for verb, handler in (("raise", raise_), ("resolve", resolve), ("dismiss", dismiss))
        ),
    ),
    number_first=True,
    show_verb="show",
)
REPORTS = Command(
    "reports",
    (
        Verb("", admin_only=True, also_allowed=_is_recruiter, handler=open_reports),
        Verb("mine", handler=my_reports),
    ),
)

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (REPORT, REPORTS)
