"""Parameters are read once, by kind, into the verb's argument object; a value that does not
read is refused with the usual message and names its parameter."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from core.commands import find_command, parse
from core.network.services import RoleArgs
from core.recruitment.model import Ballot
from core.recruitment.services import VoteArgs
from core.referrals.services import ReferArgs, ReferralArgs
from core.shared.declare import convert
from core.shared.errors import ApportError, InvalidAmount, NotAMember
from core.shared.money import Priced
from core.shared.tenancy import Member, Role
from core.shared.ui import Problem
from core.stats.model import PeriodKind
from core.stats.services import PeriodArgs
from tests.driver import Bot

BOB = Member(2, 1, "U-bob", "bob", set(), datetime(2026, 1, 1, tzinfo=UTC))


def _resolve(token: str) -> Member:
    if token != "bob":
        raise NotAMember(name=token)
    return BOB


def _read(command: str, text: str) -> object:
    parsed = parse(find_command(command), text)
    return convert(parsed.verb, parsed.args, _resolve)


def test_each_kind_is_read_into_its_type() -> None:
    assert _read("refer", "@bob Acme | audit | 5 000 | 4") == ReferArgs(
        BOB, "Acme", "audit", Priced(Decimal("5000.00")), 4, ""
    )
    assert _read("refer", "@bob Acme | audit | 500 USD").value == Priced(Decimal("500.00"), "USD")
    assert _read("refer", "@bob Acme | audit") == ReferArgs(BOB, "Acme", "audit", None, None, "")
    assert _read("referral", "#3 won 1200") == ReferralArgs(3, "won", "1200")
    assert _read("network", "role @bob recruiter") == RoleArgs(BOB, Role.RECRUITER, "")
    assert _read("candidate", "2 vote abstain") == VoteArgs(2, Ballot.ABSTAIN)
    assert _read("stats", "quarter") == PeriodArgs(PeriodKind.QUARTER)
    assert _read("stats", "") == PeriodArgs(None)


@pytest.mark.parametrize(
    ("command", "text", "key", "field"),
    [
        ("refer", "@bob Acme | audit | 12abc", "error.invalid_amount", "value"),
        ("refer", "@bob Acme | audit | 5000 | 9", "error.invalid_temperature", "temperature"),
        ("refer", "@nobody Acme | audit", "error.not_a_member", "receiver"),
        ("referral", "0", "error.invalid_number", "number"),
        ("referral", "99999999999", "error.invalid_number", "number"),
        ("candidate", "1 interviewers @bob @nobody", "error.not_a_member", "second"),
    ],
)
def test_a_value_that_does_not_read_names_its_parameter(
    command: str, text: str, key: str, field: str
) -> None:
    with pytest.raises(ApportError) as refused:
        _read(command, text)
    assert (refused.value.key, refused.value.field) == (key, field)


def test_one_reading_of_record_numbers_for_every_command() -> None:
    for command, text in (("referral", "#7"), ("feedback", "#7 later"), ("report", "7")):
        parsed = parse(find_command(command), text)
        read = convert(parsed.verb, parsed.args, _resolve)
        assert getattr(read, "number", getattr(read, "report", None)) == 7, command


def test_a_refusal_reply_names_its_problem() -> None:
    bot = Bot()
    bot.join("Alice", "Bob")
    assert bot.run("Alice", "refer", "@Bob Acme | audit | 12abc").problem == Problem(
        InvalidAmount.key, "value"
    )
    assert bot.run("Alice", "referral", "abc").problem == Problem("error.invalid_number", "number")
    assert bot.run("Alice", "referrals", "all").problem == Problem("error.usage", "filter")
    assert bot.run("Alice", "referral", "#0").problem == Problem("error.invalid_number", "number")
    assert bot.run("Alice", "report", "@Zed service | x").problem == Problem(
        "error.not_a_member", "member"
    )
    missing = bot.run("Alice", "refer", verb="", values={"client": "Acme"})
    assert missing.problem == Problem("error.usage", "need")
    assert not bot.run("Alice", "referrals").error
    assert bot.run("Alice", "referrals").problem is None
