"""The one place the adapter calls core: build the invocation, run it, never raise.

Core calls are synchronous and hit the database; Bolt runs listeners on its own threads, so
they run there (or, for modal submissions that must answer within Slack's 3 seconds, on this
runner's pool with a deadline). An unexpected failure becomes a short message with a request
id; the trace goes to the log under that id, never to the user.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from adapters.common.incident import incident_reply
from adapters.slack.directory import TeamNames, UserDirectory
from adapters.slack.inbox import CURRENT as inbox_request
from adapters.slack.people import Who
from core.app import Apport, Invocation, PlatformUser
from core.shared.i18n import Translator
from core.shared.ui import Reply
from storage.inbox import Inbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    reply: Reply


class Runner:
    def __init__(
        self,
        apport: Apport,
        directory: UserDirectory,
        teams: TeamNames,
        deadline: float = 2.0,
        workers: int = 8,
        inbox: Inbox | None = None,
        forget: Callable[[str], None] | None = None,
    ) -> None:
        self.apport = apport
        self.forget = forget  # drops a workspace's kept token once the app is removed
        self.inbox = inbox  # where requests are recorded before Slack is acknowledged
        self.directory = directory
        self.teams = teams
        self.deadline = deadline  # how long a modal submission waits for core before acking
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="apport-slack")

    def invocation(
        self,
        who: Who,
        command: str,
        text: str = "",
        verb: str = "",
        values: Mapping[str, str] | None = None,
        mentioned: Mapping[str, str] | None = None,
    ) -> Invocation:
        user = self.directory.get(who.team_id, who.user_id, who.user_name)
        return Invocation(
            network_key=who.team_id,
            network_name=self.teams.name(who.team_id, who.team_domain),
            user_id=who.user_id,
            user_name=user.name,
            command=command,
            text=text,
            verb=verb,
            values=values,
            platform_admin=user.admin,
            mentions=self._mentions(who, mentioned or {}),
        )

    def run(
        self,
        who: Who,
        command: str,
        text: str = "",
        verb: str = "",
        values: Mapping[str, str] | None = None,
        mentioned: Mapping[str, str] | None = None,
    ) -> Reply:
        """Core's reply; unexpected failures come back as an error reply with a request id."""
        return self.outcome(who, command, text, verb, values, mentioned).reply

    def outcome(
        self,
        who: Who,
        command: str,
        text: str = "",
        verb: str = "",
        values: Mapping[str, str] | None = None,
        mentioned: Mapping[str, str] | None = None,
    ) -> Outcome:
        """The reply; an error reply names its problem (`reply.problem`)."""
        try:
            reply = self.apport.handle(self.invocation(who, command, text, verb, values, mentioned))
        except Exception:
            return Outcome(self.unexpected(who, f"{command} {verb}".strip()))
        if not reply.error:  # a refusal rolled back: running it again refuses it again
            self._committed()
        return Outcome(reply)

    def _committed(self) -> None:
        """Core is done with the current request: a restart must not run it again."""
        key = inbox_request.get()
        if key and self.inbox is not None:
            try:
                self.inbox.committed(key)
            except SQLAlchemyError:
                log.warning("could not note request %s as committed", key, exc_info=True)

    def start(self, job: Callable[[], Outcome]) -> Future[Outcome]:
        """Run `job` on the pool, with the current request still current there."""
        return self.pool.submit(contextvars.copy_context().run, job)

    def _mentions(self, who: Who, mentioned: Mapping[str, str]) -> tuple[PlatformUser, ...]:
        """A Slack user is a member of their workspace's network: the people a command names,
        but for bots and deactivated accounts, which core enrols with the command."""
        found: list[PlatformUser] = []
        for user_id, name in mentioned.items():
            if user_id == who.user_id:
                continue
            user = self.directory.get(who.team_id, user_id, name)
            if not (user.bot or user.deleted):
                found.append(PlatformUser(user_id, user.name))
        return tuple(found)

    def uninstalled(self, team_id: str) -> None:
        """The app was removed from the workspace: core stops sending there."""
        if self.forget is not None:
            self.forget(team_id)
        try:
            self.apport.uninstalled(team_id)
        except Exception:  # Slack does not retry a failed ack'd event: say so in the log
            log.exception("could not mark %s uninstalled", team_id)

    def translator(self, team_id: str) -> Translator:
        try:
            return Translator(self.apport.locale_of(team_id))
        except Exception:  # the database may be what failed
            log.warning("could not read the locale of %s", team_id, exc_info=True)
            return Translator(self.apport.default_locale)

    def unexpected(self, who: Who, what: str) -> Reply:
        return incident_reply(
            self.translator(who.team_id), log, f"{what} in {who.team_id} by {who.user_id}"
        )

    def close(self) -> None:
        self.pool.shutdown(wait=True)
