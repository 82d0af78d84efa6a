"""The one place the adapter calls core: build the invocation, run it, never raise.

Core calls are synchronous and hit the database; Bolt runs listeners on its own threads, so
they run there (or, for modal submissions that must answer within Slack's 3 seconds, on this
runner's pool with a deadline). An unexpected failure becomes a short message with a request
id; the trace goes to the log under that id, never to the user.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from adapters.slack.directory import TeamNames, UserDirectory
from adapters.slack.facade import SlackApport
from adapters.slack.people import Who
from core.app import Invocation
from core.errors import ApportError
from core.i18n import Translator
from core.ui import Reply

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    reply: Reply
    error: ApportError | None = None  # the domain error behind an error reply, when core said


class Runner:
    def __init__(
        self,
        apport: SlackApport,
        directory: UserDirectory,
        teams: TeamNames,
        deadline: float = 2.0,
        workers: int = 8,
    ) -> None:
        self.apport = apport
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
    ) -> Invocation:
        user = self.directory.get(who.user_id, who.user_name)
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
        """The reply, with the domain error behind it when it is a refusal."""
        self.apport.forget_error()
        try:
            if mentioned:
                self._join(who, mentioned)
            reply = self.apport.handle(self.invocation(who, command, text, verb, values))
        except Exception:
            return Outcome(self.unexpected(who, f"{command} {verb}".strip()))
        return Outcome(reply, self.apport.last_error() if reply.error else None)

    def start(self, job: Callable[[], Outcome]) -> Future[Outcome]:
        return self.pool.submit(job)

    def _join(self, who: Who, mentioned: Mapping[str, str]) -> None:
        """A Slack user is a member of their workspace's network: make the mentioned ones
        members before core looks them up (the actor first, so the first member stays first)."""
        self.apport.join(self.invocation(who, "join"))
        for user_id, name in mentioned.items():
            if user_id == who.user_id:
                continue
            user = self.directory.get(user_id, name)
            if user.bot or user.deleted:
                continue
            self.apport.join(
                self.invocation(Who(who.team_id, who.team_domain, user_id, name), "join")
            )

    def translator(self, team_id: str) -> Translator:
        try:
            return Translator(self.apport.locale_of(team_id))
        except Exception:  # the database may be what failed
            log.warning("could not read the locale of %s", team_id, exc_info=True)
            return Translator(self.apport.default_locale)

    def unexpected(self, who: Who, what: str) -> Reply:
        request_id = secrets.token_hex(4)
        log.exception(
            "request %s failed (%s in %s by %s)", request_id, what, who.team_id, who.user_id
        )
        text = self.translator(who.team_id)("error.unexpected")
        return Reply(text=f"{text} (ref. {request_id})", error=True)

    def close(self) -> None:
        self.pool.shutdown(wait=True)
