"""Who a Slack user is to Apport: display name and whether they administer the workspace.

Read from `users.info` and cached for a while (names change rarely, and Slack rate-limits the
method), so most commands cost no extra call. When Slack cannot answer, the name the request
carried is used and the user is not treated as an admin.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from adapters.slack.workspaces import NotInstalled, OneWorkspace, Workspaces

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SlackUser:
    id: str
    name: str
    admin: bool = False  # workspace admin or owner
    bot: bool = False
    deleted: bool = False


def _name(user: dict[str, object]) -> str:
    profile = user.get("profile")
    profile = profile if isinstance(profile, dict) else {}
    for candidate in (
        profile.get("display_name"),
        profile.get("real_name"),
        user.get("real_name"),
        user.get("name"),
    ):
        if isinstance(candidate, str) and candidate.strip():
            return " ".join(candidate.split())
    return str(user.get("id", ""))


class UserDirectory:
    """Users by workspace, read with that workspace's client."""

    def __init__(
        self,
        clients: WebClient | Workspaces,
        ttl: float = 600.0,
        size: int = 5000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clients: Workspaces = (
            OneWorkspace(clients) if isinstance(clients, WebClient) else clients
        )
        self.ttl = ttl
        self.size = size
        self.clock = clock
        self._cache: OrderedDict[tuple[str, str], tuple[float, SlackUser]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, team_id: str, user_id: str, fallback_name: str = "") -> SlackUser:
        now = self.clock()
        key = (team_id, user_id)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and now - hit[0] < self.ttl:
                self._cache.move_to_end(key)
                return hit[1]
        user = self._fetch(team_id, user_id)
        if user is None:
            return SlackUser(user_id, fallback_name or user_id)
        with self._lock:
            self._cache[key] = (now, user)
            self._cache.move_to_end(key)
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return user

    def _fetch(self, team_id: str, user_id: str) -> SlackUser | None:
        try:
            data = self.clients(team_id).users_info(user=user_id).get("user")
        except NotInstalled:
            return None
        except SlackApiError as error:
            log.warning("users.info failed for %s: %s", user_id, error.response.get("error"))
            return None
        except (SlackClientError, OSError) as error:
            log.warning("users.info failed for %s: %s", user_id, type(error).__name__)
            return None
        if not isinstance(data, dict):
            return None
        return SlackUser(
            id=user_id,
            name=_name(data),
            admin=any(bool(data.get(k)) for k in ("is_admin", "is_owner", "is_primary_owner")),
            bot=bool(data.get("is_bot")),
            deleted=bool(data.get("deleted")),
        )


class TeamNames:
    """A workspace's name for a new network: the bot's own team name, else the domain."""

    def __init__(self, own_team_id: str = "", own_team_name: str = "") -> None:
        self.own_team_id = own_team_id
        self.own_team_name = own_team_name

    def name(self, team_id: str, domain: str = "") -> str:
        if team_id == self.own_team_id and self.own_team_name:
            return self.own_team_name
        return domain or team_id
