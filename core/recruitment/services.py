"""Candidates: proposal, interviewers, blind reports, visits, the secret vote, the decision."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from fractions import Fraction

from core.recruitment.cards import (
    card,
    report_lines,
    tally_line,
    thread_of,
    title_of,
    vote_actions,
)
from core.recruitment.model import (
    OPEN_STAGES,
    Ballot,
    Candidate,
    CandidateEvent,
    Recommendation,
    Report,
    Stage,
    Visit,
    admitted,
    eligible_voters,
    is_experienced,
    pick_interviewers,
    profession_key,
    tally,
)
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.errors import InvalidValue, NotAllowed, TextTooLong, UsageError
from core.shared.outbox import OutboxItem
from core.shared.tenancy import Member, Role
from core.shared.text import check_length
from core.shared.ui import Action, Field, Reply, Style
from core.shared.ui import InputKind as K

DEADLINE = "candidate.deadline"
THREAD_POST = "candidate.thread"


class CandidateNotFound(InvalidValue):
    key = "error.candidate_not_found"


@dataclass(frozen=True)
class ProposeArgs:
    name: str
    profession: str
    previous: str


@dataclass(frozen=True)
class CandidateArgs:
    candidate: int


@dataclass(frozen=True)
class InterviewersArgs:
    candidate: int
    first: Member
    second: Member


@dataclass(frozen=True)
class ReportArgs:
    candidate: int
    recommendation: Recommendation
    notes: str
    ethics: str
    generosity: str
    previous_networks: str


@dataclass(frozen=True)
class VisitArgs:
    candidate: int
    notes: str


@dataclass(frozen=True)
class OverrideArgs:
    candidate: int
    reason: str


@dataclass(frozen=True)
class VoteArgs:
    candidate: int
    ballot: Ballot


@dataclass(frozen=True)
class LinkArgs:
    candidate: int
    member: Member


def _get(ctx: Context, number: int, lock: bool = False) -> Candidate:
    found = ctx.uow.candidates.get(ctx.network.id, number, lock=lock)
    if found is None:
        raise CandidateNotFound(number=number)
    return found


def _is_recruiter(member: Member) -> bool:
    return Role.RECRUITER in member.roles or member.is_admin


def _require_recruiter(ctx: Context) -> None:
    if not _is_recruiter(ctx.actor):
        raise NotAllowed("error.recruiters_only")


def _require_stage(ctx: Context, candidate: Candidate, *stages: Stage) -> None:
    if candidate.stage not in stages:
        raise InvalidValue(
            "error.candidate_stage",
            number=candidate.number,
            stage=ctx.t(f"stage.{candidate.stage.value}"),
        )


def _event(ctx: Context, candidate: Candidate, what: str, detail: str = "") -> None:
    event = CandidateEvent(ctx.actor.id or None, ctx.now, what, detail)
    candidate.events.append(event)
    ctx.uow.candidates.add_event(candidate, event)


def _post(ctx: Context, candidate: Candidate, reply: Reply, opens: bool = False) -> None:
    ctx.post_in_thread(
        ctx.network.recruiters_channel,
        thread_of(candidate),
        title_of(ctx, candidate),
        reply,
        THREAD_POST,
        opens=opens,
    )


def _text(ctx: Context, text: str, name: str, required: bool = True) -> str:
    value = " ".join(text.split()) if name in ("name", "profession") else text.strip()
    if required and not value:
        raise UsageError(command="candidate", verb="", concerns=name)
    return check_length(value, ctx.t(f"param.{name}"), name)


# Proposal and reading

SHORT_TEXT = 200  # a name or a profession: it ends up in members.profession and card titles


def _short(ctx: Context, value: str, name: str) -> str:
    if len(value) > SHORT_TEXT:
        raise TextTooLong(
            field=ctx.t(f"param.{name}"), limit=SHORT_TEXT, length=len(value), concerns=name
        )
    return value


def _holder_of(ctx: Context, profession: str, candidate_id: int = 0) -> str:
    """Who already holds this profession in the network: a member or an open candidate."""
    key = profession_key(profession)
    for member in ctx.uow.members.all(ctx.network.id):
        if member.profession and profession_key(member.profession) == key:
            return member.display_name
    for other in ctx.uow.candidates.open(ctx.network.id):
        if other.id != candidate_id and profession_key(other.profession) == key:
            return ctx.t("candidate.holder_candidate", number=other.number, name=other.name)
    return ""


def _assign(ctx: Context, candidate: Candidate, interviewers: list[int]) -> None:
    candidate.interviewers = interviewers
    candidate.reports = {i: r for i, r in candidate.reports.items() if i in interviewers}
    ctx.uow.candidates.set_interviewers(candidate, ctx.now)
    names = ", ".join(ctx.name(i) for i in interviewers)
    _event(ctx, candidate, "assigned", names)
    ask = Reply(
        text=ctx.t(
            "notice.interview",
            name=candidate.name,
            profession=candidate.profession,
            number=candidate.number,
            sponsor=ctx.name(candidate.sponsor_id),
        ),
        actions=(
            Action(
                ctx.t("action.file_report"),
                "candidate",
                f"{candidate.number} report",
                Style.PRIMARY,
            ),
        ),
    )
    for interviewer in interviewers:
        ctx.notify(interviewer, ask, kind="candidate.interview")


def propose(ctx: Context, args: ProposeArgs) -> Reply:
    t = ctx.t
    name = _short(ctx, _text(ctx, args.name, "name"), "name")
    profession = _short(ctx, _text(ctx, args.profession, "profession"), "profession")
    previous = _text(ctx, args.previous, "previous")
    holder = _holder_of(ctx, profession) if ctx.network.exclusivity else ""
    candidate = ctx.uow.candidates.add(
        Candidate(
            0,
            ctx.network.id,
            ctx.uow.candidates.next_number(ctx.network.id),
            name,
            profession,
            previous,
            ctx.actor.id,
            ctx.now,
            exclusivity_conflict=holder,
        )
    )
    _event(ctx, candidate, "proposed")
    picked = pick_interviewers(
        ctx.uow.members.all(ctx.network.id),
        ctx.actor.id,
        ctx.now,
        ctx.network.experienced_days,
        ctx.uow.candidates.last_assigned(ctx.network.id),
    )
    if len(picked) == 2:
        _assign(ctx, candidate, picked)
    else:
        _event(ctx, candidate, "too_few_interviewers")
    shown = card(ctx, candidate)
    _post(
        ctx,
        candidate,
        replace(
            shown,
            lines=(),
            actions=(),
            text=t("candidate.proposed_post", sponsor=ctx.actor.display_name),
        ),
        opens=True,
    )
    text = t("candidate.proposed", number=candidate.number, name=name)
    if len(picked) < 2:
        text += "\n" + t("candidate.assign_by_hand", number=candidate.number)
    if holder:
        text += "\n" + t("candidate.exclusivity", holder=holder)
    return replace(card(ctx, candidate), text=text)


def show(ctx: Context, args: CandidateArgs) -> Reply:
    candidate = _get(ctx, args.candidate)
    result = tally(candidate, eligible_voters(ctx.uow.members.all(ctx.network.id), candidate))
    return card(ctx, candidate, result)


def candidates(ctx: Context, args: NoArgs) -> Reply:
    t = ctx.t
    found = ctx.uow.candidates.open(ctx.network.id)
    if not found:
        return Reply(text=t("candidates.none"))
    lines = tuple(
        t(
            "candidates.line",
            number=c.number,
            name=c.name,
            profession=c.profession,
            stage=t(f"stage.{c.stage.value}"),
        )
        for c in found
    )
    return Reply(title=t("candidates.title"), lines=lines)


# Interviews


def interviewers(ctx: Context, args: InterviewersArgs) -> Reply:
    _require_recruiter(ctx)
    candidate = _get(ctx, args.candidate)
    _require_stage(ctx, candidate, Stage.INTERVIEWS)
    first, second = args.first, args.second
    if first.id == second.id:
        raise InvalidValue("error.interviewers_same")
    for member in (first, second):
        if member.id == candidate.sponsor_id:
            raise InvalidValue("error.interviewer_is_sponsor", name=member.display_name)
        if not is_experienced(member, ctx.now, ctx.network.experienced_days):
            raise InvalidValue("error.interviewer_not_experienced", name=member.display_name)
    _assign(ctx, candidate, [first.id, second.id])
    _post(
        ctx,
        candidate,
        Reply(
            text=ctx.t(
                "candidate.assigned_post", names=f"{first.display_name}, {second.display_name}"
            )
        ),
    )
    return replace(card(ctx, candidate), text=ctx.t("candidate.assigned", number=candidate.number))


def report(ctx: Context, args: ReportArgs) -> Reply:
    t = ctx.t
    candidate = _get(ctx, args.candidate)
    if ctx.actor.id not in candidate.interviewers:
        raise NotAllowed("error.not_interviewer", number=candidate.number)
    _require_stage(ctx, candidate, Stage.INTERVIEWS)
    was_complete = candidate.reports_complete
    filed = Report(
        ctx.actor.id,
        args.recommendation,
        notes=_text(ctx, args.notes, "notes", required=False),
        ethics=_text(ctx, args.ethics, "ethics", required=False),
        generosity=_text(ctx, args.generosity, "generosity", required=False),
        previous_networks=_text(ctx, args.previous_networks, "previous_networks", required=False),
        filed_at=ctx.now,
    )
    amended = ctx.actor.id in candidate.reports
    candidate.reports[ctx.actor.id] = filed
    ctx.uow.candidates.save_report(candidate, filed)
    _event(ctx, candidate, "report_amended" if amended else "report_filed")
    if candidate.reports_complete and not was_complete:
        lines = tuple(
            line for i in candidate.interviewers for line in report_lines(ctx, candidate.reports[i])
        )
        _post(ctx, candidate, Reply(text=t("candidate.reports_post"), lines=lines))
        ctx.notify(
            candidate.sponsor_id,
            Reply(text=t("notice.reports_in", name=candidate.name, number=candidate.number)),
        )
    opened = _maybe_open(ctx, candidate)
    text = t(
        "candidate.report_saved" if not amended else "candidate.report_amended",
        number=candidate.number,
    )
    if not candidate.reports_complete:
        text += " " + t("candidate.report_hidden_until_both")
    if opened:
        text += "\n" + t("candidate.vote_opened", number=candidate.number)
    return replace(card(ctx, candidate), text=text)


def visit(ctx: Context, args: VisitArgs) -> Reply:
    candidate = _get(ctx, args.candidate)
    _require_stage(ctx, candidate, *OPEN_STAGES)
    notes = _text(ctx, args.notes, "notes")
    seen = Visit(ctx.actor.id, notes, ctx.now)
    candidate.visits.append(seen)
    ctx.uow.candidates.add_visit(candidate, seen)
    _event(ctx, candidate, "visited")
    _post(
        ctx,
        candidate,
        Reply(text=ctx.t("candidate.visit_post", who=ctx.actor.display_name, notes=notes)),
    )
    opened = _maybe_open(ctx, candidate)
    text = ctx.t("candidate.visit_saved", number=candidate.number)
    if opened:
        text += "\n" + ctx.t("candidate.vote_opened", number=candidate.number)
    return Reply(text=text)


def override(ctx: Context, args: OverrideArgs) -> Reply:
    _require_recruiter(ctx)
    candidate = _get(ctx, args.candidate)
    _require_stage(ctx, candidate, *OPEN_STAGES)
    if not candidate.exclusivity_conflict:
        raise InvalidValue("error.no_exclusivity_conflict", number=candidate.number)
    candidate.override_reason = _text(ctx, args.reason, "reason")
    ctx.uow.candidates.update(candidate)
    _event(ctx, candidate, "override", candidate.override_reason)
    _post(
        ctx,
        candidate,
        Reply(
            text=ctx.t(
                "candidate.override_post",
                who=ctx.actor.display_name,
                reason=candidate.override_reason,
            )
        ),
    )
    _maybe_open(ctx, candidate)
    return replace(
        card(ctx, candidate), text=ctx.t("candidate.override_saved", number=candidate.number)
    )


# The vote


def _ready(ctx: Context, candidate: Candidate) -> bool:
    visited = bool(candidate.visits) or not ctx.network.site_visit
    return candidate.reports_complete and visited and not candidate.blocked


def _open(ctx: Context, candidate: Candidate) -> None:
    candidate.stage = Stage.VOTE
    candidate.vote_opened_at = ctx.now
    candidate.vote_deadline = ctx.now + timedelta(days=ctx.network.vote_days)
    ctx.uow.candidates.update(candidate)
    _event(ctx, candidate, "vote_opened")
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            DEADLINE,
            candidate.vote_deadline,
            {"candidate": candidate.number},
            key=f"vote-deadline:{candidate.id}:{ctx.now.isoformat()}",
            subject=thread_of(candidate),
        )
    )
    t = ctx.t
    ballot_call = Reply(
        text=t(
            "candidate.vote_post", name=candidate.name, deadline=ctx.local(candidate.vote_deadline)
        ),
        actions=vote_actions(ctx, candidate),
    )
    _post(ctx, candidate, ballot_call)
    for voter in eligible_voters(ctx.uow.members.all(ctx.network.id), candidate):
        ctx.notify(
            voter,
            replace(
                ballot_call,
                text=t(
                    "notice.vote_open",
                    name=candidate.name,
                    number=candidate.number,
                    deadline=ctx.local(candidate.vote_deadline),
                ),
            ),
            kind="candidate.vote",
        )


def _maybe_open(ctx: Context, candidate: Candidate) -> bool:
    if candidate.stage is Stage.INTERVIEWS and _ready(ctx, candidate):
        _open(ctx, candidate)
        return True
    return False


def open_vote(ctx: Context, args: CandidateArgs) -> Reply:
    _require_recruiter(ctx)
    candidate = _get(ctx, args.candidate)
    _require_stage(ctx, candidate, Stage.INTERVIEWS)
    if candidate.blocked:
        raise InvalidValue(
            "error.exclusivity_blocks",
            number=candidate.number,
            holder=candidate.exclusivity_conflict,
        )
    _open(ctx, candidate)
    return replace(
        card(ctx, candidate), text=ctx.t("candidate.vote_opened", number=candidate.number)
    )


def vote(ctx: Context, args: VoteArgs) -> Reply:
    t = ctx.t
    candidate = _get(ctx, args.candidate, lock=True)
    if ctx.actor.id == candidate.sponsor_id:
        raise NotAllowed("error.sponsor_cannot_vote", number=candidate.number)
    if Role.RECRUITER not in ctx.actor.roles:
        raise NotAllowed("error.recruiters_vote")
    _require_stage(ctx, candidate, Stage.VOTE)
    ballot = args.ballot
    changed = ctx.actor.id in candidate.votes
    candidate.votes[ctx.actor.id] = ballot
    ctx.uow.candidates.save_vote(candidate, ctx.actor.id, ballot, ctx.now)
    _event(ctx, candidate, "vote_changed" if changed else "voted")
    eligible = eligible_voters(ctx.uow.members.all(ctx.network.id), candidate)
    voted = sum(1 for v in candidate.votes if v in eligible)
    if not changed:
        _post(
            ctx,
            candidate,
            Reply(
                text=t(
                    "candidate.voted_post",
                    who=ctx.actor.display_name,
                    voted=voted,
                    eligible=len(eligible),
                )
            ),
        )
    text = t("candidate.vote_saved", number=candidate.number, ballot=t(f"ballot.{ballot.value}"))
    if voted >= len(eligible):
        _decide(ctx, candidate, "all_voted")
        text += "\n" + t("candidate.closed_now", number=candidate.number)
    return replace(card(ctx, candidate, tally(candidate, eligible)), text=text)


def close(ctx: Context, args: CandidateArgs) -> Reply:
    _require_recruiter(ctx)
    candidate = _get(ctx, args.candidate, lock=True)
    _require_stage(ctx, candidate, Stage.VOTE)
    _decide(ctx, candidate, "closed_by_recruiter")
    eligible = eligible_voters(ctx.uow.members.all(ctx.network.id), candidate)
    return replace(
        card(ctx, candidate, tally(candidate, eligible)),
        text=ctx.t("candidate.closed_now", number=candidate.number),
    )


def _decide(ctx: Context, candidate: Candidate, why: str) -> None:
    t = ctx.t
    eligible = eligible_voters(ctx.uow.members.all(ctx.network.id), candidate)
    result = tally(candidate, eligible)
    quorum, threshold = Fraction(ctx.network.quorum), Fraction(ctx.network.threshold)
    yes = admitted(result, quorum, threshold)
    candidate.stage = Stage.ADMITTED if yes else Stage.REJECTED
    candidate.decided_at = ctx.now
    candidate.decision_note = t(
        "candidate.rule", quorum=str(quorum), threshold=str(threshold), why=t(f"close.{why}")
    )
    ctx.uow.candidates.update(candidate)
    ctx.uow.outbox.cancel(ctx.network.id, thread_of(candidate), (DEADLINE,))
    _event(ctx, candidate, candidate.stage.value, tally_line(ctx, result))
    decision = t(
        f"candidate.decision_{candidate.stage.value}", name=candidate.name, number=candidate.number
    )
    _post(
        ctx,
        candidate,
        Reply(
            text=decision,
            fields=(
                Field(t("field.tally"), tally_line(ctx, result)),
                Field(t("field.decision"), candidate.decision_note),
            ),
        ),
    )
    ctx.notify(candidate.sponsor_id, Reply(text=decision + " " + tally_line(ctx, result)))


def close_at_deadline(ctx: Context, item: OutboxItem) -> None:
    """The vote's deadline job (core/jobs.py): decide with the ballots cast, if still open."""
    candidate = ctx.uow.candidates.get(ctx.network.id, int(item.payload["candidate"]), lock=True)
    if candidate is not None and candidate.stage is Stage.VOTE:
        _decide(ctx, candidate, "deadline")


def withdraw(ctx: Context, args: CandidateArgs) -> Reply:
    candidate = _get(ctx, args.candidate, lock=True)
    if ctx.actor.id != candidate.sponsor_id and not ctx.actor.is_admin:
        raise NotAllowed("error.sponsor_or_admin")
    _require_stage(ctx, candidate, *OPEN_STAGES)
    candidate.stage = Stage.WITHDRAWN
    candidate.decided_at = ctx.now
    ctx.uow.candidates.update(candidate)
    ctx.uow.outbox.cancel(ctx.network.id, thread_of(candidate), (DEADLINE,))
    _event(ctx, candidate, "withdrawn")
    _post(ctx, candidate, Reply(text=ctx.t("candidate.withdrawn_post", who=ctx.actor.display_name)))
    return Reply(text=ctx.t("candidate.withdrawn", number=candidate.number, name=candidate.name))


def link(ctx: Context, args: LinkArgs) -> Reply:
    ctx.require_admin()
    candidate = _get(ctx, args.candidate)
    _require_stage(ctx, candidate, Stage.ADMITTED)
    member = args.member
    member.profession = candidate.profession
    ctx.uow.members.update(member)
    candidate.member_id = member.id
    ctx.uow.candidates.update(candidate)
    _event(ctx, candidate, "linked", member.display_name)
    current = ctx.uow.charters.current(ctx.network.id)
    ctx.notify(
        member.id,
        Reply(
            text=ctx.t(
                "notice.welcome",
                network=ctx.network.name,
                version=current.version if current else 1,
            ),
            actions=(
                Action(ctx.t("action.charter_read"), "charter", ""),
                Action(ctx.t("action.charter_accept"), "charter", "accept", Style.PRIMARY),
            ),
        ),
    )
    return Reply(
        text=ctx.t(
            "candidate.linked",
            name=candidate.name,
            member=member.display_name,
            profession=candidate.profession,
        )
    )


CANDIDATE = Command(
    "candidate",
    (
        Verb(
            "",
            (
                Param("name", K.TEXT),
                Param("profession", K.TEXT),
                Param("previous", K.LONG_TEXT),
            ),
            has_form=True,
            pipe=True,
            handler=propose,
            args=ProposeArgs,
        ),
        Verb("show", (Param("candidate", K.NUMBER),), handler=show, args=CandidateArgs),
        Verb(
            "interviewers",
            (
                Param("candidate", K.NUMBER),
                Param("first", K.MEMBER),
                Param("second", K.MEMBER),
            ),
            handler=interviewers,
            args=InterviewersArgs,
        ),
        Verb(
            "report",
            (
                Param("candidate", K.NUMBER),
                Param(
                    "recommendation",
                    K.CHOICE,
                    choices=tuple(r.value for r in Recommendation),
                    enum=Recommendation,
                ),
                Param("notes", K.LONG_TEXT, required=False),
                Param("ethics", K.LONG_TEXT, required=False),
                Param("generosity", K.LONG_TEXT, required=False),
                Param("previous_networks", K.LONG_TEXT, required=False),
            ),
            has_form=True,
            pipe=True,
            handler=report,
            args=ReportArgs,
        ),
        Verb(
            "visit",
            (Param("candidate", K.NUMBER), Param("notes", K.LONG_TEXT)),
            pipe=True,
            handler=visit,
            args=VisitArgs,
        ),
        Verb(
            "override",
            (Param("candidate", K.NUMBER), Param("reason", K.LONG_TEXT)),
            pipe=True,
            handler=override,
            args=OverrideArgs,
        ),
        Verb("open", (Param("candidate", K.NUMBER),), handler=open_vote, args=CandidateArgs),
        Verb(
            "vote",
            (
                Param("candidate", K.NUMBER),
                Param("ballot", K.CHOICE, choices=tuple(b.value for b in Ballot), enum=Ballot),
            ),
            handler=vote,
            args=VoteArgs,
        ),
        Verb("close", (Param("candidate", K.NUMBER),), handler=close, args=CandidateArgs),
        Verb("withdraw", (Param("candidate", K.NUMBER),), handler=withdraw, args=CandidateArgs),
        Verb(
            "link",
            (Param("candidate", K.NUMBER), Param("member", K.MEMBER)),
            admin_only=True,
            handler=link,
            args=LinkArgs,
        ),
    ),
    number_first=True,
    show_verb="show",
)
CANDIDATES = Command("candidates", (Verb("", handler=candidates),))
