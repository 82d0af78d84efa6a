"""Who is acting, and in which workspace, read from a command, interaction or event payload."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _team_of(body: dict[str, Any]) -> tuple[str, str]:
    team = body.get("team") or {}
    user = body.get("user") or {}
    enterprise = body.get("enterprise") or {}
    # Org-wide installs may send no team on some payloads: the user's team keys the network.
    team_id = team.get("id") or user.get("team_id") or enterprise.get("id") or ""
    return str(team_id), str(team.get("domain") or "")


@dataclass(frozen=True)
class Who:
    team_id: str
    team_domain: str
    user_id: str
    user_name: str  # what the payload called the user: a fallback when users.info fails

    @classmethod
    def from_command(cls, body: dict[str, Any]) -> Who:
        return cls(
            team_id=str(body.get("team_id") or body.get("enterprise_id") or ""),
            team_domain=str(body.get("team_domain") or ""),
            user_id=str(body["user_id"]),
            user_name=str(body.get("user_name") or ""),
        )

    @classmethod
    def from_interaction(cls, body: dict[str, Any]) -> Who:
        team_id, domain = _team_of(body)
        user = body.get("user") or {}
        return cls(
            team_id=team_id,
            team_domain=domain,
            user_id=str(user["id"]),
            user_name=str(user.get("username") or user.get("name") or ""),
        )

    @classmethod
    def from_event(cls, body: dict[str, Any], event: dict[str, Any]) -> Who:
        return cls(
            team_id=str(body.get("team_id") or event.get("team") or ""),
            team_domain="",
            user_id=str(event["user"]),
            user_name="",
        )
