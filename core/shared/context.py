"""What every service receives: the transaction, the network, who is acting, and when."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from core.shared import formats
from core.shared.charts_port import ChartRenderer
from core.shared.declare import Command
from core.shared.errors import AdminOnly, CharterNotAccepted, NotAMember
from core.shared.i18n import Translator
from core.shared.outbox import OutboxItem
from core.shared.ports import UnitOfWork
from core.shared.tenancy import Member, Network
from core.shared.text import plain_channel
from core.shared.ui import Reply
from core.shared.ui_codec import encode_reply


def thread_root_key(thread: str) -> str:
    return f"thread:{thread}"


@dataclass
class Context:
    uow: UnitOfWork
    network: Network
    actor: Member
    now: datetime
    read_channel: Callable[[str], str | None] = plain_channel
    command_names: Mapping[str, str] = field(default_factory=dict)  # how this platform types them
    charts: ChartRenderer | None = None  # draws the stats charts, when the platform wired one
    drawing: Executor | None = None  # where charts are drawn meanwhile (else in line)
    commands: Mapping[str, Command] = field(default_factory=dict)  # what `/help` lists
    # Display names read during this command: a card names the same few members many times
    # (parties, owner, each line of history). A command that renames someone (erasure) does
    # not show that name afterwards.
    _names: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    def typed(self, command: str) -> str:
        return self.command_names.get(command, command)

    @property
    def t(self) -> Translator:
        return Translator(self.network.locale, self.command_names)

    def local(self, moment: datetime, fmt: str) -> str:
        """A moment in the network's time zone with a fixed `strftime` pattern, for file
        names and identifiers; what members read goes through `day` and `moment`."""
        return moment.astimezone(ZoneInfo(self.network.timezone)).strftime(fmt)

    def moment(self, when: datetime) -> str:
        """Day and time as the network's members read them: `lun. 30 nov. à 09:00`."""
        network = self.network
        return formats.moment(when, network.locale, network.timezone, self.now)

    def day(self, when: datetime) -> str:
        """The day of a moment in the network's time zone: `29/11/2026`, `Nov 29, 2026`."""
        return formats.day(when, self.network.locale, self.network.timezone)

    def money(self, amount: Decimal) -> str:
        """`12 000,50 €`, `€12,000.50`: in the network's currency and language."""
        return formats.money(amount, self.network.currency, self.network.locale)

    def number(self, value: int | float | Decimal) -> str:
        return formats.number(value, self.network.locale)

    def decimal(self, value: float | Decimal, places: int = 1) -> str:
        return formats.decimal(value, self.network.locale, places)

    def percent(self, ratio: float | Decimal) -> str:
        return formats.percent(ratio, self.network.locale)

    def notify(self, member_id: int, reply: Reply, kind: str = "notice") -> None:
        """Tell a member now: a row in the outbox, committed with the change that caused it."""
        if member_id == self.actor.id:
            return
        self.schedule(
            OutboxItem(
                self.network.id,
                kind,
                self.now,
                {"reply": encode_reply(reply)},
                member_id=member_id,
                key=f"{kind}:{uuid.uuid4().hex}",
            )
        )

    def post_in_thread(
        self, channel: str, thread: str, title: str, reply: Reply, kind: str, opens: bool = False
    ) -> None:
        """Post to a channel's thread (`candidate:12`); the first post opens it.

        Posts wait for the thread's first post to be sent, so they land under it.
        """
        if not channel:
            return
        payload: dict[str, object] = {
            "reply": encode_reply(reply),
            "thread": thread,
            "thread_title": title,
        }
        if opens:
            payload["opens"] = True
        key = thread_root_key(thread) if opens else f"{kind}:{uuid.uuid4().hex}"
        self.schedule(
            OutboxItem(
                self.network.id, kind, self.now, payload, channel=channel, key=key, subject=thread
            )
        )

    def schedule(self, item: OutboxItem) -> bool:
        return self.uow.outbox.add(item)

    def member(self, member_id: int) -> Member:
        member = self.uow.members.get(self.network.id, member_id)
        if member is None:
            raise NotAMember(name=str(member_id))
        return member

    def name(self, member_id: int) -> str:
        if member_id not in self._names:
            self._names[member_id] = self.member(member_id).display_name
        return self._names[member_id]

    def resolve(self, token: str) -> Member:
        """A member named by platform id or by display name (case and accents ignored)."""
        members = self.uow.members
        found = members.by_external_id(self.network.id, token)
        if found is None:
            matches = members.by_name(self.network.id, token)
            found = matches[0] if len(matches) == 1 else None
        if found is None:
            raise NotAMember(name=token)
        return found

    def require_admin(self) -> None:
        if not self.actor.is_admin:
            raise AdminOnly()

    def require_charter(self) -> None:
        if not self.network.charter_required:
            return
        current = self.uow.charters.current(self.network.id)
        if current is None:
            return
        if not self.uow.charters.accepted(self.network.id, self.actor.id, current.version):
            raise CharterNotAccepted(version=current.version)
