"""The users a command names become members in the command's own transaction."""

from __future__ import annotations

from core.app import Invocation, PlatformUser
from core.shared.ui import Problem
from tests.driver import Bot, user_id


def _alice(bot: Bot, command: str, text: str, *mentioned: str) -> Invocation:
    return Invocation(
        network_key=bot.network,
        network_name=f"Net {bot.network}",
        user_id=user_id("Alice"),
        user_name="Alice",
        command=command,
        text=text,
        mentions=tuple(PlatformUser(user_id(name), name) for name in mentioned),
    )


def _members(bot: Bot) -> list[str]:
    with bot.uow_factory() as uow:
        network = uow.networks.get_by_key(bot.network)
        assert network is not None
        return [m.display_name for m in uow.members.all(network.id)]


def test_a_refused_command_enrols_no_one_it_mentions() -> None:
    bot = Bot()
    bot.join("Alice")
    commits = bot.db.commits

    refused = bot.app.handle(_alice(bot, "refer", "@U-nina Acme | audit | 12abc", "Nina"))

    assert refused.error and refused.text.startswith("12abc is not a valid amount")
    assert refused.problem == Problem("error.invalid_amount", "value")
    assert bot.db.commits == commits
    assert _members(bot) == ["Alice"]


def test_an_accepted_command_enrols_the_mentioned_after_the_actor() -> None:
    bot = Bot()

    accepted = bot.app.handle(_alice(bot, "charter", "accept", "Nina", "Alice"))

    assert not accepted.error, accepted.text
    assert _members(bot) == ["Alice", "Nina"]
    assert bot.member("Alice").is_admin and not bot.member("Nina").is_admin
    done = bot.app.handle(_alice(bot, "refer", "@U-omar Acme | audit | 5000", "Omar"))
    assert done.text.startswith("Referral #1 for Acme sent to Omar."), done.text
    assert _members(bot) == ["Alice", "Nina", "Omar"]
