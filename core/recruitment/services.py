"""Candidates: proposal, interviewers, blind reports, visits, the secret vote, the decision."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from fractions import Fraction

from core.meetings.links import tie_candidate
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
    Unfit,
    Visit,
    admitted,
    eligible_voters,
    pick_interviewers,
    profession_key,
    tally,
    unfit_to_interview,
)
from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.errors import InvalidValue, NotAllowed, TextTooLong, UsageError
from core.shared.outbox import OutboxItem
from core.shared.tenancy import Member, Role
from core.shared.text import check_length, fold
from core.shared.ui import Action, Field, Reply, Style
from core.shared.ui import InputKind as K
from core.shared.ui_codec import encode_reply

# Jobs (core/jobs.py): each looks at the candidate as it is when it falls due.
DEADLINE = "candidate.deadline"
INTERVIEW_REMINDER = "candidate.interview_reminder"
VOTE_REMINDER = "candidate.vote_reminder"
JOB_KINDS = (DEADLINE, INTERVIEW_REMINDER, VOTE_REMINDER)
REMINDER = "candidate.reminder"  # the notices the reminder jobs send
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


def _require_not_sponsor(ctx: Context, candidate: Candidate) -> None:
    """The sponsor never opens, closes or overrides anything about their own candidate."""
    if ctx.actor.id == candidate.sponsor_id:
        raise NotAllowed("error.sponsor_own_candidate", number=candidate.number)


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


def _holder_of(ctx: Context, profession: str, candidate: Candidate | None = None) -> str:
    """Who already holds this profession in the network, "" when nobody does.

    A holder is a member, an admitted candidate not yet linked to a member, or an open
    candidate proposed before `candidate` (the first proposed keeps its precedence).
    """
    key = profession_key(profession)
    linked = candidate.member_id if candidate else None
    for member in ctx.uow.members.all(ctx.network.id):
        if member.id != linked and member.profession and profession_key(member.profession) == key:
            return member.display_name
    for other in ctx.uow.candidates.holding(ctx.network.id):
        if candidate is not None and (
            other.id == candidate.id
            or (other.stage in OPEN_STAGES and other.number > candidate.number)
        ):
            continue
        if profession_key(other.profession) == key:
            return ctx.t("candidate.holder_candidate", number=other.number, name=other.name)
    return ""


def _check_conflict(ctx: Context, candidate: Candidate) -> None:
    """Look again at who holds the candidate's profession (a member may have taken it since
    the proposal, an earlier candidate may have left); the caller stores the result."""
    holder = _holder_of(ctx, candidate.profession, candidate) if ctx.network.exclusivity else ""
    if holder or not candidate.override_reason:
        candidate.exclusivity_conflict = holder


def _charter_accepted(ctx: Context, member_ids: list[int]) -> set[int] | None:
    """Who among `member_ids` accepted the current charter; None when there is none."""
    current = ctx.uow.charters.current(ctx.network.id)
    if current is None:
        return None
    charters = ctx.uow.charters
    return {i for i in member_ids if charters.accepted(ctx.network.id, i, current.version)}


UNFIT_ERRORS = {
    Unfit.SPONSOR: "error.interviewer_is_sponsor",
    Unfit.NOT_EXPERIENCED: "error.interviewer_not_experienced",
    Unfit.NO_CHARTER: "error.interviewer_no_charter",
    Unfit.SAME_PROFESSION: "error.interviewer_same_profession",
}


def _fitness(ctx: Context, candidate: Candidate, member: Member) -> Unfit | None:
    accepted = _charter_accepted(ctx, [member.id])
    return unfit_to_interview(
        member,
        candidate.sponsor_id,
        candidate.profession,
        ctx.now,
        ctx.network.experienced_days,
        accepted,
    )


def _remind(ctx: Context, member_id: int, reply: Reply, key: str) -> None:
    """A reminder to a member, once per `key` (a job that runs twice reminds once)."""
    ctx.schedule(
        OutboxItem(
            ctx.network.id,
            REMINDER,
            ctx.now,
            {"reply": encode_reply(reply)},
            member_id=member_id,
            key=key,
        )
    )


def _report_action(ctx: Context, candidate: Candidate) -> Action:
    return Action(
        ctx.t("action.file_report"), "candidate", f"{candidate.number} report", Style.PRIMARY
    )


def _assign(ctx: Context, candidate: Candidate, interviewers: list[int]) -> None:
    candidate.interviewers = interviewers
    candidate.reports = {i: r for i, r in candidate.reports.items() if i in interviewers}
    ctx.uow.candidates.set_interviewers(candidate, ctx.now)
    ctx.uow.outbox.cancel(ctx.network.id, thread_of(candidate), (INTERVIEW_REMINDER,))
    for interviewer in interviewers:
        ctx.schedule(
            OutboxItem(
                ctx.network.id,
                INTERVIEW_REMINDER,
                ctx.now + timedelta(days=ctx.network.interview_days),
                {"candidate": candidate.number, "interviewer": interviewer},
                key=f"interview-reminder:{candidate.id}:{interviewer}:{len(candidate.events)}",
                subject=thread_of(candidate),
            )
        )
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
        actions=(_report_action(ctx, candidate),),
    )
    for interviewer in interviewers:
        ctx.notify(interviewer, ask, kind="candidate.interview")


def remind_interviewer(ctx: Context, item: OutboxItem) -> None:
    """An interviewer's reminder job (core/jobs.py): sent when their report is still not in
    `interview-days` after they were assigned."""
    candidate = ctx.uow.candidates.get(ctx.network.id, int(item.payload["candidate"]))
    interviewer = int(item.payload["interviewer"])
    if (
        candidate is None
        or candidate.stage is not Stage.INTERVIEWS
        or interviewer not in candidate.interviewers
        or interviewer in candidate.reports
    ):
        return
    reminder = Reply(
        text=ctx.t(
            "notice.interview_reminder",
            name=candidate.name,
            profession=candidate.profession,
            number=candidate.number,
        ),
        actions=(_report_action(ctx, candidate),),
    )
    _remind(ctx, interviewer, reminder, f"{item.key}:notice")


def _too_few_interviewers(ctx: Context, candidate: Candidate) -> None:
    """Nobody can be assigned automatically: the recruiters' thread and the admins are told (the
    recruiters one by one when the network has no recruiters channel)."""
    t = ctx.t
    _event(ctx, candidate, "too_few_interviewers")
    _post(
        ctx,
        candidate,
        Reply(text=t("candidate.too_few_post", number=candidate.number)),
    )
    notice = Reply(
        text=t(
            "notice.too_few_interviewers",
            name=candidate.name,
            profession=candidate.profession,
            number=candidate.number,
        )
    )
    for member in ctx.uow.members.all(ctx.network.id):
        recruiter = Role.RECRUITER in member.roles and not ctx.network.recruiters_channel
        if member.is_admin or recruiter:
            ctx.notify(member.id, notice, kind="candidate.too_few")


def propose(ctx: Context, args: ProposeArgs) -> Reply:
    t = ctx.t
    name = _short(ctx, _text(ctx, args.name, "name"), "name")
    profession = _short(ctx, _text(ctx, args.profession, "profession"), "profession")
    previous = _text(ctx, args.previous, "previous")
    for other in ctx.uow.candidates.open(ctx.network.id):
        if fold(other.name) == fold(name) and profession_key(other.profession) == profession_key(
            profession
        ):
            raise InvalidValue(
                "error.candidate_duplicate",
                number=other.number,
                name=other.name,
                profession=other.profession,
            )
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
    tie_candidate(ctx, candidate)
    members = ctx.uow.members.all(ctx.network.id)
    picked = pick_interviewers(
        members,
        ctx.actor.id,
        ctx.now,
        ctx.network.experienced_days,
        ctx.uow.candidates.last_assigned(ctx.network.id),
        profession,
        _charter_accepted(ctx, [m.id for m in members]),
    )
    if len(picked) == 2:
        _assign(ctx, candidate, picked)
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
    if len(picked) < 2:
        _too_few_interviewers(ctx, candidate)
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
    for member, param in ((first, "first"), (second, "second")):
        unfit = _fitness(ctx, candidate, member)
        if unfit is not None:
            raise InvalidValue(
                UNFIT_ERRORS[unfit],
                name=member.display_name,
                profession=candidate.profession,
                concerns=param,
            )
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
    _require_not_sponsor(ctx, candidate)
    _require_stage(ctx, candidate, *OPEN_STAGES)
    _check_conflict(ctx, candidate)
    if not candidate.exclusivity_conflict:
        raise InvalidValue("error.no_exclusivity_conflict", number=candidate.number)
    candidate.override_reason = _text(ctx, args.reason, "reason")
    ctx.uow.candidates.update(candidate)
    _event(ctx, candidate, "override", candidate.override_reason)
    _audit(
        ctx,
        "candidate.override_exclusivity",
        f"#{candidate.number} {candidate.name} ({candidate.exclusivity_conflict}) — "
        f"{candidate.override_reason}",
    )
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


def override_process(ctx: Context, args: OverrideArgs) -> Reply:
    """An admin opens the vote without the interviews, reports or visit, giving a reason: the
    one way around the process, kept on the card and in the audit trail."""
    ctx.require_admin()
    candidate = _get(ctx, args.candidate)
    _require_not_sponsor(ctx, candidate)
    _require_stage(ctx, candidate, Stage.INTERVIEWS)
    reason = _text(ctx, args.reason, "reason")
    _check_conflict(ctx, candidate)
    if candidate.blocked:
        raise InvalidValue(
            "error.exclusivity_blocks",
            number=candidate.number,
            holder=candidate.exclusivity_conflict,
        )
    missing = _missing(ctx, candidate)
    candidate.process_override = reason
    _event(ctx, candidate, "process_override", reason)
    _audit(ctx, "candidate.override_process", f"#{candidate.number} {candidate.name} — {reason}")
    _post(
        ctx,
        candidate,
        Reply(
            text=ctx.t(
                "candidate.process_override_post",
                who=ctx.actor.display_name,
                reason=reason,
                missing=ctx.t("candidate.missing_separator").join(missing) or "-",
            )
        ),
    )
    _open(ctx, candidate)
    return replace(
        card(ctx, candidate),
        text=ctx.t("candidate.process_override_saved", number=candidate.number),
    )


def _audit(ctx: Context, what: str, detail: str) -> None:
    ctx.uow.audit.add(AuditEntry(ctx.network.id, ctx.actor.id, ctx.now, what, detail))


# The vote


def _missing(ctx: Context, candidate: Candidate) -> list[str]:
    """What the process still lacks before the vote may open, said the way members read it."""
    t = ctx.t
    if candidate.process_override:
        return []
    missing: list[str] = []
    if len(candidate.interviewers) < 2:
        missing.append(t("candidate.missing_interviewers", number=candidate.number))
    else:
        found = ctx.uow.members.many(ctx.network.id, candidate.interviewers)
        accepted = _charter_accepted(ctx, candidate.interviewers)
        for interviewer in candidate.interviewers:
            member = found.get(interviewer)
            unfit = (
                unfit_to_interview(
                    member,
                    candidate.sponsor_id,
                    candidate.profession,
                    ctx.now,
                    ctx.network.experienced_days,
                    accepted,
                )
                if member is not None
                else Unfit.NOT_EXPERIENCED
            )
            name = ctx.name(interviewer)
            if unfit is not None:
                missing.append(
                    t("candidate.missing_fit", name=name, why=t(f"unfit.{unfit.value}"))
                )
            if interviewer not in candidate.reports:
                missing.append(t("candidate.missing_report", name=name))
    if ctx.network.site_visit and not candidate.visits:
        missing.append(t("candidate.missing_visit", number=candidate.number))
    return missing


def _blockers(ctx: Context, candidate: Candidate) -> list[str]:
    """Everything that keeps the vote closed; empty when it may open."""
    blockers = _missing(ctx, candidate)
    if candidate.blocked:
        blockers.append(
            ctx.t(
                "candidate.missing_override",
                holder=candidate.exclusivity_conflict,
                number=candidate.number,
            )
        )
    return blockers


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
    remind_at = candidate.vote_deadline - timedelta(days=1)
    if remind_at > ctx.now:
        ctx.schedule(
            OutboxItem(
                ctx.network.id,
                VOTE_REMINDER,
                remind_at,
                {"candidate": candidate.number},
                key=f"vote-reminder:{candidate.id}:{ctx.now.isoformat()}",
                subject=thread_of(candidate),
            )
        )
    t = ctx.t
    ballot_call = Reply(
        text=t(
            "candidate.vote_post", name=candidate.name, deadline=ctx.moment(candidate.vote_deadline)
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
                    deadline=ctx.moment(candidate.vote_deadline),
                ),
            ),
            kind="candidate.vote",
        )


def _maybe_open(ctx: Context, candidate: Candidate) -> bool:
    """Open the vote when nothing keeps it closed; a profession conflict found on the way is
    kept on the card."""
    if candidate.stage is not Stage.INTERVIEWS:
        return False
    before = candidate.exclusivity_conflict
    _check_conflict(ctx, candidate)
    if _blockers(ctx, candidate):
        if candidate.exclusivity_conflict != before:
            ctx.uow.candidates.update(candidate)
        return False
    _open(ctx, candidate)
    return True


def open_vote(ctx: Context, args: CandidateArgs) -> Reply:
    """Open the vote by hand (after an interviewer accepted the charter, or a conflicting
    candidate left): refused, saying what is missing, until the process is complete."""
    _require_recruiter(ctx)
    candidate = _get(ctx, args.candidate)
    _require_not_sponsor(ctx, candidate)
    _require_stage(ctx, candidate, Stage.INTERVIEWS)
    _check_conflict(ctx, candidate)
    blockers = _blockers(ctx, candidate)
    if blockers:
        raise InvalidValue(
            "error.vote_not_ready",
            number=candidate.number,
            missing=ctx.t("candidate.missing_separator").join(blockers),
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
    _require_not_sponsor(ctx, candidate)
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
    candidate.decision_note = t(
        "candidate.rule", quorum=str(quorum), threshold=str(threshold), why=t(f"close.{why}")
    )
    if yes:
        _check_conflict(ctx, candidate)
        if candidate.blocked:  # someone took the profession while the vote was open
            yes = False
            candidate.decision_note += " " + t(
                "candidate.blocked_at_admission", holder=candidate.exclusivity_conflict
            )
    candidate.stage = Stage.ADMITTED if yes else Stage.REJECTED
    candidate.decided_at = ctx.now
    ctx.uow.candidates.update(candidate)
    ctx.uow.outbox.cancel(ctx.network.id, thread_of(candidate), JOB_KINDS)
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


def remind_voters(ctx: Context, item: OutboxItem) -> None:
    """The vote's reminder job (core/jobs.py), a day before the deadline: each eligible
    recruiter who has not voted yet is reminded."""
    candidate = ctx.uow.candidates.get(ctx.network.id, int(item.payload["candidate"]))
    if candidate is None or candidate.stage is not Stage.VOTE or candidate.vote_deadline is None:
        return
    reminder = Reply(
        text=ctx.t(
            "notice.vote_reminder",
            name=candidate.name,
            number=candidate.number,
            deadline=ctx.moment(candidate.vote_deadline),
        ),
        actions=vote_actions(ctx, candidate),
    )
    for voter in eligible_voters(ctx.uow.members.all(ctx.network.id), candidate):
        if voter not in candidate.votes:
            _remind(ctx, voter, reminder, f"{item.key}:{voter}")


def withdraw(ctx: Context, args: CandidateArgs) -> Reply:
    candidate = _get(ctx, args.candidate, lock=True)
    if ctx.actor.id != candidate.sponsor_id and not ctx.actor.is_admin:
        raise NotAllowed("error.sponsor_or_admin")
    _require_stage(ctx, candidate, *OPEN_STAGES)
    candidate.stage = Stage.WITHDRAWN
    candidate.decided_at = ctx.now
    ctx.uow.candidates.update(candidate)
    ctx.uow.outbox.cancel(ctx.network.id, thread_of(candidate), JOB_KINDS)
    _event(ctx, candidate, "withdrawn")
    _post(ctx, candidate, Reply(text=ctx.t("candidate.withdrawn_post", who=ctx.actor.display_name)))
    return Reply(text=ctx.t("candidate.withdrawn", number=candidate.number, name=candidate.name))


def link(ctx: Context, args: LinkArgs) -> Reply:
    """Turn an admitted candidate into the member account they opened.

    Only a new account qualifies: one that joined the network after the candidate was proposed
    and has no profession yet. An earlier member (or one already linked, who holds a
    profession) is someone else, whose profession and welcome must not be rewritten.
    """
    ctx.require_admin()
    candidate = _get(ctx, args.candidate)
    _require_stage(ctx, candidate, Stage.ADMITTED)
    if candidate.member_id is not None:
        raise InvalidValue(
            "error.candidate_already_linked",
            number=candidate.number,
            member=ctx.name(candidate.member_id),
        )
    member = args.member
    if member.profession:
        raise InvalidValue(
            "error.link_has_profession",
            member=member.display_name,
            profession=member.profession,
            concerns="member",
        )
    if member.joined_at is not None and member.joined_at < candidate.created_at:
        raise InvalidValue(
            "error.link_existing_member",
            member=member.display_name,
            number=candidate.number,
            since=ctx.day(member.joined_at),
            concerns="member",
        )
    member.profession = candidate.profession
    ctx.uow.members.update(member)
    candidate.member_id = member.id
    ctx.uow.candidates.update(candidate)
    _event(ctx, candidate, "linked", member.display_name)
    _audit(ctx, "candidate.linked", f"#{candidate.number} {candidate.name} → {member.display_name}")
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
                Param("name", K.TEXT, max_length=SHORT_TEXT),
                Param("profession", K.TEXT, max_length=SHORT_TEXT),
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
        Verb(
            "override-process",
            (Param("candidate", K.NUMBER), Param("reason", K.LONG_TEXT)),
            admin_only=True,
            pipe=True,
            handler=override_process,
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

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (CANDIDATE, CANDIDATES)
