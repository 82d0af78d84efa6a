"""Network settings and roles: who is admin, what admins may change, and the locale."""

from datetime import timedelta

import pytest

from core.app import Invocation
from core.network.services import parse_offset
from core.shared.errors import InvalidValue
from core.shared.tenancy import Role
from core.shared.ui import Reply
from tests.driver import Bot, user_id

NNBSP = "\u202f"


@pytest.fixture
def bot() -> Bot:
    bot = Bot()
    bot.join("Alice", "Bob", "Carol")
    bot.messenger.clear()
    return bot


def fields(reply: Reply) -> dict[str, str]:
    return {f.label: f.value for f in reply.fields}


def test_the_first_member_is_admin_and_the_others_are_not(bot: Bot) -> None:
    assert bot.member("Alice").roles == {Role.ADMIN}
    assert bot.member("Bob").roles == set()
    assert bot.member("Carol").roles == set()


def test_a_platform_admin_joins_as_admin(bot: Bot) -> None:
    bot.app.handle(Invocation("T1", "Net T1", user_id("Dan"), "Dan", "help", platform_admin=True))
    bot.app.handle(Invocation("T1", "Net T1", user_id("Bob"), "Bob", "help", platform_admin=True))
    assert bot.member("Dan").is_admin
    assert bot.member("Bob").is_admin


def test_a_new_display_name_is_kept(bot: Bot) -> None:
    bot.app.handle(Invocation("T1", "Net T1", user_id("Bob"), "Robert", "help"))
    assert bot.member("Bob").display_name == "Robert"
    bot.ok("Alice", "network", "role @Robert recruiter")


def test_everyone_can_read_the_settings(bot: Bot) -> None:
    reply = bot.ok("Bob", "network")

    assert reply.title == "Network Net T1"
    assert fields(reply) == {
        "Name": "Net T1  (name)",
        "Language": "English  (locale)",
        "Currency": "EUR  (currency)",
        "Time zone": "Europe/Paris  (timezone)",
        "Charter must be accepted to refer": "on  (charter-required)",
        "Days before asking whether the client was served well": "14 days  (followup-days)",
        "Charter reminder (weekly)": "Monday 09:00  (charter-reminder)",
        "Announcements channel": "none  (announcements-channel)",
        "Recruiters channel": "none  (recruiters-channel)",
        "One member per profession": "on  (exclusivity)",
        "Days of membership that make an interviewer": "180 days  (experienced-days)",
        "Days before an interviewer is reminded of their report": "7 days  (interview-days)",
        "Vote waits for a visit at the candidate's workplace": "off  (site-visit)",
        "Days a vote stays open": "7 days  (vote-days)",
        "Quorum of recruiters": "1/2  (quorum)",
        "Share of yes needed": "2/3  (threshold)",
        "Months client contacts are kept after a referral closes": (
            "24 months  (contact-retention-months)"
        ),
        "Days the receiver may correct the amount of a won referral": "30 days  (correction-days)",
        "Days before an unpaid commission is reminded (twice that: admins)": (
            "30 days  (payment-days)"
        ),
        "Days the club's data is kept after the app is removed": "30 days  "
        "(uninstalled-retention-days)",
        "When the week's asks are posted (day and time, or off)": "Monday 08:00  (asks-day)",
        "Weeks an ask stays current": "1 week  (ask-weeks)",
        'Minutes the "I\'m here" button stays open': "60  (checkin-minutes)",
        "Absences allowed in the window (medical and substitutes aside)": "3  (absences-allowed)",
        "Months the absences are counted over": "6 months  (absence-window-months)",
        "Months after the visit before a visitor's contact is erased": "6 months  "
        "(visitor-retention-months)",
        "Months the engagement light is read over": "6 months  (engagement-months)",
        "Days a new member's light stays grey": "60 days  (grace-days)",
        "Weight of attendance in the engagement light": "3  (weight-attendance)",
        "Weight of referrals given in the engagement light": "3  (weight-referrals)",
        "Weight of visitors brought in the engagement light": "1  (weight-visitors)",
        "Weight of the quality score in the engagement light": "2  (weight-quality)",
        "Weeks between pairing rounds (off: no rounds)": "2  (pairing-weeks)",
        "Months before two members are paired again": "6 months  (pairing-months)",
        "Admins": "Alice",
        "Recruiters": "-",
        "Experienced members": "-",
        "Secretaries": "-",
        "Members": "3",
    }
    assert reply.footer.startswith("Admins change a setting with /network set KEY VALUE")


def test_grant_and_remove_a_role(bot: Bot) -> None:
    granted = bot.ok("Alice", "network", "role @Bob recruiter")
    assert granted.text == "Bob is now recruiter."
    assert bot.member("Bob").roles == {Role.RECRUITER}
    assert bot.messenger.texts_to(user_id("Bob")) == ["Alice made you recruiter."]
    assert fields(bot.ok("Carol", "network"))["Recruiters"] == "Bob"

    assert bot.ok("Alice", "network", "role @Bob recruiter").text == "Bob is already recruiter."
    assert len(bot.messenger.sent) == 1

    removed = bot.ok("Alice", "network", "role @bob recruiter remove")
    assert removed.text == "Bob is no longer recruiter."
    assert bot.member("Bob").roles == set()
    assert bot.messenger.texts_to(user_id("Bob"))[-1] == "Alice removed your role recruiter."

    absent = bot.ok("Alice", "network", "role @Bob recruiter remove")
    assert absent.text == "Bob is not recruiter."


def test_a_second_admin_can_act_as_admin(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Bob admin")
    bot.ok("Bob", "network", "role @Carol experienced")
    assert bot.member("Carol").roles == {Role.EXPERIENCED}


def test_the_last_admin_cannot_be_removed(bot: Bot) -> None:
    reply = bot.refused("Alice", "network", "role @Alice admin remove")
    assert reply.text == (
        "The network needs at least one admin: grant the role to someone else first."
    )
    assert bot.member("Alice").is_admin


def test_an_admin_may_step_down_once_another_is_admin(bot: Bot) -> None:
    bot.ok("Alice", "network", "role @Bob admin")
    bot.ok("Alice", "network", "role @Alice admin remove")
    assert not bot.member("Alice").is_admin
    assert bot.refused("Alice", "network", "set currency USD").text == (
        "Only network admins can do that."
    )
    last = bot.refused("Bob", "network", "role @Bob admin remove")
    assert "needs at least one admin" in last.text


@pytest.mark.parametrize(
    "text",
    ["role @Carol recruiter", "role @Alice admin remove", "set locale fr", "set name Mine"],
)
def test_non_admins_change_nothing(bot: Bot, text: str) -> None:
    assert bot.refused("Bob", "network", text).text == "Only network admins can do that."


def test_role_for_a_stranger(bot: Bot) -> None:
    reply = bot.refused("Alice", "network", "role @Zed recruiter")
    assert reply.text == "Zed is not a member of this network."


def test_set_locale_fr_switches_every_reply_to_french(bot: Bot) -> None:
    reply = bot.ok("Alice", "network", "set locale FR")
    assert reply.text == "Apport parle désormais français dans ce réseau."

    assert bot.ok("Bob", "help").title == "Ce que je sais faire ici"
    assert bot.ok("Bob", "network").title == "Réseau Net T1"
    assert bot.refused("Bob", "network", "set locale en").text == (
        "Seuls les administrateurs du réseau peuvent faire cela."
    )
    assert bot.refused("Bob", "refer", "@Bob Acme | site").text == (
        "Vous ne pouvez pas vous recommander un client à vous-même."
    )

    bot.ok("Bob", "refer", "@Carol Acme | site web")
    bot.ok("Carol", "referral", "1 accept")
    assert bot.refused("Carol", "referral", "1 paid").text == (
        "Seul l'apporteur de la recommandation n° 1 peut la marquer « commission payée »."
    )
    assert bot.refused("Bob", "referral", "1 cancel").text == (
        "La recommandation n° 1 est au statut « acceptée » : elle ne peut pas être marquée "
        "« annulée » pour l'instant."
    )
    won = bot.ok("Carol", "referral", "1 won 1 200,50")
    assert f"1{NNBSP}200,50\xa0€" in fields(won).values()


def test_usage_errors_follow_the_locale(bot: Bot) -> None:
    bot.ok("Alice", "network", "set locale fr")
    reply = bot.refused("Bob", "refer", "@Carol Acme")
    assert reply.text.startswith("Utilisation : /refer @membre client | besoin |")


def test_set_currency_changes_how_amounts_are_shown(bot: Bot) -> None:
    assert bot.ok("Alice", "network", "set currency usd").text == "Amounts are now in USD."
    bot.ok("Alice", "charter", "commission 150")
    bot.join("Alice", "Bob")
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Bob", "referral", "1 accept")
    assert bot.ok("Bob", "referral", "1 won 1200").text == (
        "Referral #1 won. Commission due to the referrer: $150."
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("set currency EURO", "EURO is not a currency code (three letters, such as EUR)."),
        ("set currency 12", "12 is not a currency code"),
        ("set timezone Mars/Olympus", "Mars/Olympus is not a time zone (such as Europe/Paris)."),
        ("set timezone Europe", "Europe is not a time zone"),
        ("set locale de", "de is not one of: en, fr."),
        ("set charter_required maybe", "maybe is not one of: on, off."),
        ("set name " + "n" * 101, "A name needs 1 to 100 characters."),
        ("set colour red", "Usage: /network set name|locale|currency|timezone|charter-required"),
        ("set followup-days 0", "0 is not a number of days from 1 to 365."),
        ("set charter-reminder someday", "someday is not a weekly schedule"),
        ("set locale", "Usage: /network set"),
    ],
)
def test_invalid_settings_are_refused(bot: Bot, text: str, says: str) -> None:
    assert says in bot.refused("Alice", "network", text).text


@pytest.mark.parametrize(
    ("text", "shown", "attribute", "value"),
    [
        (
            "set timezone America/New_York",
            "The time zone is now America/New_York.",
            "timezone",
            "America/New_York",
        ),
        (
            "set charter_required off",
            "Members may now pass referrals without accepting the charter.",
            "charter_required",
            False,
        ),
        (
            "set charter_required oui",
            "Members must now accept the charter before they pass a referral.",
            "charter_required",
            True,
        ),
        (
            "set name  The   Lyon Club ",
            "The network is now called The Lyon Club.",
            "name",
            "The Lyon Club",
        ),
        (
            "set followup-days 21",
            "Referrers are now asked whether their client was served well after 21 days.",
            "followup_days",
            21,
        ),
        (
            "set charter-reminder lundi 8h30",
            "A rule of the charter is now recalled every Monday at 08:30.",
            "charter_reminder",
            "mon 08:30",
        ),
        (
            "set charter-reminder off",
            "The charter is no longer recalled each week.",
            "charter_reminder",
            "off",
        ),
        (
            "set announcements-channel #general",
            "Announcements are now posted in general.",
            "announcements_channel",
            "general",
        ),
    ],
)
def test_valid_settings_are_stored(
    bot: Bot, text: str, shown: str, attribute: str, value: object
) -> None:
    assert bot.ok("Alice", "network", text).text == shown
    with bot.uow_factory() as uow:
        network = uow.networks.get_by_key("T1")
    assert getattr(network, attribute) == value


def test_locale_and_time_zone_of_a_network_or_the_defaults(bot: Bot) -> None:
    bot.ok("Xavier", "help", network="T2")
    assert bot.app.locale_of("T2") == "en"
    assert bot.app.locale_of("nowhere") == "en"
    assert bot.app.timezone_of("nowhere") == "Europe/Paris"


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("+14d", timedelta(days=14)),
        ("3h", timedelta(hours=3)),
        ("+90m", timedelta(minutes=90)),
    ],
)
def test_parse_offset(text: str, delta: timedelta) -> None:
    assert parse_offset(text) == delta


@pytest.mark.parametrize("text", ["", "14", "d", "-3d", "+1.5h", "3w", "++3d"])
def test_parse_offset_refuses(text: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        parse_offset(text)
    assert refused.value.key == "error.invalid_offset"
