"""Clients a member brought into the network, and who owns the relationship."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Client:
    id: int
    network_id: int
    name: str
    key: str  # normalised name, unique in the network
    owner_id: int
    created_at: datetime
