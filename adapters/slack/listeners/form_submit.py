"""A submitted form modal (`/refer` alone, `/charter edit`, `/apport feedback`): the values go
to core by input name; errors come back next to their field."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from adapters.slack.modals import FORM_CALLBACK, Origin, read_values
from adapters.slack.people import Who
from adapters.slack.runner import Outcome, Runner
from adapters.slack.submissions import member_values, settle


def register(app: App, runner: Runner) -> None:
    @app.view(FORM_CALLBACK)
    def on_form(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
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

        settle(ack, client, runner, body, job, replace=False)
