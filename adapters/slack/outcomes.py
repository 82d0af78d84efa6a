"""Showing the user what their command, button or modal did, where they did it."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from adapters.slack.files import upload_to_user
from adapters.slack.home import publish_home
from adapters.slack.modals import Origin, form_view
from adapters.slack.people import Who
from adapters.slack.render import fallback_text, pages
from adapters.slack.runner import Runner
from core.shared.ui import Form, Reply

log = logging.getLogger(__name__)


CONTINUED = "…"  # the notification text of a reply's next messages


def messages(reply: Reply) -> list[dict[str, Any]]:
    """The reply as Slack messages: one, or several when it holds more than a message does."""
    first, *more = pages(reply)
    return [
        {"text": fallback_text(reply), "blocks": first},
        *({"text": CONTINUED, "blocks": blocks} for blocks in more),
    ]


def message(reply: Reply) -> dict[str, Any]:
    """The reply's first message (all of it, but for a reply longer than a message)."""
    return messages(reply)[0]


SLACK_HOOKS = "hooks.slack.com"


def trusted_response_url(url: str, api_url: str) -> bool:
    """A response_url is answered only on Slack's own hosts: `https://hooks.slack.com`, or the
    host (and port) of the configured Web API, whose scheme it must share."""
    try:
        parts, api = urlsplit(url), urlsplit(api_url)
        port, api_port = parts.port, api.port  # a malformed port raises ValueError
    except ValueError:
        return False
    if parts.username or parts.password:
        return False
    if parts.scheme == "https" and parts.hostname == SLACK_HOOKS and port in (None, 443):
        return True
    return (
        bool(api.hostname)
        and parts.scheme == api.scheme
        and parts.hostname == api.hostname
        and port == api_port
    )


def to_response_url(url: str, reply: Reply, replace: bool, api_url: str) -> None:
    """Answer through a response_url: a new ephemeral message, or the clicked message replaced
    (so its buttons cannot be pressed again). A URL on any other host is refused and logged."""
    if not trusted_response_url(url, api_url):
        log.warning("refused to answer through a response_url on %r", urlsplit(url).netloc)
        return
    for n, part in enumerate(messages(reply)):
        if replace and n == 0:
            sent = WebhookClient(url).send(replace_original=True, **part)
        else:  # a reply's next messages follow the first
            sent = WebhookClient(url).send(
                response_type="ephemeral", replace_original=False, **part
            )
        if sent.status_code != 200:
            log.warning("response_url answered %s", sent.status_code)
            return


def show(
    client: WebClient, runner: Runner, who: Who, origin: Origin, reply: Reply, replace: bool
) -> None:
    """Home tab republished, the original message replaced (only when the presser alone sees
    it), an ephemeral reply, or a DM; the reply's files follow in the user's DM with the bot
    (Slack has no ephemeral files)."""
    if origin.home:
        publish_home(client, runner, who, banner=reply)
    elif origin.response_url:
        replace = replace and origin.private and not reply.error
        to_response_url(origin.response_url, reply, replace, client.base_url)
    else:
        for part in messages(reply):
            client.chat_postMessage(channel=who.user_id, **part)
    if reply.files:
        send_files(client, runner, who, reply)


def send_files(client: WebClient, runner: Runner, who: Who, reply: Reply) -> None:
    try:
        upload_to_user(client, who.user_id, reply.files)
    except (SlackApiError, SlackClientError, OSError):
        failed = runner.unexpected(who, "file upload")  # logs the trace with a request id
        try:
            client.chat_postMessage(channel=who.user_id, **message(failed))
        except (SlackApiError, SlackClientError, OSError):
            log.warning("could not tell %s that their file did not upload", who.user_id)


def open_form(
    client: WebClient, runner: Runner, who: Who, body: dict[str, Any], form: Form, origin: Origin
) -> bool:
    """Open `form` as a modal; False when Slack refused (the trigger expired, say): the caller
    then shows the reply, whose form renders as a button that opens it again."""
    submit = runner.translator(who.team_id)("form.submit")
    origin = Origin(
        command=form.command,
        verb=form.verb,
        response_url=origin.response_url,
        home=origin.home,
        channel=origin.channel,
        private=origin.private,
    )
    try:
        client.views_open(trigger_id=str(body["trigger_id"]), view=form_view(form, origin, submit))
    except (SlackApiError, KeyError) as error:
        log.warning("could not open the %s form: %s", form.command, type(error).__name__)
        return False
    return True
