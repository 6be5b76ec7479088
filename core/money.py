"""Amounts of money in złoty: one way to round them and one way to write them.

An amount is a `Decimal` rounded half up to the grosz (`money`); `format_pln` writes it the Polish way
for messages, letters and the admin: "12 345,67 zł" (a non-breaking space before "zł").
"""

from decimal import ROUND_HALF_UP, Decimal

GROSZ = Decimal("0.01")
ZERO = Decimal("0.00")


def money(value) -> Decimal:
    """A Decimal amount in PLN rounded half up to the grosz (None and "" count as zero)."""
    if value in (None, ""):
        return ZERO
    return Decimal(value).quantize(GROSZ, rounding=ROUND_HALF_UP)


def format_pln(value: Decimal) -> str:
    """Format an amount the Polish way: 12 345,67 zł (a non-breaking space before "zł")."""
    amount = money(value)
    sign = "-" if amount < 0 else ""
    whole, fraction = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{' '.join(groups)},{fraction}\u00a0zł"
