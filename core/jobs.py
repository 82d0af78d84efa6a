"""Scheduled jobs: outbox rows that do something at their due time, not messages to deliver.

A message row is composed from reads into one notice and sent. A job row runs its handler in
a transaction of its own when it falls due; the handler may write (close a vote, erase a
client's contact, queue notices, schedule its next run) and may return a channel post. The
post is sent before that transaction commits, so what the job wrote and the mark of its row
are kept together, or rolled back together and retried with the row.

Every job kind is in `JOBS`; an outbox row whose kind is not there is a message.
"""

from __future__ import annotations

from collections.abc import Callable

from core.asks import jobs as asks_jobs
from core.charter import reminders as charter_reminders
from core.meetings import calendar as meeting_calendar
from core.meetings import jobs as meeting_jobs
from core.meetings import visitors
from core.meets import jobs as meets
from core.meets import rounds as pairing_rounds
from core.network import lifecycle
from core.recruitment import services as recruitment
from core.referrals import followups, payments
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ui import Notice, Reply
from core.shared.ui_codec import neutralised
from core.stats import digest

# What a job posts when it has something to say: the channel, and the post.
Post = tuple[str, Reply]
Job = Callable[[Context, OutboxItem], Post | None]

JOBS: dict[str, Job] = {
    recruitment.DEADLINE: recruitment.close_at_deadline,
    recruitment.INTERVIEW_REMINDER: recruitment.remind_interviewer,
    recruitment.VOTE_REMINDER: recruitment.remind_voters,
    followups.ERASE_CONTACT: followups.erase_contact,
    payments.REMIND_RECEIVER: payments.remind_receiver,
    payments.TELL_ADMINS: payments.tell_admins,
    charter_reminders.KIND: charter_reminders.compose,
    digest.KIND: digest.compose,
    lifecycle.ERASE: lifecycle.erase_when_due,
    asks_jobs.KIND: asks_jobs.compose,
    meeting_calendar.AGENDA: meeting_jobs.agenda,
    meeting_calendar.CHECKIN: meeting_jobs.checkin,
    meeting_calendar.CLOSE: meeting_jobs.close,
    visitors.ERASE: visitors.erase_contact,
    meets.REMIND: meets.remind,
    meets.CHECK: meets.check,
    meets.RECALL: meets.recall,
    pairing_rounds.KIND: pairing_rounds.run,
}


def job_for(item: OutboxItem) -> Job | None:
    """The job this row runs, or None when the row is a message."""
    return JOBS.get(item.kind)


def run(job: Job, ctx: Context, item: OutboxItem) -> Notice | None:
    """Run the job in `ctx`'s transaction; the notice of its post, if it has one."""
    posted = job(ctx, item)
    if posted is None:
        return None
    channel, reply = posted
    network = ctx.network
    return Notice(
        network.id,
        network.key,
        neutralised(reply),
        channel=channel,
        kind=item.kind,
        key=item.key,
        locale=network.locale,
    )
