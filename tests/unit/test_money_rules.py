"""Money rules through the facade: commissions within the deal, amounts in the network's
currency, each referral's own currency, corrections, zero commissions, owners, and reminders
of unpaid commissions."""

from datetime import timedelta
from decimal import Decimal

import pytest

from core.referrals.model import Status
from tests.driver import Bot, user_id

D = Decimal


@pytest.fixture
def bot() -> Bot:
    """Alice (admin) set `10% min 50`; Bob referred Acme to Carol, who accepted it."""
    bot = Bot()
    bot.ok("Alice", "charter", "commission 10% min 50")
    bot.join("Alice", "Bob", "Carol")
    bot.ok("Bob", "refer", "@Carol Acme | a new website")
    bot.ok("Carol", "referral", "1 accept")
    bot.messenger.clear()
    return bot


def texts(bot: Bot, name: str) -> list[str]:
    return bot.messenger.texts_to(user_id(name))


def payment_notices(bot: Bot, name: str) -> list[str]:
    return [
        n.reply.text
        for n in bot.messenger.to(user_id(name))
        if n.kind.startswith("referral.payment")
    ]


def field(reply: object, label: str) -> str:
    for item in getattr(reply, "fields", ()):
        if item.label == label:
            return str(item.value)
    raise AssertionError(f"no field {label!r}")


# The commission never exceeds the deal


def test_a_minimum_commission_never_exceeds_the_amount_won(bot: Bot) -> None:
    reply = bot.ok("Carol", "referral", "1 won 20")
    assert reply.text == "Referral #1 won. Commission due to the referrer: €20."
    assert bot.referral(1).commission_due == D("20.00")


# Amounts are positive, in the network's currency


def test_a_zero_amount_won_is_refused(bot: Bot) -> None:
    reply = bot.refused("Carol", "referral", "1 won 0")
    assert reply.text.startswith("0 is not a valid amount")


def test_a_zero_estimated_value_is_refused(bot: Bot) -> None:
    reply = bot.refused("Bob", "refer", "@Carol Initech | bookkeeping | 0")
    assert reply.text.startswith("0 is not a valid amount")


@pytest.mark.parametrize("typed", ["$500", "500 USD", "500 £", "CHF 500"])
def test_another_currency_is_refused_naming_the_network_s(bot: Bot, typed: str) -> None:
    reply = bot.refused("Carol", "referral", f"1 won {typed}")
    assert reply.text == f"{typed} is not in this network's currency: amounts are in EUR."


@pytest.mark.parametrize("typed", ["500 €", "500 EUR", "€500", "500 euros", "500"])
def test_the_network_s_own_symbol_or_code_is_accepted(bot: Bot, typed: str) -> None:
    bot.ok("Carol", "referral", f"1 won {typed}")
    assert bot.referral(1).closed_amount == D("500.00")


def test_an_estimated_value_in_another_currency_is_refused(bot: Bot) -> None:
    reply = bot.refused("Bob", "refer", "@Carol Initech | bookkeeping | 500 USD")
    assert reply.text == "500 USD is not in this network's currency: amounts are in EUR."


def test_the_refusal_is_in_french_in_a_french_network() -> None:
    bot = Bot()
    bot.ok("Alice", "network", "set locale fr")
    bot.join("Alice", "Bob")
    bot.ok("Alice", "refer", "@Bob Acme | site web")
    bot.ok("Bob", "referral", "1 accept")
    reply = bot.refused("Bob", "referral", "1 won 500 $")
    assert reply.text == ("500 $ n'est pas dans la devise du réseau : les montants sont en EUR.")


# Each referral keeps its currency


def test_changing_the_currency_does_not_relabel_past_referrals(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 won 1000")
    bot.ok("Alice", "network", "set currency USD")
    card = bot.ok("Bob", "referral", "1")
    assert field(card, "Closed (before tax)") == "€1,000"
    assert field(card, "Commission due") == "€100"
    assert bot.referral(1).currency == "EUR"
    refused = bot.refused("Carol", "referral", "1 correct 900 USD | typo")
    assert refused.text == "900 USD is not in this network's currency: amounts are in EUR."
    bot.ok("Carol", "referral", "1 correct 900 € | typo")
    assert field(bot.ok("Bob", "referral", "1"), "Commission due") == "€90"
    bot.ok("Bob", "refer", "@Carol Initech | bookkeeping | 2 000")
    assert bot.referral(2).currency == "USD"
    bot.ok("Carol", "referral", "2 accept")
    bot.ok("Carol", "referral", "2 won 2 000")
    ledger = bot.ok("Bob", "referrals")
    assert "Commission still due to me: $200 + €90" in ledger.footer


# Corrections


def test_the_receiver_corrects_the_amount_and_both_parties_hear_it(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 won 5 000")
    bot.clock.advance(timedelta(days=10))
    bot.messenger.clear()
    reply = bot.ok("Carol", "referral", "1 correct 4 000 | the invoice was 4 000 before tax")
    assert reply.text == (
        "Referral #1 corrected: €5,000 becomes €4,000; commission €500 becomes "
        "€400. Both parties are told."
    )
    referral = bot.referral(1)
    assert (referral.closed_amount, referral.commission_due) == (D("4000.00"), D("400.00"))
    assert referral.status is Status.WON
    assert texts(bot, "Bob") == [
        "Carol corrected the amount of referral #1: €5,000 becomes €4,000; commission "
        "€500 becomes €400 (paid so far: €0). Reason: the invoice was 4 000 before tax"
    ]
    audit = bot.ok("Alice", "network", "audit")
    assert any(
        "#1: EUR 5000.00 -> 4000.00, commission 500.00 -> 400.00: the invoice was 4 000" in line
        for line in audit.lines
    )


def test_the_correction_uses_the_referral_s_charter_version(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 won 5 000")
    bot.ok("Alice", "charter", "commission 20%")
    bot.ok("Carol", "referral", "1 correct 4 000 | typo")
    assert bot.referral(1).commission_due == D("400.00")


def test_a_correction_after_correction_days_is_the_admins(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 won 5 000")
    bot.clock.advance(timedelta(days=31))
    reply = bot.refused("Carol", "referral", "1 correct 4 000 | typo")
    assert reply.text == (
        "Referral #1 was won on Mar 1, 2025: its receiver could correct it for 30 days. "
        "Ask an admin."
    )
    bot.ok("Alice", "referral", "1 correct 4 000 | agreed by both")
    assert bot.referral(1).closed_amount == D("4000.00")


def test_correction_days_is_a_setting(bot: Bot) -> None:
    bot.ok("Alice", "network", "set correction-days 60")
    bot.ok("Carol", "referral", "1 won 5 000")
    bot.clock.advance(timedelta(days=45))
    bot.ok("Carol", "referral", "1 correct 4 000 | typo")


@pytest.mark.parametrize(
    ("who", "text", "message"),
    [
        (
            "Bob",
            "1 correct 4 000 | typo",
            "Only the member who received referral #1, or an admin, can correct its amount.",
        ),
        (
            "Carol",
            "1 correct 4 000",
            "Give the corrected amount and the reason: /referral 1 correct AMOUNT | reason.",
        ),
        ("Carol", "1 correct 0 | typo", "0 is not a valid amount"),
        ("Carol", "1 correct 5 000 | same", "Referral #1 already closed for €5,000."),
    ],
)
def test_corrections_refused(bot: Bot, who: str, text: str, message: str) -> None:
    bot.ok("Carol", "referral", "1 won 5 000")
    assert bot.refused(who, "referral", text).text.startswith(message)


def test_only_a_won_referral_is_corrected(bot: Bot) -> None:
    reply = bot.refused("Carol", "referral", "1 correct 4 000 | typo")
    assert reply.text == (
        "Referral #1 is accepted: only the amount of a won referral can be corrected."
    )


# A zero commission closes at once


def test_a_zero_commission_closes_the_referral_with_nothing_to_confirm() -> None:
    bot = Bot()
    bot.ok("Alice", "charter", "commission none")
    bot.join("Alice", "Bob")
    bot.ok("Alice", "refer", "@Bob Acme | website")
    bot.ok("Bob", "referral", "1 accept")
    bot.messenger.clear()
    reply = bot.ok("Bob", "referral", "1 won 5 000")
    assert reply.text == (
        "Referral #1 won. No commission is due under the charter: the referral is closed."
    )
    assert bot.referral(1).status is Status.PAID
    (notice,) = bot.messenger.to(user_id("Alice"))
    assert notice.reply.text == (
        "Bob won referral #1 for €5,000. No commission is due under the charter: the "
        "referral is closed.\nThank you, Alice: your referral brought Bob €5,000 of business."
    )
    assert notice.reply.actions == ()
    assert bot.ok("Alice", "referral", "1").actions == ()
    bot.clock.advance(timedelta(days=61))
    bot.dispatcher.run_once()
    bot.dispatcher.run_once()
    assert not [t for t in texts(bot, "Bob") if "still unpaid" in t]


# A client is never referred to its owner


def test_referring_a_client_to_its_owner_is_refused(bot: Bot) -> None:
    reply = bot.refused("Carol", "refer", "@Bob Acme | bookkeeping")
    assert reply.text == (
        "Acme is already Bob's client: Bob would owe a commission on their own client. Refer "
        "it to another member."
    )


# Unpaid commissions


def test_an_unpaid_commission_reminds_the_receiver_then_the_admins(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 won 5 000")
    bot.messenger.clear()
    bot.clock.advance(timedelta(days=29))
    bot.dispatcher.run_once()
    assert payment_notices(bot, "Carol") == payment_notices(bot, "Alice") == []
    bot.clock.advance(timedelta(days=1))
    bot.dispatcher.run_once()
    bot.dispatcher.run_once()
    assert payment_notices(bot, "Carol") == [
        "Referral #1 (Acme): the commission of €500 owed to Bob is still unpaid after 30 "
        "days. Pay it, and Bob will confirm it."
    ]
    assert payment_notices(bot, "Alice") == []
    bot.clock.advance(timedelta(days=30))
    bot.dispatcher.run_once()
    bot.dispatcher.run_once()
    assert payment_notices(bot, "Alice") == [
        "Referral #1 (Acme): the commission of €500 that Carol owes Bob is still unpaid "
        "after 60 days."
    ]
    assert len(payment_notices(bot, "Carol")) == 1


def test_a_paid_commission_reminds_nobody(bot: Bot) -> None:
    bot.ok("Carol", "referral", "1 won 5 000")
    bot.ok("Bob", "referral", "1 paid")
    bot.messenger.clear()
    bot.clock.advance(timedelta(days=61))
    bot.dispatcher.run_once()
    bot.dispatcher.run_once()
    assert payment_notices(bot, "Carol") == payment_notices(bot, "Alice") == []
