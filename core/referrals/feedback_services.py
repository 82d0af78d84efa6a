"""`/feedback N SCORE [comment]`: the referrer says whether the client was served well."""

from __future__ import annotations

from dataclasses import dataclass

from core.referrals import followups
from core.referrals.feedback import ALERT_AT_OR_BELOW, ASK_AGAIN_DAYS, SCORES, Feedback
from core.shared.context import Context
from core.shared.declare import Command, Param, Verb
from core.shared.errors import InvalidValue, NotAllowed, ReferralNotFound
from core.shared.tenancy import Role
from core.shared.text import check_length
from core.shared.ui import InputKind as K
from core.shared.ui import Reply

LATER = "later"


@dataclass(frozen=True)
class FeedbackArgs:
    number: int
    score: str
    comment: str


def feedback(ctx: Context, args: FeedbackArgs) -> Reply:
    t = ctx.t
    number = args.number
    referral = ctx.uow.referrals.get(ctx.network.id, number)
    if referral is None:
        raise ReferralNotFound(number=number, concerns="number")
    if referral.referrer_id != ctx.actor.id:
        raise NotAllowed("error.feedback_not_referrer", number=referral.number)
    if referral.status not in followups.FEEDBACK_STATUSES:
        raise InvalidValue(
            "error.feedback_too_soon", number=referral.number, status=referral.status.value
        )
    score_text = args.score.strip().lower()
    comment = check_length(args.comment.strip(), t("param.comment"), "comment")
    if score_text == LATER:
        followups.ask_again(ctx, referral)
        return Reply(text=t.n("feedback.later", ASK_AGAIN_DAYS))
    score = int(score_text)
    ctx.uow.feedback.save(
        Feedback(
            ctx.network.id, referral.id, ctx.actor.id, referral.receiver_id, score, comment, ctx.now
        )
    )
    ctx.uow.outbox.cancel(ctx.network.id, followups.subject(referral), (followups.FEEDBACK,))
    receiver = ctx.name(referral.receiver_id)
    if score <= ALERT_AT_OR_BELOW:
        alert = Reply(
            text=t(
                "notice.low_feedback_comment" if comment else "notice.low_feedback",
                score=score,
                number=referral.number,
                referrer=ctx.actor.display_name,
                member=receiver,
                comment=comment,
            ),
        )
        for member in ctx.uow.members.all(ctx.network.id):
            if Role.ADMIN in member.roles:
                ctx.notify(member.id, alert, kind="alert.feedback")
    ctx.notify(
        referral.receiver_id,
        Reply(
            text=t(
                "notice.feedback_comment" if comment else "notice.feedback",
                score=score,
                number=referral.number,
                referrer=ctx.actor.display_name,
                comment=comment,
            )
        ),
    )
    average, count = ctx.uow.feedback.quality(ctx.network.id, referral.receiver_id)
    return Reply(
        text=t(
            "feedback.recorded",
            score=score,
            number=referral.number,
            member=receiver,
            average=ctx.decimal(average or 0),
            count=count,
        )
    )


FEEDBACK = Command(
    "feedback",
    (
        Verb(
            "",
            (
                Param("number", K.NUMBER),
                Param("score", K.CHOICE, choices=(*(str(score) for score in SCORES), LATER)),
                Param("comment", K.LONG_TEXT, required=False, rest=True),
            ),
            has_form=True,
            handler=feedback,
            args=FeedbackArgs,
        ),
    ),
)

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (FEEDBACK,)
