"""A network's life on its platform: the app removed from the workspace or server, put back,
and its data erased once it has stayed away for `uninstalled-retention-days`.

While a network is uninstalled nothing is sent to it: its messages are skipped and its
scheduled jobs wait (`WAIT`), so a reinstall within the period finds everything as it was.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.outbox import OutboxItem
from core.shared.ports import UnitOfWork
from core.shared.tenancy import Network
from core.shared.ui import Reply

ERASE = "retention.network"
SUBJECT = "network"
WAIT = timedelta(hours=1)  # how long a job of an uninstalled network waits before looking again


def erase_at(network: Network) -> datetime:
    """When an uninstalled network's data goes (it must be uninstalled)."""
    assert network.uninstalled_at is not None
    return network.uninstalled_at + timedelta(days=network.uninstalled_retention_days)


def uninstall(uow: UnitOfWork, network: Network, now: datetime) -> bool:
    """Mark the network uninstalled and schedule its erasure; False when it already was
    (the platform may say it twice: Slack sends `app_uninstalled` and `tokens_revoked`)."""
    if network.uninstalled_at is not None:
        return False
    network.uninstalled_at = now
    uow.networks.update(network)
    uow.outbox.add(
        OutboxItem(
            network.id,
            ERASE,
            erase_at(network),
            key=f"erase-network:{now:%Y%m%dT%H%M%S%f}",
            subject=SUBJECT,
        )
    )
    uow.audit.add(AuditEntry(network.id, None, now, "uninstalled"))
    return True


def reinstall(uow: UnitOfWork, network: Network, now: datetime) -> bool:
    """The app is back within the period: nothing is erased; False when it never left."""
    if network.uninstalled_at is None:
        return False
    network.uninstalled_at = None
    uow.networks.update(network)
    uow.outbox.cancel(network.id, SUBJECT, (ERASE,))
    uow.audit.add(AuditEntry(network.id, None, now, "reinstalled"))
    return True


def erase_when_due(ctx: Context, item: OutboxItem) -> tuple[str, Reply] | None:
    """The erasure job: everything the network holds, unless it came back in time."""
    network = ctx.network
    if network.uninstalled_at is None or ctx.now < erase_at(network):
        return None
    ctx.uow.networks.erase(network.id)
    return None
