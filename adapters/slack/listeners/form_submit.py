"""A submitted form modal (`/refer` alone, `/charter edit`, `/apport feedback`): the values go
to core by input name; errors come back next to their field."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from adapters.slack.inbox import recorded
from adapters.slack.modals import FORM_CALLBACK, Origin, read_values
from adapters.slack.people import Who
from adapters.slack.runner import Outcome, Runner
from adapters.slack.submissions import member_values, settle

REPLACE = False


def job_for(runner: Runner, body: dict[str, Any]) -> Callable[[], Outcome]:
    view: dict[str, Any] = body["view"]
    origin = Origin.load(str(view.get("private_metadata") or ""))
    values = read_values(view)
    who = Who.from_interaction(body)

    def job() -> Outcome:
        return runner.outcome(
            who,
            origin.command,
            verb=origin.verb,
            values=values,
            mentioned=member_values(view, values),
        )

    return job


def handle(runner: Runner, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    settle(ack, client, runner, body, job_for(runner, body), replace=REPLACE)


def register(app: App, runner: Runner) -> None:
    app.view(FORM_CALLBACK)(recorded(runner.inbox, partial(handle, runner)))
