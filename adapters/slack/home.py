"""App Home: the core `/home` reply published as the user's Home tab, buttons included."""

from __future__ import annotations

from slack_sdk import WebClient

from adapters.slack.people import Who
from adapters.slack.render import VIEW_BLOCKS, Block, render
from adapters.slack.runner import Runner
from core.shared.ui import Reply


def publish_home(client: WebClient, runner: Runner, who: Who, banner: Reply | None = None) -> None:
    """Publish `who`'s Home tab; `banner` is the outcome of what they just pressed there."""
    blocks: list[Block] = []
    if banner is not None:
        blocks = [*render(banner, with_actions=False), {"type": "divider"}]
    reply = runner.run(who, "home")
    blocks.extend(render(reply, limit=VIEW_BLOCKS - len(blocks)))
    client.views_publish(user_id=who.user_id, view={"type": "home", "blocks": blocks})
