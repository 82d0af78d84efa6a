"""The application facade every adapter calls: one invocation in, one reply out.

It opens the unit of work, finds or creates the network and the acting member, dispatches to
the service for the command, commits, then hands the notices to the messenger. Domain errors
become localised error replies; nothing is committed when one is raised.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from core import guidance
from core.charter import reminders as charter_reminders
from core.charter import services as charter
from core.commands import COMMANDS, find_command
from core.network import lifecycle
from core.referrals.model import STATUS_KEYS, Status
from core.referrals.suggest import referral_numbers
from core.shared.charts_port import ChartRenderer
from core.shared.context import Context
from core.shared.declare import (
    Command,
    MentionReader,
    Verb,
    check_args,
    convert,
    form_for,
    parse,
    plain_mention,
    usage,
)
from core.shared.errors import AdminOnly, ApportError, UnknownCommand, UsageError
from core.shared.i18n import Translator
from core.shared.ports import Clock, UnitOfWork, UnitOfWorkFactory
from core.shared.tenancy import Member, Network, Role
from core.shared.text import plain_channel
from core.shared.ui import InputKind, Problem, Reply
from core.stats import digest

log = logging.getLogger(__name__)

# The network and command being handled in this thread, for what logs them (JSON log lines).
HANDLING: ContextVar[tuple[str, str] | None] = ContextVar("apport_handling", default=None)


class FirstAdmin(StrEnum):
    """Who may claim a network that has no admin yet: the platform bundle's decision.

    Only the console makes its first member the admin. Elsewhere the platform's own authority
    (`Invocation.platform_admin`) does, and until one of them acts, admin-only commands say
    who can claim the network.
    """

    FIRST_MEMBER = "first_member"  # the console
    PLATFORM_ADMIN = "platform_admin"  # an administrator of the platform, whatever it is
    SERVER_MANAGER = "server_manager"  # Discord: the owner, or a member with Manage Server
    WORKSPACE_ADMIN = "workspace_admin"  # Slack: a workspace owner or admin


class AdminUnclaimed(AdminOnly):
    """An admin-only command in a network nobody has claimed yet."""


@dataclass(frozen=True)
class PlatformUser:
    """A user of the platform a command names (a mention, a user picked in a form)."""

    id: str
    name: str = ""


@dataclass(frozen=True)
class Invocation:
    """Who ran which command where, with inline `text` or, for a submitted form, `values`."""

    network_key: str
    network_name: str
    user_id: str
    user_name: str
    command: str
    text: str = ""
    verb: str = ""
    values: Mapping[str, str] | None = None
    platform_admin: bool = False
    # The users the command names: core makes them members in the command's transaction.
    mentions: tuple[PlatformUser, ...] = ()


class Apport:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        default_locale: str = "en",
        mention: MentionReader = plain_mention,
        channel: MentionReader = plain_channel,
        after_commit: Callable[[], object] | None = None,
        command_names: Mapping[str, str] | None = None,
        network_defaults: Mapping[str, object] | None = None,
        charts: ChartRenderer | None = None,
        first_admin: FirstAdmin = FirstAdmin.PLATFORM_ADMIN,
    ) -> None:
        """`after_commit` runs after each command that committed (the adapter's dispatcher
        kick), so the notices it queued go out at once. `charts` draws `/stats` charts.
        `first_admin`: who may claim a network with no admin (see `FirstAdmin`)."""
        self.uow_factory = uow_factory
        self.clock = clock
        self.default_locale = default_locale
        self.mention = mention
        self.channel = channel
        self.after_commit = after_commit
        # How the platform spells a command when it differs (Slack: `apport feedback`).
        self.command_names = dict(command_names or {})
        # Settings a new network starts with on this platform (the console's channels).
        self.network_defaults = dict(network_defaults or {})
        self.charts = charts
        self.first_admin = first_admin
        # Told of every command handled: its name, "ok", "refused" or "failed", and seconds.
        self.observe: Callable[[str, str, float], None] | None = None
        # Draws `/stats` charts while the command reads the figures (threads start at the
        # first chart; drawing holds the GIL, so more threads than cores would not help).
        self.drawing = ThreadPoolExecutor(max_workers=2, thread_name_prefix="apport-chart")

    def handle(self, invocation: Invocation) -> Reply:
        handling = HANDLING.set((invocation.network_key, invocation.command))
        started = time.perf_counter()
        outcome = "failed"
        try:
            reply = self._handle(invocation)
            outcome = "refused" if reply.error else "ok"
            return reply
        finally:
            HANDLING.reset(handling)
            if self.observe is not None:
                self.observe(invocation.command, outcome, time.perf_counter() - started)

    def _handle(self, invocation: Invocation) -> Reply:
        locale = self.default_locale
        try:
            with self.uow_factory() as uow:
                ctx = self._context(uow, invocation)
                locale = ctx.network.locale
                self._enrol(ctx, invocation)
                try:
                    reply = self._dispatch(ctx, invocation)
                except AdminOnly as refused:
                    raise self._unclaimed(ctx) or refused from None
                uow.commit()
                locale = ctx.network.locale
        except ApportError as error:
            return self.error_reply(error, locale)
        if self.after_commit is not None:
            try:
                self.after_commit()
            except Exception:  # the rows stay in the outbox; the interval job retries them
                log.exception("dispatch after a command failed")
        return reply

    def _enrol(self, ctx: Context, invocation: Invocation) -> None:
        """The mentioned users become members after the actor (the first member stays first),
        in the command's transaction: a refused command enrols no one."""
        for user in invocation.mentions:
            if user.id and user.id != invocation.user_id:
                mentioned = replace(
                    invocation, user_id=user.id, user_name=user.name, platform_admin=False
                )
                self._member(ctx.uow, ctx.network, mentioned, ctx.now)

    def _unclaimed(self, ctx: Context) -> AdminUnclaimed | None:
        """The refusal that says who can claim the network, when it has no admin yet."""
        if self.first_admin is FirstAdmin.FIRST_MEMBER:
            return None
        if any(m.is_admin for m in ctx.uow.members.all(ctx.network.id)):
            return None
        return AdminUnclaimed(f"error.unclaimed.{self.first_admin.value}")

    def error_reply(self, error: ApportError, locale: str) -> Reply:
        t = Translator(locale, self.command_names)
        params = dict(error.params)
        for name in ("status", "target"):  # a referral's status, named in words
            if name in params:
                params[name] = t(STATUS_KEYS[Status(str(params[name]))])
        if isinstance(error, UsageError):
            command = find_command(str(params.get("command", "help")))
            verb = command.verb(str(params.get("verb", ""))) or command.verbs[0]
            params["usage"] = usage(command, verb, t, self.command_names.get(command.name, ""))
        return Reply(
            text=t(error.key, **params), error=True, problem=Problem(error.key, error.field)
        )

    def _dispatch(self, ctx: Context, invocation: Invocation) -> Reply:
        try:
            command = find_command(invocation.command)
        except UnknownCommand:
            raise guidance.unknown_command(
                invocation.command, invocation.text, self.command_names
            ) from None
        if invocation.values is not None:
            verb = command.verb(invocation.verb)
            if verb is None:
                raise UsageError(command=command.name, verb="")
            self._check_admin(ctx, verb)
            fallback = verb.form_fallback
            answered = fallback(ctx, invocation.values) if fallback else None
            if answered is not None:
                return answered
            values = [invocation.values.get(p.name, "") for p in verb.params]
            raw = check_args(command, verb, values, mention=lambda token: token or None)
            return self._run(ctx, command, verb, raw)
        text = invocation.text.strip()
        for declared in command.verbs:
            prefixed = declared.prefixed
            if prefixed is not None and text[:1] == prefixed.sign:
                [param] = prefixed.verb.params
                return self._run(ctx, command, prefixed.verb, {param.name: text[1:].strip()})
        form = self._form_if_empty(ctx, command, invocation.text)
        if form is not None:
            return form
        try:
            parsed = parse(command, invocation.text, self.mention)
        except UsageError as refused:
            raise guidance.usage_error(
                command, invocation.text, refused, self.mention, self.command_names
            ) from None
        self._check_admin(ctx, parsed.verb)
        return self._run(ctx, command, parsed.verb, parsed.args)

    @staticmethod
    def _run(ctx: Context, command: Command, verb: Verb, raw: Mapping[str, str]) -> Reply:
        """The verb's handler, given its parameters read into its argument object."""
        if verb.handler is None:
            raise UsageError(command=command.name, verb=verb.name)
        return verb.handler(ctx, convert(verb, raw, ctx.resolve))

    def _form_if_empty(self, ctx: Context, command: Command, text: str) -> Reply | None:
        """`/refer` alone, `/charter edit` alone, `/candidate 3 report`, `/feedback 3`: answer
        with the form to fill in (the record's number filled in)."""
        words = text.split()
        verb: Verb | None = None
        number = ""
        if not words:
            verb = command.verb("")
        elif command.number_first and len(words) == 2 and words[0].isdigit():
            verb, number = command.verb(words[1].lower()), words[0]
        elif len(words) == 1 and words[0].isdigit():
            verb, number = command.verb(""), words[0]
        elif len(words) == 1:
            verb = command.verb(words[0].lower())
        if verb is None or not verb.has_form:
            return None
        if number and (not verb.params or verb.params[0].kind is not InputKind.NUMBER):
            return None
        self._check_admin(ctx, verb)
        initial = verb.form_initial(ctx) if verb.form_initial else {}
        if number:
            initial[verb.params[0].name] = number
        return Reply(form=form_for(command, verb, ctx.t, initial))

    @staticmethod
    def _check_admin(ctx: Context, verb: Verb) -> None:
        if not verb.admin_only or ctx.actor.is_admin:
            return
        if verb.also_allowed is None or not verb.also_allowed(ctx):
            raise AdminOnly()

    def _context(self, uow: UnitOfWork, invocation: Invocation) -> Context:
        now = self.clock.now()
        network = self._network(uow, invocation, now)
        member = self._member(uow, network, invocation, now)
        return Context(
            uow,
            network,
            member,
            now,
            read_channel=self.channel,
            command_names=self.command_names,
            charts=self.charts,
            drawing=self.drawing,
            commands=COMMANDS,
        )

    def _network(self, uow: UnitOfWork, invocation: Invocation, now: datetime) -> Network:
        found = uow.networks.get_by_key(invocation.network_key)
        if found is not None:
            # Someone uses the app there: it was put back (a platform may not say so).
            lifecycle.reinstall(uow, found, now)
            return found
        created = uow.networks.add(
            invocation.network_key, invocation.network_name, self.default_locale, now
        )
        if self.network_defaults:
            for name, value in self.network_defaults.items():
                setattr(created, name, value)
            uow.networks.update(created)
        if uow.charters.current(created.id) is None:
            charter.install_default(uow, created, now)
            charter_reminders.schedule_next(uow, created, now)
            digest.schedule_next(uow, created, now)
        return created

    def _member(
        self, uow: UnitOfWork, network: Network, invocation: Invocation, now: datetime
    ) -> Member:
        """The acting member, made on first use: an admin when the platform says they
        administer it, or, where the platform leaves it to the first member, when first."""
        member = uow.members.by_external_id(network.id, invocation.user_id)
        if member is None:
            first = (
                self.first_admin is FirstAdmin.FIRST_MEMBER and uow.members.count(network.id) == 0
            )
            roles = {Role.ADMIN} if first or invocation.platform_admin else set()
            return uow.members.add(
                Member(0, network.id, invocation.user_id, invocation.user_name, roles, now)
            )
        changed = False
        if invocation.user_name and member.display_name != invocation.user_name:
            member.display_name, changed = invocation.user_name, True
        if invocation.platform_admin and not member.is_admin:
            member.roles.add(Role.ADMIN)
            changed = True
        if changed:
            uow.members.update(member)
        return member

    def suggest(self, invocation: Invocation, param: str, typed: str) -> list[tuple[str, str]]:
        """Choices for `param` of `invocation.command` as the user types: (label, value)."""
        if param != "number":
            return []
        with self.uow_factory() as uow:
            ctx = self._context(uow, invocation)
            choices = referral_numbers(ctx, invocation.command, typed)
            uow.commit()
            return choices

    def join(self, invocation: Invocation) -> Member:
        """Make sure the invoking user is a member (the console's `/as NAME`)."""
        with self.uow_factory() as uow:
            ctx = self._context(uow, invocation)
            uow.commit()
            return ctx.actor

    def installed(
        self, network_key: str, network_name: str, installer: PlatformUser | None = None
    ) -> None:
        """The app was added to (or put back in) a workspace or server: the network exists and
        is active again; the installer, when the platform names one, is its first admin."""
        with self.uow_factory() as uow:
            now = self.clock.now()
            place = Invocation(network_key, network_name, "", "", "")
            network = self._network(uow, place, now)
            lifecycle.reinstall(uow, network, now)
            if installer is not None:
                as_user = replace(place, user_id=installer.id, user_name=installer.name)
                member = self._member(uow, network, as_user, now)
                if not any(m.is_admin for m in uow.members.all(network.id)):
                    member.roles.add(Role.ADMIN)
                    uow.members.update(member)
            uow.commit()

    def uninstalled(self, network_key: str) -> bool:
        """The app was removed from the network's workspace or server: nothing more is sent
        there, and its data goes after the retention period. False if it was not known."""
        with self.uow_factory() as uow:
            network = uow.networks.get_by_key(network_key)
            if network is None:
                return False
            lifecycle.uninstall(uow, network, self.clock.now())
            uow.commit()
            return True

    def network(self, network_key: str) -> Network | None:
        with self.uow_factory() as uow:
            return uow.networks.get_by_key(network_key)

    def locale_of(self, network_key: str) -> str:
        found = self.network(network_key)
        return found.locale if found else self.default_locale

    def timezone_of(self, network_key: str) -> str:
        found = self.network(network_key)
        return found.timezone if found else "Europe/Paris"
