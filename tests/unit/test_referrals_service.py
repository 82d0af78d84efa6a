"""Referrals through the application facade: posting, the lifecycle, refusals, notices."""

from datetime import timedelta
from decimal import Decimal

import pytest

from core.referrals.model import Status
from core.shared.ui import Notice
from tests.driver import Bot, user_id

D = Decimal


@pytest.fixture
def bot() -> Bot:
    """Alice (admin) set a 10% commission, min 50, max 2000; Alice, Bob, Carol accepted it."""
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10% min 50 max 2000")
    bot.join("Alice", "Bob", "Carol")
    bot.messenger.clear()
    return bot


def notices(bot: Bot, name: str) -> list[Notice]:
    return bot.messenger.to(user_id(name))


def field(reply_fields: tuple[object, ...], label: str) -> str:
    for item in reply_fields:
        if getattr(item, "label", None) == label:
            return str(getattr(item, "value", ""))
    raise AssertionError(f"no field {label!r}")


def referral_count(bot: Bot) -> int:
    return bot.db.count("referrals")


# Posting


def test_refer_posts_referral_one_and_tells_the_receiver(bot: Bot) -> None:
    reply = bot.ok("Alice", "refer", "@Bob Acme Corp | a new website | 5 000 | 3")

    assert reply.text == "Referral #1 for Acme Corp sent to Bob."
    stored = bot.referral(1)
    assert stored.status is Status.OFFERED
    assert stored.referrer_id == bot.member("Alice").id
    assert stored.receiver_id == bot.member("Bob").id
    assert stored.need == "a new website"
    assert stored.estimated_value == D("5000.00")
    assert stored.temperature == 3
    assert stored.charter_version == 2
    assert [e.to_status for e in stored.events] == [Status.OFFERED]

    [incoming] = notices(bot, "Bob")
    assert incoming.kind == "referral.card"
    assert incoming.reply.text == "Alice passes you a new referral, #1: Acme Corp."
    assert incoming.reply.title == "Referral #1: Acme Corp"
    assert field(incoming.reply.fields, "Estimated value") == "€5,000"
    assert [(a.label, a.command, a.args) for a in incoming.reply.actions] == [
        ("Accept", "referral", "1 accept"),
        ("Decline", "referral", "1 decline"),
    ]
    [given] = notices(bot, "Alice")  # the referrer's copy of the card
    assert given.reply.text.startswith("You passed Acme Corp to Bob: referral #1.")
    assert given.reply.title == "Referral #1: Acme Corp" and not given.reply.actions[1:]


def test_refer_defaults_to_temperature_one_and_no_value(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@bob acme | website")
    stored = bot.referral(1)
    assert (stored.temperature, stored.estimated_value) == (1, None)


def test_refer_names_the_receiver_by_platform_id(bot: Bot) -> None:
    bot.ok("Alice", "refer", f"@{user_id('Bob')} Acme | website")
    assert bot.referral(1).receiver_id == bot.member("Bob").id


def test_refer_with_no_text_answers_with_the_form(bot: Bot) -> None:
    reply = bot.ok("Alice", "refer")
    assert reply.form is not None
    assert reply.form.command == "refer"
    assert [i.name for i in reply.form.inputs][:3] == ["receiver", "client", "need"]
    assert referral_count(bot) == 0


def test_refer_through_the_submitted_form(bot: Bot) -> None:
    values = {"receiver": "Bob", "client": "Acme", "need": "website", "value": "1 200"}
    reply = bot.run("Alice", "refer", values=values)
    assert not reply.error
    assert reply.text == "Referral #1 for Acme sent to Bob."
    assert bot.referral(1).estimated_value == D("1200.00")


# The lifecycle


def test_whole_lifecycle_with_the_commission_of_the_charter_in_force(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website | 20000")
    # A new rule after posting does not change what referral #1 earns.
    bot.ok("Alice", "charter", "commission 5%")
    bot.ok("Alice", "charter", "accept")
    bot.ok("Bob", "charter", "accept")
    bot.messenger.clear()

    accepted = bot.ok("Bob", "referral", "1 accept")
    assert accepted.text == "You accepted referral #1. Keep the referrer informed."
    assert [n.reply.text for n in notices(bot, "Alice")] == ["Bob accepted your referral #1."]
    assert notices(bot, "Alice")[-1].kind == "referral.card"

    bot.ok("Bob", "referral", "1 contacted")
    assert notices(bot, "Alice")[-1].reply.text == "Bob contacted the client of referral #1."

    won = bot.ok("Bob", "referral", "1 won 12 000")
    assert won.text == "Referral #1 won. Commission due to the referrer: €1,200."
    assert field(won.fields, "Closed (before tax)") == "€12,000"
    assert notices(bot, "Alice")[-1].reply.text == (
        "Bob won referral #1 for €12,000. Commission due to you: €1,200.\n"
        "Thank you, Alice: your referral brought Bob €12,000 of business."
    )
    assert won.footer == (
        "Thank Alice in front of the network: /thanks 1 | MESSAGE (add amount after the number "
        "to show the amount)."
    )
    # The referrer's notice offers the move that is theirs now.
    assert [a.args for a in notices(bot, "Alice")[-1].reply.actions] == ["1 paid"]

    paid = bot.ok("Alice", "referral", "1 paid")
    assert paid.text == "Commission of €1,200 for referral #1 marked paid."
    assert notices(bot, "Bob")[-1].reply.text == (
        "Alice confirmed the commission of €1,200 for referral #1 was received."
    )

    stored = bot.referral(1)
    assert stored.status is Status.PAID
    assert stored.charter_version == 2
    assert (stored.closed_amount, stored.commission_due, stored.commission_paid) == (
        D("12000.00"),
        D("1200.00"),
        D("1200.00"),
    )
    assert [e.to_status for e in stored.events] == [
        Status.OFFERED,
        Status.ACCEPTED,
        Status.CONTACTED,
        Status.WON,
        Status.PAID,
    ]
    assert stored.events[3].note == "€12,000"

    card = bot.ok("Alice", "referral", "1")
    assert field(card.fields, "Status") == "paid"
    assert field(card.fields, "Commission paid") == "€1,200"
    assert field(card.fields, "Charter version") == "2"
    assert len(card.lines) == 5
    assert card.actions == ()  # nothing left to do


def test_won_straight_after_accept_applies_the_minimum(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Bob", "referral", "1 accept")
    reply = bot.ok("Bob", "referral", "1 won 100")
    assert "Commission due to the referrer: €50." in reply.text
    assert bot.referral(1).commission_due == D("50.00")


def test_won_applies_the_cap(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Bob", "referral", "1 accept")
    bot.ok("Bob", "referral", "1 won 1.000.000")
    assert bot.referral(1).commission_due == D("2000.00")


def test_a_referral_made_under_no_commission_owes_none() -> None:
    bot = Bot()
    bot.join("Alice", "Bob")
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Alice", "charter", "commission 10%")  # too late for #1
    bot.join("Alice", "Bob")
    bot.ok("Bob", "referral", "1 accept")
    reply = bot.ok("Bob", "referral", "1 won 5000")
    assert reply.text == (
        "Referral #1 won. No commission is due under the charter: the referral is closed."
    )
    assert bot.referral(1).status is Status.PAID


def test_decline_tells_the_referrer_why(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.messenger.clear()
    reply = bot.ok("Bob", "referral", "1 decline fully booked until June")
    assert reply.text == "You declined referral #1."
    assert notices(bot, "Alice")[-1].reply.text == (
        "Bob declined your referral #1. Reason: fully booked until June"
    )
    assert bot.referral(1).status is Status.DECLINED


def test_cancel_by_the_referrer(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.messenger.clear()
    assert bot.ok("Alice", "referral", "1 cancel").text == "You cancelled referral #1."
    assert notices(bot, "Bob")[-1].reply.text == "Alice cancelled referral #1."


def test_lost_without_reason(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Bob", "referral", "1 accept")
    bot.ok("Bob", "referral", "1 lost")
    assert notices(bot, "Alice")[-1].reply.text == "Bob lost referral #1."


def test_an_admin_who_is_no_party_may_confirm_payment(bot: Bot) -> None:
    bot.ok("Bob", "refer", "@Carol Acme | website")
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 won 1000")
    bot.messenger.clear()

    bot.ok("Alice", "referral", "1 paid")

    assert bot.referral(1).status is Status.PAID
    confirmed = "An admin confirmed that the commission of €100 for referral #1 was paid."
    assert notices(bot, "Carol")[-1].reply.text == confirmed
    assert notices(bot, "Bob")[-1].reply.text == confirmed


def test_the_clock_dates_events(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.clock.advance(timedelta(days=17))
    bot.ok("Bob", "referral", "1 accept")
    stored = bot.referral(1)
    assert stored.events[1].at - stored.events[0].at == timedelta(days=17)
    # Shown in the network's time zone (Paris: UTC+1 in March).
    assert bot.ok("Bob", "referral", "1").lines[1].startswith("Mar 18, 2025, 10:00 AM Bob")


# Refusals: each one is an error reply, and changes nothing


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("@Alice Acme | website", "You cannot refer a client to yourself."),
        ("@Zed Acme | website", "Zed is not a member of this network."),
        ("@Bob Acme", "Usage: /refer @member client | need |"),
        ("@Bob Acme |   ", "Usage: /refer"),
        ("@Bob Acme | website | 1 | 2 | 3 | 4", "Usage: /refer"),
        ("@Bob Acme | website | 1 | 2 | not-a-contact", "not a contact"),
        ("@Bob Acme | website | -3", "-3 is not a valid amount"),
        ("@Bob Acme | website | lots", "lots is not a valid amount"),
        ("@Bob Acme | website | 12.345", "12.345 is not a valid amount"),
        ("@Bob Acme | website | | 0", "whole number from 1 to 5, not 0."),
        ("@Bob Acme | website | | 6", "whole number from 1 to 5, not 6."),
        ("@Bob Acme | website | | warm", "whole number from 1 to 5, not warm."),
        ("@Bob ??? | website", "The client needs a name."),
        ("@Bob Acme | " + "x" * 2001, "“need” is too long (2001 characters; at most 2000)."),
        ("@Bob " + "A" * 2001 + " | website", "“client” is too long"),
    ],
)
def test_refer_refusals(bot: Bot, text: str, says: str) -> None:
    reply = bot.refused("Alice", "refer", text)
    assert says in reply.text
    assert referral_count(bot) == 0


def test_a_need_of_exactly_2000_characters_is_fine(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | " + "x" * 2000)


def test_refer_needs_the_current_charter_accepted(bot: Bot) -> None:
    bot.ok("Dan", "help")  # joins without accepting
    reply = bot.refused("Dan", "refer", "@Bob Acme | website")
    assert reply.text == (
        "Please accept the charter (version 2) first: read it with /charter, "
        "then type /charter accept."
    )


def test_a_new_charter_version_must_be_accepted_again(bot: Bot) -> None:
    bot.ok("Alice", "charter", "commission 5%")
    assert "version 3" in bot.refused("Bob", "refer", "@Carol Acme | website").text
    bot.ok("Bob", "charter", "accept")
    bot.ok("Bob", "refer", "@Carol Acme | website")


def test_accept_needs_the_charter_too(bot: Bot) -> None:
    bot.ok("Bob", "refer", "@Carol Acme | website")
    bot.ok("Alice", "charter", "commission 5%")
    reply = bot.refused("Carol", "referral", "1 accept")
    assert "accept the charter (version 3)" in reply.text
    assert bot.referral(1).status is Status.OFFERED


def test_without_charter_requirement_anyone_refers_and_accepts(bot: Bot) -> None:
    bot.ok("Alice", "network", "set charter_required off")
    bot.ok("Erin", "help")
    bot.ok("Dan", "refer", "@Erin Acme | website")
    bot.ok("Erin", "referral", "1 accept")
    assert bot.referral(1).status is Status.ACCEPTED


@pytest.mark.parametrize(
    ("who", "text", "says"),
    [
        ("Alice", "1 accept", "Only the member who received referral #1 can mark it accepted."),
        ("Alice", "1 decline", "Only the member who received referral #1 can mark it declined."),
        ("Bob", "1 cancel", "Only the member who gave referral #1 can mark it cancelled."),
        ("Alice", "1 won 100", "Only the member who received referral #1 can mark it won."),
        ("Carol", "1 accept", "Referral #1 is not one of yours."),
        ("Carol", "1", "Referral #1 is not one of yours."),
        ("Bob", "1 won 100", "it cannot be marked won yet. Accept it first: /referral 1 accept."),
        ("Bob", "1 contacted", "Referral #1 is offered: it cannot be marked contacted yet. Accept "
         "it first: /referral 1 accept."),
        ("Bob", "1 lost", "Referral #1 is offered: it cannot be marked lost yet. Accept it first"),
        ("Alice", "1 paid", "Referral #1 is offered: it cannot be marked paid yet. Bob has to "
         "accept it first."),
        ("Bob", "99", "There is no referral #99 in this network."),
        ("Bob", "99 accept", "There is no referral #99 in this network."),
        ("Bob", "abc", "abc is not a number such as 3 or #3."),
        ("Bob", "1 explode", "Usage: /referral N"),
        ("Bob", "1 accept " + "x" * 2001, "“note” is too long"),
    ],
)
def test_move_refusals_on_an_offered_referral(bot: Bot, who: str, text: str, says: str) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.messenger.clear()
    reply = bot.refused(who, "referral", text)
    assert says in reply.text
    assert bot.referral(1).status is Status.OFFERED


@pytest.mark.parametrize(
    ("who", "text", "says"),
    [
        ("Alice", "1 paid", "Referral #1 is accepted: it cannot be marked paid yet. Bob has to "
         "mark it won first."),
        ("Alice", "1 cancel", "Referral #1 is accepted: it cannot be marked cancelled now."),
        ("Bob", "1 accept", "Referral #1 is accepted: it cannot be marked accepted now."),
        ("Bob", "1 won", "Give the amount closed, before tax: /referral 1 won AMOUNT."),
        ("Bob", "1 won -5", "-5 is not a valid amount"),
        ("Bob", "1 won a lot", "a lot is not a valid amount"),
        ("Alice", "1 won 100", "Only the member who received referral #1 can mark it won."),
    ],
)
def test_move_refusals_on_an_accepted_referral(bot: Bot, who: str, text: str, says: str) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Bob", "referral", "1 accept")
    reply = bot.refused(who, "referral", text)
    assert says in reply.text
    assert bot.referral(1).status is Status.ACCEPTED


def test_paid_is_the_referrers_move(bot: Bot) -> None:
    bot.ok("Carol", "refer", "@Bob Acme | website")
    bot.ok("Bob", "referral", "1 accept")
    bot.ok("Bob", "referral", "1 won 1000")
    reply = bot.refused("Bob", "referral", "1 paid")
    assert reply.text == "Only the member who gave referral #1 can mark it paid."


@pytest.mark.parametrize("verb", ["accept", "decline", "cancel", "contacted", "won 5", "lost"])
def test_a_closed_referral_moves_no_more(bot: Bot, verb: str) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Bob", "referral", "1 decline")
    who = "Alice" if verb == "cancel" else "Bob"
    reply = bot.refused(who, "referral", f"1 {verb}")
    assert "Referral #1 is declined: it cannot be marked" in reply.text


def test_a_refused_form_submission_changes_nothing(bot: Bot) -> None:
    values = {"receiver": "Bob", "client": "Acme", "need": "website", "temperature": "9"}
    reply = bot.refused("Alice", "refer", values=values)
    assert "not 9" in reply.text


@pytest.mark.parametrize(
    ("command", "text"),
    [("refer", "@Bob Acme | website | | ²"), ("referral", "²")],
)
def test_unicode_digits_are_refused_not_crashed_on(bot: Bot, command: str, text: str) -> None:
    bot.refused("Alice", command, text)


# Client ownership


def test_the_first_member_to_refer_a_client_owns_it(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob ACME corp SARL | website")
    bot.messenger.clear()

    reply = bot.ok("Carol", "refer", "@Bob Acme Corp | accounting")

    assert reply.text == (
        "Referral #2 for ACME corp SARL sent to Bob.\n"
        "ACME corp SARL is a client of Alice: the relationship stays theirs."
    )
    alice = bot.member("Alice")
    assert bot.referral(2).client_owner_id == alice.id
    assert bot.referral(2).client_id == bot.referral(1).client_id
    assert [n.reply.text for n in notices(bot, "Alice")] == [
        "Your client ACME corp SARL was referred by Carol to Bob (referral #2). "
        "The relationship stays yours."
    ]
    assert notices(bot, "Bob")[-1].reply.text.endswith(
        "ACME corp SARL is a client of Alice: the relationship stays theirs."
    )
    card = bot.ok("Bob", "referral", "2")
    assert field(card.fields, "Client relationship owner") == "Alice"
    assert field(card.fields, "From") == "Carol"


def test_clients_lists_the_clients_a_member_owns(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Zenith | website")
    bot.ok("Alice", "refer", "@Carol Acme SAS | audit")
    bot.ok("Carol", "refer", "@Bob acme | website")

    mine = bot.ok("Alice", "clients")
    assert mine.title == "My clients"
    assert mine.lines == ("Acme SAS (since Mar 1, 2025)", "Zenith (since Mar 1, 2025)")

    assert bot.ok("Carol", "clients").text == (
        "You have not brought any client into the network yet."
    )


# Numbering and listing


def test_numbers_count_from_one_in_each_network(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Alice", "refer", "@Carol Zenith | audit")
    bot.ok("Xavier", "charter", "accept", network="T2")
    bot.ok("Yann", "charter", "accept", network="T2")

    reply = bot.ok("Xavier", "refer", "@Yann Omega | design", network="T2")

    assert reply.text.startswith("Referral #1 for Omega")
    assert bot.referral(1, network="T2").need == "design"
    assert bot.referral(1).need == "website"
    assert bot.member("Xavier", network="T2").is_admin
    assert bot.ok("Alice", "referral", "2").title == "Referral #2: Zenith"
    assert "There is no referral #2" in bot.refused("Xavier", "referral", "2", network="T2").text
    # Members of one network are strangers to the other.
    stranger = bot.refused("Xavier", "refer", "@Bob Acme | website", network="T2")
    assert stranger.text == "Bob is not a member of this network."


def test_a_refused_referral_does_not_use_up_a_number(bot: Bot) -> None:
    bot.refused("Alice", "refer", "@Bob Acme | website | | 9")
    assert bot.ok("Alice", "refer", "@Bob Acme | website").text.startswith("Referral #1 ")


@pytest.fixture
def ledger(bot: Bot) -> Bot:
    bot.ok("Alice", "refer", "@Bob Acme | website")  # 1: given, open
    bot.ok("Bob", "refer", "@Alice Zenith | audit")  # 2: received, open
    bot.ok("Alice", "refer", "@Carol Omega | design")  # 3: given, declined
    bot.ok("Carol", "referral", "3 decline")
    bot.ok("Bob", "referral", "1 accept")
    bot.ok("Bob", "referral", "1 won 12000")
    return bot


def numbers(lines: tuple[str, ...]) -> list[str]:
    return [line.split(" ")[0] for line in lines]


def test_referrals_lists_given_and_received_with_totals(ledger: Bot) -> None:
    reply = ledger.ok("Alice", "referrals")
    assert reply.title == "My referrals"
    assert numbers(reply.lines) == ["#3", "#2", "#1"]
    assert reply.lines[2] == (
        "#1 to Bob: Acme, won; closed €12,000, commission due €1,200, paid €0"
    )
    assert reply.lines[1].startswith("#2 passed by Bob: Zenith, offered")
    assert reply.footer == (
        "3 referrals. Commission still due to me: €1,200; still owed by me: €0."
    )
    assert ledger.ok("Bob", "referrals").footer == (
        "2 referrals. Commission still due to me: €0; still owed by me: €1,200."
    )


@pytest.mark.parametrize(
    ("choice", "title", "expected"),
    [
        ("given", "Referrals I gave", ["#3", "#1"]),
        ("received", "Referrals I received", ["#2"]),
        ("open", "My open referrals", ["#2"]),
    ],
)
def test_referrals_filters(ledger: Bot, choice: str, title: str, expected: list[str]) -> None:
    reply = ledger.ok("Alice", "referrals", choice)
    assert reply.title == title
    assert numbers(reply.lines) == expected


def test_referrals_when_there_are_none(bot: Bot) -> None:
    assert bot.ok("Carol", "referrals").text == "No referrals yet. Pass a client with /refer."
    bot.ok("Alice", "refer", "@Carol Acme | website")
    assert bot.ok("Carol", "referrals", "given").text.startswith("No referrals yet.")


def test_an_admin_sees_any_card_with_no_moves(bot: Bot) -> None:
    bot.ok("Bob", "refer", "@Carol Acme | website")
    card = bot.ok("Alice", "referral", "1")
    assert card.title == "Referral #1: Acme"
    assert card.actions == ()


def test_the_card_offers_each_party_its_own_moves(bot: Bot) -> None:
    bot.ok("Alice", "refer", "@Bob Acme | website")
    assert [a.args for a in bot.ok("Alice", "referral", "1").actions] == ["1 cancel"]
    bot.ok("Bob", "referral", "1 accept")
    actions = bot.ok("Bob", "referral", "1").actions
    assert [a.args for a in actions] == ["1 contacted", "1 won", "1 lost"]
    won = actions[1].ask
    assert won is not None and won.kind.value == "amount"
