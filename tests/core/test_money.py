"""Amounts of money in złoty (core.money): rounding to the grosz and the one way to write an amount."""

from decimal import Decimal

import pytest

from core.money import ZERO, format_pln, money


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ZERO),
        ("", ZERO),
        ("12.345", Decimal("12.35")),
        (Decimal("12.344"), Decimal("12.34")),
        (7, Decimal("7.00")),
    ],
)
def test_money_rounds_half_up_to_the_grosz(value, expected):
    assert money(value) == expected
    assert money(value).as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("0"), "0,00\u00a0zł"),
        (Decimal("999.5"), "999,50\u00a0zł"),
        (Decimal("1000"), "1 000,00\u00a0zł"),
        (Decimal("1234567.5"), "1 234 567,50\u00a0zł"),
        (Decimal("-4500.005"), "-4 500,01\u00a0zł"),
    ],
)
def test_format_pln_writes_the_polish_way(value, expected):
    assert format_pln(value) == expected
