"""The dispatcher: claims due outbox rows, turns each into a notice, sends it, marks it.

A row is a job or a message. A job (core/jobs.py) runs in the claimed batch's transaction,
writes what it does, and keeps that transaction open through the send of its post, so its
writes commit with its mark. A message (core/messages.py) is composed from reads; its
transaction ends before the send (on SQLite no write lock is held meanwhile), and it is marked
after it.

Every bot process runs one on an interval. Claims are atomic, so two processes never take the
same row; a failed send is retried with backoff (a rate limit waits as long as the platform
asks, without counting as an attempt); after the last attempt the row is marked failed and the
admins are told. A row whose subject moved on is skipped, never sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial

from core import jobs, messages
from core.shared.charts_port import ChartRenderer
from core.shared.context import Context
from core.shared.errors import DeliveryFailed
from core.shared.outbox import CLAIM_TIMEOUT, MAX_ATTEMPTS, OutboxItem, retry_delay
from core.shared.ports import Messenger, UnitOfWork, UnitOfWorkFactory
from core.shared.tenancy import Member, Network, Role
from core.shared.ui import Reply

log = logging.getLogger(__name__)

DELIVERY_ALERT = "alert.delivery"
THREAD_WAIT = timedelta(seconds=5)


def system_member(network: Network) -> Member:
    """Who acts when the scheduler does: no member, so every notice goes out."""
    return Member(0, network.id, "", "Apport", set())


@dataclass
class DispatchReport:
    sent: int = 0
    skipped: int = 0
    retried: int = 0
    failed: int = 0

    @property
    def handled(self) -> int:
        return self.sent + self.skipped + self.retried + self.failed


class _Batch:
    """A claimed batch's unit of work, and what its rows look up, read once for all of them:
    their networks and their recipients (a member not prefetched is looked up and kept)."""

    def __init__(self, uow: UnitOfWork, items: list[OutboxItem]) -> None:
        self.uow = uow
        self._networks: dict[int, Network | None] = {}
        self._members: dict[tuple[int, int], Member | None] = {}
        wanted: dict[int, set[int]] = {}
        for item in items:
            if item.member_id is not None:
                wanted.setdefault(item.network_id, set()).add(item.member_id)
        for network_id in {item.network_id for item in items}:
            self._networks[network_id] = uow.networks.get(network_id)
        for network_id, member_ids in wanted.items():
            found = uow.members.many(network_id, member_ids)
            for member_id in member_ids:
                self._members[network_id, member_id] = found.get(member_id)
        uow.rollback()  # read only: end the transaction, so no lock is held while sending

    def network(self, network_id: int) -> Network | None:
        """A copy for each row: a job may change it (the charter reminder's turn), and a
        failed send rolls that back in the database, not in what the batch keeps."""
        if network_id not in self._networks:
            self._networks[network_id] = self.uow.networks.get(network_id)
        found = self._networks[network_id]
        return replace(found) if found is not None else None

    def member(self, network_id: int, member_id: int) -> Member | None:
        if (network_id, member_id) not in self._members:
            self._members[network_id, member_id] = self.uow.members.get(network_id, member_id)
        return self._members[network_id, member_id]


class Dispatcher:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        messenger: Messenger,
        now: Callable[[], datetime],
        worker: str,
        batch: int = 200,
        max_batches: int = 20,
        charts: ChartRenderer | None = None,
        command_names: Mapping[str, str] | None = None,
    ) -> None:
        self.uow_factory = uow_factory
        self.messenger = messenger
        self.now = now
        self.worker = worker
        self.batch = batch
        self.max_batches = max_batches
        self.charts = charts  # draws the monthly digest's chart
        self.command_names = dict(command_names or {})  # how the platform spells commands

    def run_once(self) -> DispatchReport:
        """Send everything due now, batch after batch (bounded, so one run cannot hog)."""
        report = DispatchReport()
        for _ in range(self.max_batches):
            now = self.now()
            with self.uow_factory() as uow:
                items = uow.outbox.claim(now, self.worker, self.batch, now - CLAIM_TIMEOUT)
                uow.commit()
                if not items:
                    break
                batch = _Batch(uow, items)
                # Each row commits on its own, right after its send: a crash resends
                # at most the one message in flight. Rows may queue more rows (a reminder's
                # DMs): the next batch has them.
                for done, item in enumerate(items):
                    try:
                        self._deliver(batch, item, now, report)
                    except Exception:
                        # The database failed (a send cannot be marked, a failure cannot be
                        # recorded): sending on would only send what cannot be marked.
                        self._release(uow, items[done + 1 :], now)
                        raise
        return report

    def _release(self, batch_uow: UnitOfWork, unsent: list[OutboxItem], now: datetime) -> None:
        """End the failed batch's transaction and give back the rows it did not reach, so they
        need not wait for their claims to go stale (if the database lets us; else they will)."""
        try:
            batch_uow.rollback()
            with self.uow_factory() as uow:
                for item in unsent:
                    uow.outbox.retry(item.id, now, item.last_error, item.attempts)
                uow.commit()
        except Exception:
            log.exception("could not give back %d claimed outbox rows", len(unsent))

    def _deliver(
        self, batch: _Batch, item: OutboxItem, now: datetime, report: DispatchReport
    ) -> None:
        uow = batch.uow
        network = batch.network(item.network_id)
        if network is None:
            uow.outbox.mark_failed(item.id, "network not found", item.attempts)
            uow.commit()
            report.failed += 1
            return
        ctx = Context(
            uow,
            network,
            system_member(network),
            now,
            charts=self.charts,
            command_names=self.command_names,
        )
        job = jobs.job_for(item)
        try:
            if job is not None:
                notice = jobs.run(job, ctx, item)
            else:
                notice = messages.compose(ctx, item, partial(batch.member, network.id))
        except messages.ThreadNotStarted:
            uow.rollback()
            uow.outbox.retry(
                item.id, now + THREAD_WAIT, "waiting for the thread's first post", item.attempts
            )
            uow.commit()
            report.retried += 1
            return
        except Exception as error:  # a row that cannot be run must not hold up the rest
            log.exception("could not compose outbox row %s", item.id)
            uow.rollback()
            self._failed(uow, item, DeliveryFailed(f"could not compose: {error!r}"), now, report)
            return
        if notice is None:
            uow.outbox.mark_skipped(item.id, now)  # a job with no post: its writes commit here
            uow.commit()
            report.skipped += 1
            return
        if job is None:
            uow.rollback()  # a message was composed from reads: hold nothing while sending
        try:
            ref = self.messenger.send(notice)
        except DeliveryFailed as error:
            uow.rollback()
            self._failed(uow, item, error, now, report)
            return
        except Exception as error:  # a messenger bug must not lose the row either
            log.exception("messenger raised while sending outbox row %s", item.id)
            uow.rollback()
            self._failed(uow, item, DeliveryFailed(repr(error)), now, report)
            return
        uow.outbox.mark_sent(item.id, now, ref)  # a job's writes commit with it
        uow.commit()
        report.sent += 1

    def _failed(
        self,
        uow: UnitOfWork,
        item: OutboxItem,
        error: DeliveryFailed,
        now: datetime,
        report: DispatchReport,
    ) -> None:
        reason = error.reason[:500]
        if error.retry_after is not None and not error.permanent:
            wait = timedelta(seconds=max(error.retry_after, 1.0))
            uow.outbox.retry(item.id, now + wait, reason, item.attempts)
            report.retried += 1
        elif error.permanent or item.attempts + 1 >= MAX_ATTEMPTS:
            uow.outbox.mark_failed(item.id, reason, item.attempts + 1)
            self._alert_admins(uow, item, reason, now)
            report.failed += 1
        else:
            attempts = item.attempts + 1
            uow.outbox.retry(item.id, now + retry_delay(attempts), reason, attempts)
            report.retried += 1
        uow.commit()

    def _alert_admins(self, uow: UnitOfWork, item: OutboxItem, reason: str, now: datetime) -> None:
        if item.kind == DELIVERY_ALERT:
            log.error("could not deliver an alert to an admin (outbox row %s): %s", item.id, reason)
            return
        network = uow.networks.get(item.network_id)
        if network is None:
            return
        ctx = Context(uow, network, system_member(network), now, command_names=self.command_names)
        to = ctx.uow.members.get(network.id, item.member_id) if item.member_id else None
        recipient = to.display_name if to else (f"#{item.channel}" if item.channel else "?")
        alert = Reply(
            text=ctx.t("alert.delivery_failed", recipient=recipient, kind=item.kind, reason=reason)
        )
        for member in uow.members.all(network.id):
            if Role.ADMIN in member.roles and member.id != item.member_id:
                ctx.notify(member.id, alert, kind=DELIVERY_ALERT)
