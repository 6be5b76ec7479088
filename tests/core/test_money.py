"""Amounts of money in złoty (core.money): rounding to the grosz and the one way to write an amount."""

from decimal import Decimal

import pytest
from django.utils import translation

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
        (Decimal("1000"), "1\u00a0000,00\u00a0zł"),
        (Decimal("1234567.5"), "1\u00a0234\u00a0567,50\u00a0zł"),
        (Decimal("-4500.005"), "-4\u00a0500,01\u00a0zł"),
    ],
)
def test_format_pln_writes_the_polish_way_with_no_break_spaces(value, expected):
    with translation.override("pl"):
        assert format_pln(value) == expected


@pytest.mark.parametrize(
    "value",
    [0, "0", Decimal("0.00"), Decimal("-0"), Decimal("-0.00"), Decimal("-0.004"), -0.0, Decimal("0.00") * -1],
    ids=["int", "text", "decimal", "negative-zero", "negative-zero-grosze", "rounds-to-zero", "float", "product"],
)
def test_format_pln_writes_zero_without_a_minus(value):
    """Nothing to return is "0,00 zł", never "-0,00 zł", however the zero was reached (Decimal keeps a sign)."""
    with translation.override("pl"):
        assert format_pln(value) == "0,00\u00a0zł"
        assert format_pln(value, unit=False, whole_without_grosze=True) == "0"
        assert format_pln(Decimal("-0.01")) == "-0,01\u00a0zł"  # a grosz below zero keeps its minus


def test_format_pln_leaves_the_unit_to_the_sentence_and_a_whole_amount_without_grosze():
    with translation.override("pl"):
        assert format_pln(Decimal("5"), unit=False) == "5,00"
        assert format_pln(Decimal("25.00"), unit=False, whole_without_grosze=True) == "25"
        assert format_pln(Decimal("12.50"), unit=False, whole_without_grosze=True) == "12,50"
        assert format_pln(Decimal("1200.00"), unit=False, whole_without_grosze=True) == "1\u00a0200"


def test_format_pln_follows_the_active_language():
    with translation.override("en"):
        assert format_pln(Decimal("1234.5")) == "1,234.50\u00a0zł"


def test_templates_write_an_amount_with_the_one_filter():
    from django.template import engines

    template = engines["django"].from_string("{% load core_money %}{{ amount|pln }}|{{ missing|pln }}")

    assert template.render({"amount": Decimal("12345.6"), "missing": None}) == "12\u00a0345,60\u00a0zł|"
