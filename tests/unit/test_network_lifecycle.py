"""The app removed from a workspace or server, and put back: nothing is sent while it is
away, its data goes after `uninstalled-retention-days`, and a reinstall in time keeps all."""

from __future__ import annotations

from datetime import timedelta

from core.app import Apport, FirstAdmin, PlatformUser
from core.network import lifecycle
from tests.database_copies import network_tables
from tests.driver import Bot, user_id


def _queued_referral(bot: Bot) -> None:
    """alice refers a client to bob; bob's notice waits in the outbox."""
    bot.join("alice", "bob")
    bot.app.after_commit = None
    bot.ok("alice", "refer", "@bob Acme | audit")
    bot.messenger.clear()


def _network_id(bot: Bot, key: str = "T1") -> int | None:
    with bot.uow_factory() as uow:
        found = uow.networks.get_by_key(key)
        return found.id if found else None


def test_nothing_is_sent_to_an_uninstalled_network() -> None:
    bot = Bot()
    _queued_referral(bot)

    assert bot.app.uninstalled("T1")
    report = bot.dispatcher.run_once()

    assert bot.messenger.sent == []
    assert report.skipped >= 1
    assert bot.db.rows("outbox", kind="notice", state="sent") == []


def test_scheduled_jobs_wait_while_away_and_run_once_back() -> None:
    bot = Bot()
    bot.join("alice")
    bot.ok("alice", "network", "set announcements-channel C-club")
    bot.messenger.clear()
    bot.app.uninstalled("T1")
    bot.clock.advance(timedelta(days=8))  # the weekly charter reminder fell due meanwhile
    bot.dispatcher.run_once()
    assert bot.messenger.sent == []

    bot.app.installed("T1", "Net T1")
    bot.clock.advance(lifecycle.WAIT)
    bot.dispatcher.run_once()

    assert [n.channel for n in bot.messenger.sent] == ["C-club"], "the held reminder goes out"


def test_the_network_is_erased_after_the_retention_period() -> None:
    bot = Bot()
    _queued_referral(bot)
    bot.ok("carol", "charter", "accept", network="T2")  # another club, untouched
    network_id = _network_id(bot)

    bot.app.uninstalled("T1")
    bot.clock.advance(timedelta(days=30) - timedelta(minutes=1))
    bot.dispatcher.run_once()
    assert _network_id(bot) == network_id, "kept until the period is over"

    bot.clock.advance(timedelta(minutes=2))
    bot.dispatcher.run_once()

    assert _network_id(bot) is None
    for table in network_tables():
        assert bot.db.rows(table.name, network_id=network_id) == [], table.name
    assert _network_id(bot, "T2") is not None
    assert bot.member("carol", network="T2")


def test_a_reinstall_within_the_period_keeps_everything() -> None:
    bot = Bot()
    _queued_referral(bot)
    bot.app.uninstalled("T1")
    bot.clock.advance(timedelta(days=29))

    bot.app.installed("T1", "Net T1")
    bot.clock.advance(timedelta(days=5))
    bot.dispatcher.run_once()

    assert bot.referral(1).client_id
    assert bot.member("bob")
    assert bot.db.rows("outbox", kind=lifecycle.ERASE, state="pending") == []


def test_a_shorter_retention_chosen_by_the_admins_is_kept() -> None:
    bot = Bot()
    bot.join("alice")
    bot.ok("alice", "network", "set uninstalled-retention-days 7")

    bot.app.uninstalled("T1")
    bot.clock.advance(timedelta(days=7, minutes=1))
    bot.dispatcher.run_once()

    assert _network_id(bot) is None


def test_removed_twice_is_one_removal() -> None:
    """Slack sends `app_uninstalled` and `tokens_revoked`, in either order."""
    bot = Bot()
    bot.join("alice")

    assert bot.app.uninstalled("T1")
    bot.clock.advance(timedelta(minutes=1))
    bot.app.uninstalled("T1")

    assert len(bot.db.rows("outbox", kind=lifecycle.ERASE)) == 1
    assert not bot.app.uninstalled("T-unknown")


def test_a_command_there_means_the_app_is_back() -> None:
    bot = Bot()
    bot.join("alice")
    bot.app.uninstalled("T1")

    bot.ok("alice", "help")

    network = bot.app.network("T1")
    assert network is not None and network.uninstalled_at is None


def test_the_installer_is_the_first_admin() -> None:
    bot = Bot()
    app = Apport(bot.uow_factory, bot.clock, first_admin=FirstAdmin.WORKSPACE_ADMIN)

    app.installed("T9", "Club", PlatformUser(user_id("zoe"), "zoe"))
    app.installed("T9", "Club", PlatformUser(user_id("yann"), "yann"))  # reinstalled later

    assert bot.member("zoe", network="T9").is_admin
    assert not bot.member("yann", network="T9").is_admin
