"""The commission rule an admin types, and what it makes the receiver owe."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.charter.model import CommissionKind, CommissionRule, parse_commission_rule
from core.shared.errors import InvalidCommissionRule

D = Decimal


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("10%", CommissionRule(CommissionKind.PERCENT, rate=D(10))),
        ("10 %", CommissionRule(CommissionKind.PERCENT, rate=D(10))),
        ("12,5%", CommissionRule(CommissionKind.PERCENT, rate=D("12.5"))),
        ("0.5%", CommissionRule(CommissionKind.PERCENT, rate=D("0.5"))),
        ("100%", CommissionRule(CommissionKind.PERCENT, rate=D(100))),
        (
            "10% min 50 max 2000",
            CommissionRule(CommissionKind.PERCENT, rate=D(10), minimum=D(50), cap=D(2000)),
        ),
        (
            "10% MAX 2000 MIN 50",
            CommissionRule(CommissionKind.PERCENT, rate=D(10), minimum=D(50), cap=D(2000)),
        ),
        ("10% plafond 1500", CommissionRule(CommissionKind.PERCENT, rate=D(10), cap=D(1500))),
        ("10% min 50", CommissionRule(CommissionKind.PERCENT, rate=D(10), minimum=D(50))),
        ("150", CommissionRule(CommissionKind.FLAT, flat=D(150))),
        ("150,50", CommissionRule(CommissionKind.FLAT, flat=D("150.50"))),
        ("none", CommissionRule(CommissionKind.NONE)),
        ("NONE", CommissionRule(CommissionKind.NONE)),
        ("aucune", CommissionRule(CommissionKind.NONE)),
        ("0", CommissionRule(CommissionKind.NONE)),
        ("0%", CommissionRule(CommissionKind.NONE)),
    ],
)
def test_parse_commission_rule(typed: str, rule: CommissionRule) -> None:
    assert parse_commission_rule(typed) == rule


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "abc",
        "-5",
        "101%",
        "10.123%",
        "10% min",
        "10% min 50 min 60",
        "10% min 3000 max 2000",
        "10% min -5",
        "10% min abc",
        "10% bonus 5",
        "150 200",
        "none 5",
    ],
)
def test_parse_commission_rule_refuses(typed: str) -> None:
    with pytest.raises(InvalidCommissionRule) as refused:
        parse_commission_rule(typed)
    assert refused.value.params["value"] == typed


@pytest.mark.parametrize(
    ("rule", "closed", "due"),
    [
        ("10%", "12000", "1200.00"),
        ("10%", "0.05", "0.01"),  # half up
        ("12.5%", "0.10", "0.01"),
        ("12.5%", "333.33", "41.67"),
        ("10% min 50", "100", "50.00"),
        ("10% min 50", "1000", "100.00"),
        ("10% max 2000", "50000", "2000.00"),
        ("10% min 50 max 2000", "5000", "500.00"),
        ("10% min 50 max 2000", "100", "50.00"),
        ("10% min 50 max 2000", "30000", "2000.00"),
        ("150", "99999", "150.00"),
        ("150", "1", "150.00"),
        ("none", "12000", "0.00"),
    ],
)
def test_due_on(rule: str, closed: str, due: str) -> None:
    owed = parse_commission_rule(rule).due_on(D(closed))
    assert owed == D(due)
    assert isinstance(owed, Decimal)
    assert owed.as_tuple().exponent == -2


@pytest.mark.parametrize("rule", ["10%", "10% min 50", "150", "none"])
@pytest.mark.parametrize("closed", ["0", "-100"])
def test_nothing_is_due_on_nothing(rule: str, closed: str) -> None:
    assert parse_commission_rule(rule).due_on(D(closed)) == D("0.00")


rates = st.decimals(min_value=D("0.01"), max_value=D(100), places=2)
bounds = st.none() | st.decimals(min_value=0, max_value=D(100000), places=2)
amounts = st.decimals(min_value=0, max_value=D("999999999.99"), places=2)


@given(rate=rates, minimum=bounds, cap=bounds, closed=amounts)
def test_percent_due_stays_within_min_and_cap(
    rate: Decimal, minimum: Decimal | None, cap: Decimal | None, closed: Decimal
) -> None:
    if minimum is not None and cap is not None and minimum > cap:
        minimum, cap = cap, minimum
    typed = f"{rate}%" + (f" min {minimum}" if minimum is not None else "")
    typed += f" max {cap}" if cap is not None else ""
    rule = parse_commission_rule(typed)

    due = rule.due_on(closed)

    assert isinstance(due, Decimal)
    assert due >= 0
    assert due == due.quantize(D("0.01"))
    if closed == 0:
        assert due == 0
        return
    if minimum is not None:
        assert due >= minimum
    if cap is not None:
        assert due <= cap
    if minimum is None:
        assert due <= closed  # a rate of at most 100% never owes more than the deal
