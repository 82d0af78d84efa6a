"""The Web API client of each workspace: one bot token when a club hosts itself, or the token
its installation stored (OAuth), looked up once and kept, and rotated before it expires when
the app uses token rotation (Bolt does the same for the listeners' own clients)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Bot, InstallationStore
from slack_sdk.oauth.token_rotation import TokenRotator

log = logging.getLogger(__name__)

ROTATE_BEFORE = timedelta(minutes=120)  # as Bolt's default: rotate two hours before expiry
KEPT = 300.0  # seconds a looked-up token is used before the store is read again


class NotInstalled(LookupError):
    """No installation holds a bot token for this workspace (removed, or never added)."""


class OneWorkspace:
    """A club hosting itself: every workspace's client is the one bot token's."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def __call__(self, team_id: str) -> WebClient:
        return self.client


class InstalledWorkspaces:
    """Each workspace's client, with the bot token its installation holds."""

    def __init__(
        self,
        store: InstallationStore,
        make_client: Callable[[str], WebClient],
        rotator: TokenRotator | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.make_client = make_client  # a client for a token (base URL, timeouts, retries)
        self.rotator = rotator
        self.clock = clock
        self._kept: dict[str, tuple[float, Bot, WebClient]] = {}
        self._lock = threading.Lock()

    def __call__(self, team_id: str) -> WebClient:
        now = self.clock()
        with self._lock:
            kept = self._kept.get(team_id)
        if kept is not None and now - kept[0] < KEPT and not _expiring(kept[1]):
            return kept[2]
        bot = self._bot(team_id)
        client = self.make_client(str(bot.bot_token))
        with self._lock:
            self._kept[team_id] = (now, bot, client)
        return client

    def forget(self, team_id: str) -> None:
        """The workspace removed the app: its token goes at once."""
        with self._lock:
            self._kept.pop(team_id, None)

    def _bot(self, team_id: str) -> Bot:
        bot = self.store.find_bot(enterprise_id=None, team_id=team_id)
        if bot is None or not bot.bot_token:
            raise NotInstalled(team_id)
        if self.rotator is not None and _expiring(bot):
            rotated = self.rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=int(ROTATE_BEFORE.total_seconds() // 60)
            )
            if rotated is not None:
                self.store.save_bot(rotated)
                log.info("rotated the bot token of %s", team_id)
                return rotated
        return bot


def _expiring(bot: Bot) -> bool:
    expires = bot.bot_token_expires_at
    if expires is None:
        return False
    return datetime.fromtimestamp(expires, UTC) - datetime.now(UTC) <= ROTATE_BEFORE


Workspaces = Callable[[str], WebClient]
