"""Amounts of money in złoty: one type, one way to round them and one way to write them.

An amount is a `Decimal` with two places: a model field takes `**MONEY_FIELD` (12 digits, to the grosz),
arithmetic rounds half up to the grosz with `money`, and `format_pln` writes it in the active language's
number format: "12 345,67 zł" in Polish, grouped and with the unit after a no-break space, so an amount
never breaks across lines.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

GROSZ = Decimal("0.01")
ZERO = Decimal("0.00")
#: The arguments of every money field: up to 9 999 999 999,99 zł, to the grosz.
MONEY_FIELD = {"max_digits": 12, "decimal_places": 2}


def money(value) -> Decimal:
    """A Decimal amount in PLN rounded half up to the grosz (None and "" count as zero)."""
    if value in (None, ""):
        return ZERO
    return Decimal(value).quantize(GROSZ, rounding=ROUND_HALF_UP)


def format_pln(value, *, unit: bool = True, whole_without_grosze: bool = False) -> str:
    """An amount as the active language writes it: "12 345,67 zł" in Polish (no-break spaces).

    `unit=False` leaves out "zł" where a translated sentence carries the unit itself ("%(price)s PLN");
    `whole_without_grosze=True` writes a whole amount without its ",00" (a ticket price: "25", "12,50").
    """
    amount = money(value)
    decimals = 0 if whole_without_grosze and amount == amount.to_integral_value() else 2
    text = number_format(amount, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return f"{text}\u00a0zł" if unit else text
