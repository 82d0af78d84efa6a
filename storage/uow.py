"""The SQLAlchemy unit of work: one session, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from storage.asks import SqlAsks
from storage.cards import SqlCards
from storage.charter import SqlCharters
from storage.directory import SqlDirectory
from storage.erasure import SqlErasure
from storage.meetings import SqlMeetings, SqlVisitors
from storage.meets import SqlMeets
from storage.outbox import SqlFeedback, SqlOutbox, nothing_to_commit
from storage.recruitment import SqlCandidates
from storage.referrals import SqlClients, SqlReferrals
from storage.stats import SqlStats
from storage.tenancy import SqlMembers, SqlNetworks
from storage.trust import SqlAudit, SqlBreaches


class SqlUnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def __enter__(self) -> Self:
        self.session = self._factory()
        self.networks = SqlNetworks(self.session)
        self.members = SqlMembers(self.session)
        self.clients = SqlClients(self.session)
        self.referrals = SqlReferrals(self.session)
        self.charters = SqlCharters(self.session)
        self.outbox = SqlOutbox(self.session)
        self.feedback = SqlFeedback(self.session)
        self.candidates = SqlCandidates(self.session)
        self.breaches = SqlBreaches(self.session)
        self.audit = SqlAudit(self.session)
        self.directory = SqlDirectory(self.session)
        self.stats = SqlStats(self.session)
        self.erasure = SqlErasure(self.session)
        self.cards = SqlCards(self.session)
        self.asks = SqlAsks(self.session)
        self.meetings = SqlMeetings(self.session)
        self.visitors = SqlVisitors(self.session)
        self.meets = SqlMeets(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()
        self.session.close()

    def commit(self) -> None:
        if not nothing_to_commit(self.session):  # else there is not even a transaction to end
            self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


class SqlUnitOfWorkFactory:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self.session_factory = session_factory

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.session_factory)
