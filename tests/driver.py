"""The driver the behaviour tests run Apport with: a fake clock, a messenger that records what
it is asked to send, and `Bot`, which runs commands the way an adapter does, on a copy of the
migrated SQLite database (tests/database_copies.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from core.app import Apport, FirstAdmin, Invocation
from core.dispatcher import Dispatcher
from core.referrals.model import Referral
from core.shared.tenancy import Member
from core.shared.ui import Notice, Reply
from tests.database_copies import Database


class FakeClock:
    def __init__(self, at: datetime = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)) -> None:
        self.set(at)

    def set(self, at: datetime) -> None:
        if at.utcoffset() != timedelta(0):
            raise ValueError("the clock keeps aware UTC datetimes")
        self._now = at.astimezone(UTC)

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def now(self) -> datetime:
        return self._now


class RecordingMessenger:
    """Keeps every notice it is asked to deliver."""

    def __init__(self) -> None:
        self.sent: list[Notice] = []

    def send(self, notice: Notice) -> None:
        self.sent.append(notice)

    def to(self, external_id: str) -> list[Notice]:
        return [n for n in self.sent if n.external_id == external_id]

    def texts_to(self, external_id: str) -> list[str]:
        return [n.reply.text for n in self.to(external_id)]

    def clear(self) -> None:
        self.sent.clear()


def user_id(name: str) -> str:
    """The platform id the driver gives a member called `name`."""
    return "U-" + name.lower()


@dataclass
class Bot:
    """Drives Apport the way an adapter does: members by name, one network by default."""

    db: Database = field(default_factory=Database)
    clock: FakeClock = field(default_factory=FakeClock)
    messenger: RecordingMessenger = field(default_factory=RecordingMessenger)
    network: str = "T1"

    def __post_init__(self) -> None:
        self.uow_factory = self.db.uow_factory
        self.dispatcher = Dispatcher(self.uow_factory, self.messenger, self.clock.now, "test")
        # As in the console: the first member of a network is its admin.
        self.app = Apport(
            self.uow_factory,
            self.clock,
            after_commit=self.dispatcher.run_once,
            first_admin=FirstAdmin.FIRST_MEMBER,
        )

    def run(
        self,
        who: str,
        command: str,
        text: str = "",
        *,
        verb: str = "",
        values: Mapping[str, str] | None = None,
        network: str | None = None,
    ) -> Reply:
        key = network or self.network
        return self.app.handle(
            Invocation(
                network_key=key,
                network_name=f"Net {key}",
                user_id=user_id(who),
                user_name=who,
                command=command,
                text=text,
                verb=verb,
                values=values,
            )
        )

    def ok(self, who: str, command: str, text: str = "", network: str | None = None) -> Reply:
        """Run a command that must succeed."""
        reply = self.run(who, command, text, network=network)
        if reply.error:
            raise AssertionError(f"/{command} {text} by {who} failed: {reply.text}")
        return reply

    def refused(
        self,
        who: str,
        command: str,
        text: str = "",
        *,
        verb: str = "",
        values: Mapping[str, str] | None = None,
        network: str | None = None,
    ) -> Reply:
        """Run a command that must be refused, and check that it changed nothing."""
        before, commits, sent = self.db.dump(), self.db.commits, len(self.messenger.sent)
        reply = self.run(who, command, text, verb=verb, values=values, network=network)
        assert reply.error, f"/{command} {text} by {who} was not refused: {reply.text}"
        assert reply.text, "a refusal says why"
        assert self.db.commits == commits, "a refused command committed"
        assert self.db.dump() == before, "a refused command changed the database"
        assert len(self.messenger.sent) == sent, "a refused command sent notices"
        return reply

    def join(self, *names: str, accept_charter: bool = True) -> None:
        """Each member runs a first command (the first one becomes admin)."""
        for name in names:
            self.ok(name, "charter", "accept" if accept_charter else "")

    def member(self, name: str, network: str | None = None) -> Member:
        with self.uow_factory() as uow:
            found = uow.networks.get_by_key(network or self.network)
            assert found is not None, "no such network"
            member = uow.members.by_external_id(found.id, user_id(name))
            assert member is not None, f"{name} is not a member"
            return member

    def referral(self, number: int, network: str | None = None) -> Referral:
        with self.uow_factory() as uow:
            found = uow.networks.get_by_key(network or self.network)
            assert found is not None, "no such network"
            referral = uow.referrals.get(found.id, number)
            assert referral is not None, f"no referral #{number}"
            return referral
