"""The audit trail: who changed roles, settings and the charter, who exported or erased data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AuditEntry:
    network_id: int
    actor_id: int | None
    at: datetime
    what: str  # role.granted, role.removed, setting, charter.version, export, erasure
    detail: str = ""
