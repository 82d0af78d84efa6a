"""The dispatcher: claims due outbox rows, turns each into a notice, sends it, marks it.

A row is a job or a message. A job (core/jobs.py) runs in the claimed batch's transaction,
writes what it does, and keeps that transaction open through the send of its post, so its
writes commit with its mark. A message (core/messages.py) is composed from reads; its
transaction ends before the send (on SQLite no write lock is held meanwhile), and it is marked
after it.

Every bot process runs one on an interval. Claims are atomic, so two processes never take the
same row. Each dispatcher holds a lease, renewed as it runs (at least every half lease); the rows
claimed by a dispatcher whose lease expired are taken over, marked in doubt, and the messenger
looks for them on the platform before sending them again.

A rate limit waits as long as the platform asks, without counting as an attempt. A transport
failure (the platform is down, slow, or answers 5xx) is retried with capped backoff until the
row has waited the delivery window; a few in a row stop the run, giving back the rest of the
batch (an outage should not cost each row its own timeout); when one row has failed so three
times, admins are told once for the outage. A refusal that retrying cannot help fails the row
and tells the admins. A row whose subject moved on is skipped, never sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial

from core import jobs, messages
from core.network import lifecycle
from core.shared.charts_port import ChartRenderer
from core.shared.context import Context
from core.shared.errors import DeliveryFailed
from core.shared.i18n import Translator
from core.shared.outbox import (
    DELIVERY_WINDOW,
    FIRST_RETRY,
    LEASE,
    MAX_ATTEMPTS,
    OUTAGE_ALERT_ATTEMPTS,
    OUTAGE_BREAKER,
    OutboxItem,
    retry_delay,
)
from core.shared.ports import Messenger, UnitOfWork, UnitOfWorkFactory
from core.shared.tenancy import Member, Network, Role
from core.shared.ui import Notice, Reply
from core.shared.ui_codec import encode_reply

log = logging.getLogger(__name__)

DELIVERY_ALERT = "alert.delivery"
OUTAGE_ALERT = "alert.outage"
EXPIRED_ALERT = "alert.expired"
ALERTS = frozenset({DELIVERY_ALERT, OUTAGE_ALERT, EXPIRED_ALERT})
THREAD_WAIT = timedelta(seconds=5)
# After an outage alert, the next transport failures of the network stay quiet this long.
OUTAGE_QUIET = timedelta(hours=6)


def system_member(network: Network) -> Member:
    """Who acts when the scheduler does: no member, so every notice goes out."""
    return Member(0, network.id, "", "Apport", set())


@dataclass
class DispatchReport:
    sent: int = 0
    skipped: int = 0
    retried: int = 0
    failed: int = 0
    given_back: int = 0  # claimed, not tried: the platform was failing (counted in `retried`)
    ratelimited: int = 0  # the platform asked to wait (counted in `retried`)
    transport_failures: int = 0  # in a row, in this run

    @property
    def handled(self) -> int:
        return self.sent + self.skipped + self.retried + self.failed

    @property
    def platform_down(self) -> bool:
        return self.transport_failures >= OUTAGE_BREAKER


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
        lease: timedelta = LEASE,
        delivery_window: timedelta = DELIVERY_WINDOW,
    ) -> None:
        self.uow_factory = uow_factory
        self.messenger = messenger
        self.now = now
        self.worker = worker
        self.batch = batch
        self.max_batches = max_batches
        self.charts = charts  # draws the monthly digest's chart
        self.command_names = dict(command_names or {})  # how the platform spells commands
        self.lease = lease
        self.delivery_window = delivery_window
        self._renewed_at: datetime | None = None
        self._holding = False  # a run failed while holding claims: give them back first

    def run_once(self) -> DispatchReport:
        """Send everything due now, batch after batch (bounded, so one run cannot hog)."""
        report = DispatchReport()
        for _ in range(self.max_batches):
            now = self.now()
            with self.uow_factory() as uow:
                self._renew(uow, now)
                if self._holding:
                    uow.outbox.release_claims(self.worker)
                    self._holding = False
                items = uow.outbox.claim(now, self.worker, self.batch)
                uow.commit()
                if not items:
                    break
                batch = _Batch(uow, items)
                grouped: set[int] = set()  # reminders sent with an earlier row's
                # Each row commits on its own, right after its send: a crash resends
                # at most the one message in flight. Rows may queue more rows (a reminder's
                # DMs): the next batch has them.
                for done, item in enumerate(items):
                    try:
                        self._renew(uow, self.now())
                        if report.platform_down:
                            rest = [i for i in items[done:] if i.id not in grouped]
                            self._give_back(uow, rest, now, report)
                            return report
                        if item.id in grouped:
                            continue
                        if messages.is_reminder(item) and jobs.job_for(item) is None:
                            rows = [
                                later
                                for later in items[done:]
                                if later.network_id == item.network_id
                                and messages.is_reminder(later)
                            ]
                            grouped.update(row.id for row in rows)
                            self._deliver_reminders(batch, rows, now, report)
                        else:
                            self._deliver(batch, item, now, report)
                    except Exception:
                        # The database failed (a send cannot be marked, a failure cannot be
                        # recorded): sending on would only send what cannot be marked.
                        self._holding = True
                        unsent = [i for i in items[done + 1 :] if i.id not in grouped]
                        self._release(uow, unsent, now)
                        raise
        return report

    def _renew(self, uow: UnitOfWork, now: datetime) -> None:
        """Renew the lease once half of it has passed (and on the first run)."""
        renewed = self._renewed_at
        if renewed is not None and renewed <= now < renewed + self.lease / 2:
            return
        uow.outbox.renew_lease(self.worker, now + self.lease)
        uow.commit()
        self._renewed_at = now

    def stop(self) -> None:
        """End the lease: whatever this dispatcher still holds is taken over at once."""
        try:
            with self.uow_factory() as uow:
                uow.outbox.end_lease(self.worker, self.now())
                uow.commit()
        except Exception:
            log.exception("could not end the lease of %s", self.worker)

    def _give_back(
        self, uow: UnitOfWork, items: list[OutboxItem], now: datetime, report: DispatchReport
    ) -> None:
        """The platform is failing: the rest of the batch waits for the first retry, untried."""
        for item in items:
            uow.outbox.retry(
                item.id, now + FIRST_RETRY, item.last_error, item.attempts, item.in_doubt
            )
        uow.commit()
        report.retried += len(items)
        report.given_back += len(items)

    def _release(self, batch_uow: UnitOfWork, unsent: list[OutboxItem], now: datetime) -> None:
        """End the failed batch's transaction and give back the rows it did not reach, so they
        need not wait for their claims to go stale (if the database lets us; else they will)."""
        try:
            batch_uow.rollback()
            with self.uow_factory() as uow:
                for item in unsent:
                    uow.outbox.retry(item.id, now, item.last_error, item.attempts, item.in_doubt)
                uow.commit()
        except Exception:
            log.exception("could not give back %d claimed outbox rows", len(unsent))

    def _deliver(
        self, batch: _Batch, item: OutboxItem, now: datetime, report: DispatchReport
    ) -> None:
        composed = self._compose(batch, item, now, report)
        if composed is None:
            return
        notice, is_job = composed
        if not is_job:
            batch.uow.rollback()  # a message was composed from reads: hold nothing while sending
        self._send(batch.uow, [item], notice, now, report)

    def _deliver_reminders(
        self, batch: _Batch, rows: list[OutboxItem], now: datetime, report: DispatchReport
    ) -> None:
        """Reminders (message rows) of one network claimed together: each member gets the ones
        for them in one message listing them; a lone reminder goes out as it is."""
        per_member: dict[int, list[tuple[OutboxItem, Notice]]] = {}
        for item in rows:
            composed = self._compose(batch, item, now, report)
            if composed is not None and composed[0].member_id is not None:
                per_member.setdefault(composed[0].member_id, []).append((item, composed[0]))
            elif composed is not None:
                batch.uow.rollback()
                self._send(batch.uow, [item], composed[0], now, report)
        batch.uow.rollback()  # composed from reads: hold nothing while sending
        for pairs in per_member.values():
            items = [item for item, _ in pairs]
            notices = [notice for _, notice in pairs]
            if len(pairs) == 1:
                self._send(batch.uow, items, notices[0], now, report)
                continue
            network = batch.network(items[0].network_id)
            locale = network.locale if network is not None else notices[0].locale
            t = Translator(locale, self.command_names)
            self._send(batch.uow, items, messages.together(notices, t), now, report)

    def _compose(
        self, batch: _Batch, item: OutboxItem, now: datetime, report: DispatchReport
    ) -> tuple[Notice, bool] | None:
        """The row's notice, and whether the row is a job (its transaction stays open through
        the send); None when the row was dealt with here (failed, waiting, skipped)."""
        uow = batch.uow
        network = batch.network(item.network_id)
        if network is None:
            uow.outbox.mark_failed(item.id, "network not found", item.attempts)
            uow.commit()
            report.failed += 1
            return None
        ctx = Context(
            uow,
            network,
            system_member(network),
            now,
            charts=self.charts,
            command_names=self.command_names,
        )
        job = jobs.job_for(item)
        if network.uninstalled_at is not None and item.kind != lifecycle.ERASE:
            self._held(uow, item, job is not None, now, report)
            return None
        try:
            if job is not None:
                notice = jobs.run(job, ctx, item)
            else:
                notice = messages.compose(ctx, item, partial(batch.member, network.id))
        except messages.MustWait as waiting:
            uow.rollback()
            uow.outbox.retry(
                item.id, now + THREAD_WAIT, waiting.reason, item.attempts, item.in_doubt
            )
            uow.commit()
            report.retried += 1
            return None
        except Exception as error:  # a row that cannot be run must not hold up the rest
            log.exception("could not compose outbox row %s", item.id)
            uow.rollback()
            self._broken(uow, item, f"could not compose: {error!r}", now, report)
            return None
        if notice is None:
            uow.outbox.mark_skipped(item.id, now)  # a job with no post: its writes commit here
            uow.commit()
            report.skipped += 1
            return None
        return notice, job is not None

    def _send(
        self,
        uow: UnitOfWork,
        items: list[OutboxItem],
        notice: Notice,
        now: datetime,
        report: DispatchReport,
    ) -> None:
        """Send the notice of these rows (one, or the reminders it lists) and mark them."""
        if any(item.in_doubt for item in items):
            notice = replace(notice, in_doubt=True)
        try:
            ref = self.messenger.send(notice)
        except DeliveryFailed as error:
            uow.rollback()
            for item in items:
                self._failed(uow, item, error, now, report)
            return
        except Exception as error:  # a messenger bug must not lose the rows either
            log.exception("messenger raised while sending outbox rows %s", [i.id for i in items])
            uow.rollback()
            for item in items:
                self._broken(uow, item, repr(error), now, report)
            return
        if ref and notice.card is not None and notice.member_id is not None:
            # Where the member's copy of the card now is, kept with the row's mark.
            uow.cards.place(notice.network_id, notice.card.key, notice.member_id, ref, now)
        if len(items) == 1:
            uow.outbox.mark_sent(items[0].id, now, ref)  # a job's writes commit with it
        else:
            uow.outbox.mark_all_sent([item.id for item in items], now, ref)
        uow.commit()
        report.sent += len(items)
        report.transport_failures = 0

    @staticmethod
    def _held(
        uow: UnitOfWork, item: OutboxItem, is_job: bool, now: datetime, report: DispatchReport
    ) -> None:
        """The network is uninstalled: a message is dropped (nobody could read it), a job
        waits to run once the app is back, or to go with the network's data."""
        if is_job:
            uow.outbox.retry(item.id, now + lifecycle.WAIT, "uninstalled", item.attempts)
            report.retried += 1
        else:
            uow.outbox.mark_skipped(item.id, now)
            report.skipped += 1
        uow.commit()

    def _failed(
        self,
        uow: UnitOfWork,
        item: OutboxItem,
        error: DeliveryFailed,
        now: datetime,
        report: DispatchReport,
    ) -> None:
        reason = error.reason[:500]
        in_doubt = error.in_doubt or item.in_doubt
        if error.permanent:
            uow.outbox.mark_failed(item.id, reason, item.attempts + 1)
            self._alert_admins(uow, item, reason, now)
            report.failed += 1
        elif error.retry_after is not None:
            wait = timedelta(seconds=max(error.retry_after, 1.0))
            uow.outbox.retry(item.id, now + wait, reason, item.attempts, in_doubt)
            report.retried += 1
            report.ratelimited += 1
        elif now - (item.created_at or item.due_at) >= self.delivery_window:
            uow.outbox.mark_failed(item.id, reason, item.attempts + 1)
            self._alert_expired(uow, item, reason, now)
            report.failed += 1
        else:
            attempts = item.attempts + 1
            uow.outbox.retry(item.id, now + retry_delay(attempts), reason, attempts, in_doubt)
            report.retried += 1
            report.transport_failures += 1
            if attempts >= OUTAGE_ALERT_ATTEMPTS:
                self._alert_outage(uow, item, reason, now)
        uow.commit()

    def _broken(
        self, uow: UnitOfWork, item: OutboxItem, reason: str, now: datetime, report: DispatchReport
    ) -> None:
        """The row cannot be composed or the messenger raised: a defect, retried a few times."""
        reason = reason[:500]
        attempts = item.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            uow.outbox.mark_failed(item.id, reason, attempts)
            self._alert_admins(uow, item, reason, now)
            report.failed += 1
        else:
            uow.outbox.retry(item.id, now + retry_delay(attempts), reason, attempts, item.in_doubt)
            report.retried += 1
        uow.commit()

    def _context(self, uow: UnitOfWork, network_id: int, now: datetime) -> Context | None:
        network = uow.networks.get(network_id)
        if network is None:
            return None
        return Context(uow, network, system_member(network), now, command_names=self.command_names)

    def _recipient(self, ctx: Context, item: OutboxItem) -> str:
        to = ctx.uow.members.get(ctx.network.id, item.member_id) if item.member_id else None
        return to.display_name if to else (f"#{item.channel}" if item.channel else "?")

    def _tell_admins(self, ctx: Context, kind: str, reply: Reply, now: datetime) -> None:
        """One row per admin, keyed by the hour: two dispatchers alerting at once send one."""
        hour = now.strftime("%Y%m%dT%H")
        for member in ctx.uow.members.all(ctx.network.id):
            if Role.ADMIN in member.roles:
                alert = OutboxItem(
                    ctx.network.id,
                    kind,
                    now,
                    {"reply": encode_reply(reply)},
                    member_id=member.id,
                    key=f"{kind}:{hour}:{member.id}",
                )
                ctx.schedule(alert)

    def _alert_outage(self, uow: UnitOfWork, item: OutboxItem, reason: str, now: datetime) -> None:
        """Once per outage: quiet while an outage alert of the last hours exists."""
        if item.kind in ALERTS:
            return
        last = uow.outbox.latest(item.network_id, OUTAGE_ALERT)
        if last is not None and last.created_at and now - last.created_at < OUTAGE_QUIET:
            return
        ctx = self._context(uow, item.network_id, now)
        if ctx is None:
            return
        since = item.created_at or item.due_at
        text = ctx.t(
            "alert.delivery_outage",
            since=ctx.moment(since),
            reason=reason,
            count=int(self.delivery_window.total_seconds() // 3600),
        )
        self._tell_admins(ctx, OUTAGE_ALERT, Reply(text=text), now)

    def _alerting_context(
        self, uow: UnitOfWork, item: OutboxItem, reason: str, now: datetime
    ) -> Context | None:
        """The context to tell the admins about `item` in; None when `item` is itself an alert
        (an alert about an alert would never end: it goes to the log) or its network is gone."""
        if item.kind in ALERTS:
            log.error("could not deliver an alert to an admin (outbox row %s): %s", item.id, reason)
            return None
        return self._context(uow, item.network_id, now)

    def _alert_expired(self, uow: UnitOfWork, item: OutboxItem, reason: str, now: datetime) -> None:
        """Rows given up after the delivery window: one alert an hour, naming the latest."""
        ctx = self._alerting_context(uow, item, reason, now)
        if ctx is None:
            return
        text = ctx.t(
            "alert.delivery_expired",
            count=int(self.delivery_window.total_seconds() // 3600),
            kind=item.kind,
            recipient=self._recipient(ctx, item),
            reason=reason,
        )
        self._tell_admins(ctx, EXPIRED_ALERT, Reply(text=text), now)

    def _alert_admins(self, uow: UnitOfWork, item: OutboxItem, reason: str, now: datetime) -> None:
        ctx = self._alerting_context(uow, item, reason, now)
        if ctx is None:
            return
        alert = Reply(
            text=ctx.t(
                "alert.delivery_failed",
                recipient=self._recipient(ctx, item),
                kind=item.kind,
                reason=reason,
            )
        )
        for member in uow.members.all(ctx.network.id):
            if Role.ADMIN in member.roles and member.id != item.member_id:
                ctx.notify(member.id, alert, kind=DELIVERY_ALERT)
