"""How a candidate is shown: the card everyone may see, and the record for those who may."""

from __future__ import annotations

from core.recruitment.model import Candidate, Report, Stage, Tally
from core.shared.context import Context
from core.shared.tenancy import Role
from core.shared.ui import Action, Field, Reply, Style


def may_see_record(ctx: Context, candidate: Candidate) -> bool:
    me = ctx.actor
    return (
        Role.RECRUITER in me.roles
        or me.is_admin
        or me.id == candidate.sponsor_id
        or me.id in candidate.interviewers
    )


def thread_of(candidate: Candidate) -> str:
    return f"candidate:{candidate.id}"


def title_of(ctx: Context, candidate: Candidate) -> str:
    return ctx.t(
        "candidate.title",
        number=candidate.number,
        name=candidate.name,
        profession=candidate.profession,
    )


def report_lines(ctx: Context, report: Report) -> list[str]:
    t = ctx.t
    lines = [
        t(
            "candidate.report_line",
            who=ctx.name(report.interviewer_id),
            recommendation=t(f"recommendation.{report.recommendation.value}"),
        )
    ]
    for name in ("ethics", "generosity", "previous_networks", "notes"):
        value = getattr(report, name)
        if value:
            lines.append(f"  {t(f'report.{name}')}: {value}")
    return lines


def tally_line(ctx: Context, result: Tally) -> str:
    return ctx.t(
        "candidate.tally",
        yes=result.yes,
        no=result.no,
        abstain=result.abstain,
        count=result.turnout,
        eligible=result.eligible,
    )


def vote_actions(ctx: Context, candidate: Candidate) -> tuple[Action, ...]:
    t = ctx.t
    styles = {"yes": Style.PRIMARY, "no": Style.DANGER, "abstain": Style.DEFAULT}
    return tuple(
        Action(t(f"ballot.{b}"), "candidate", f"{candidate.number} vote {b}", styles[b])
        for b in ("yes", "no", "abstain")
    )


def card(ctx: Context, candidate: Candidate, result: Tally | None = None) -> Reply:
    t = ctx.t
    fields = [
        Field(t("field.profession"), candidate.profession),
        Field(t("field.sponsor"), ctx.name(candidate.sponsor_id)),
        Field(t("field.stage"), t(f"stage.{candidate.stage.value}")),
        Field(
            t("field.interviewers"),
            ", ".join(ctx.name(i) for i in candidate.interviewers)
            or t("candidate.no_interviewers"),
        ),
    ]
    if candidate.exclusivity_conflict:
        note = t("candidate.exclusivity", holder=candidate.exclusivity_conflict)
        if candidate.override_reason:
            note += " " + t("candidate.overridden", reason=candidate.override_reason)
        fields.append(Field(t("field.exclusivity"), note))
    if candidate.process_override:
        fields.append(Field(t("field.process_override"), candidate.process_override))
    if candidate.stage is Stage.VOTE:
        voters = ", ".join(ctx.name(v) for v in candidate.votes) or "-"
        fields.append(Field(t("field.voted"), voters))
        if candidate.vote_deadline:
            fields.append(Field(t("field.deadline"), ctx.moment(candidate.vote_deadline)))
    if result is not None and candidate.stage in (Stage.ADMITTED, Stage.REJECTED):
        fields.append(Field(t("field.tally"), tally_line(ctx, result)))
    if candidate.decision_note:
        fields.append(Field(t("field.decision"), candidate.decision_note))
    lines: list[str] = []
    actions: list[Action] = []
    if may_see_record(ctx, candidate):
        fields.append(Field(t("field.previous_networks"), candidate.previous_networks))
        lines.extend(_reports_visible(ctx, candidate))
        lines.extend(
            t("candidate.visit_line", who=ctx.name(v.member_id), at=ctx.moment(v.at), notes=v.notes)
            for v in candidate.visits
        )
        lines.extend(
            t(
                "candidate.history_line_detail" if e.detail else "candidate.history_line",
                at=ctx.moment(e.at),
                who=ctx.name(e.actor_id) if e.actor_id else "Apport",
                what=t(f"event.{e.what}"),
                detail=e.detail,
            )
            for e in candidate.events
        )
        actions.extend(_actions_for_viewer(ctx, candidate))
    return Reply(
        title=title_of(ctx, candidate),
        fields=tuple(fields),
        lines=tuple(lines),
        actions=tuple(actions),
    )


def _reports_visible(ctx: Context, candidate: Candidate) -> list[str]:
    """Both reports once both are filed; before that, only the viewer's own."""
    lines: list[str] = []
    for interviewer in candidate.interviewers:
        report = candidate.reports.get(interviewer)
        if report is None:
            continue
        if candidate.reports_complete or interviewer == ctx.actor.id:
            lines.extend(report_lines(ctx, report))
        else:
            lines.append(ctx.t("candidate.report_hidden", who=ctx.name(interviewer)))
    return lines


def _actions_for_viewer(ctx: Context, candidate: Candidate) -> list[Action]:
    t = ctx.t
    me = ctx.actor
    actions: list[Action] = []
    if candidate.stage is Stage.INTERVIEWS and me.id in candidate.interviewers:
        actions.append(
            Action(
                t("action.file_report"), "candidate", f"{candidate.number} report", Style.PRIMARY
            )
        )
    if (
        candidate.stage is Stage.VOTE
        and Role.RECRUITER in me.roles
        and me.id != candidate.sponsor_id
    ):
        actions.extend(vote_actions(ctx, candidate))
    return actions
