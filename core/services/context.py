"""What every service receives: the transaction, the network, who is acting, and when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from core.errors import AdminOnly, CharterNotAccepted, NotAMember
from core.i18n import Translator
from core.money import format_amount
from core.network import Member, Network
from core.ports import UnitOfWork
from core.ui import Notice, Reply


@dataclass
class Context:
    uow: UnitOfWork
    network: Network
    actor: Member
    now: datetime
    notices: list[Notice] = field(default_factory=list)

    @property
    def t(self) -> Translator:
        return Translator(self.network.locale)

    def money(self, amount: Decimal | None) -> str:
        if amount is None:
            return "-"
        return format_amount(amount, self.network.currency, self.network.locale)

    def notify(self, member_id: int, reply: Reply, kind: str = "notice") -> None:
        if member_id == self.actor.id:
            return
        member = self.member(member_id)
        self.notices.append(
            Notice(self.network.id, member.id, member.external_id, member.display_name, reply, kind)
        )

    def member(self, member_id: int) -> Member:
        member = self.uow.members.get(self.network.id, member_id)
        if member is None:
            raise NotAMember(name=str(member_id))
        return member

    def name(self, member_id: int) -> str:
        return self.member(member_id).display_name

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
