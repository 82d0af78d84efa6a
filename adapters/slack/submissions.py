"""Answering a modal submission within Slack's 3 seconds.

Validation errors must travel in the ack itself (`response_action: errors`), so core runs
before the ack here, on the runner's pool with a deadline: when core answers in time, errors
appear next to their field and success closes the modal; when it does not, the modal closes
and the outcome, error or not, follows as a message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient

from adapters.slack.field_errors import errors_for, field_for
from adapters.slack.modals import Origin, form_view, input_labels
from adapters.slack.outcomes import show
from adapters.slack.people import Who
from adapters.slack.runner import Outcome, Runner

log = logging.getLogger(__name__)


def member_values(view: dict[str, Any], values: dict[str, str]) -> dict[str, str]:
    """The users picked in the modal (core enrols them with the command)."""
    pickers = {
        b["block_id"]
        for b in view.get("blocks", [])
        if (b.get("element") or {}).get("type") == "users_select"
    }
    return {values[name]: "" for name in pickers if values.get(name)}


def settle(
    ack: Ack,
    client: WebClient,
    runner: Runner,
    body: dict[str, Any],
    job: Callable[[], Outcome],
    replace: bool,
) -> None:
    view: dict[str, Any] = body["view"]
    who = Who.from_interaction(body)
    origin = Origin.load(str(view.get("private_metadata") or ""))
    future = runner.start(job)
    try:
        outcome = future.result(timeout=runner.deadline)
    except FutureTimeout:
        ack()
        log.info(
            "core took longer than %.1f s on a modal; answering after the ack", runner.deadline
        )
        future.add_done_callback(lambda done: _late(done, client, runner, who, origin, replace))
        return
    reply = outcome.reply
    if reply.error:
        block = field_for(reply.problem, list(input_labels(view)))
        ack(response_action="errors", errors=errors_for(reply.text, block))
        return
    if reply.form is not None:
        submit = runner.translator(who.team_id)("form.submit")
        next_origin = Origin(
            reply.form.command,
            reply.form.verb,
            "",
            origin.response_url,
            origin.home,
            origin.channel,
            private=origin.private,
        )
        ack(response_action="update", view=form_view(reply.form, next_origin, submit))
        return
    ack()
    show(client, runner, who, origin, reply, replace)


def _late(
    done: Future[Outcome],
    client: WebClient,
    runner: Runner,
    who: Who,
    origin: Origin,
    replace: bool,
) -> None:
    try:
        show(client, runner, who, origin, done.result().reply, replace)
    except Exception:
        runner.unexpected(who, "late modal answer")
