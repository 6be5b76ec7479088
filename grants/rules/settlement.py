"""Settlement, return and interest (u.f.p. art. 251, 252; o.p. art. 54, 56, 63)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from core.deadlines import add_calendar_days, shift_to_working_day
from core.money import ZERO, money
from grants.deadlines import subsidy_return_due
from grants.rules.costs import HUNDRED

#: u.f.p. art. 251 ust. 1: the unused part is returned within 15 days of the end of the task ...
UNUSED_SUBSIDY_RETURN_DAYS = 15
#: ... u.f.p. art. 251 ust. 2: for a task ending with the budget year, by 31 January of the next year.
UNUSED_SUBSIDY_YEAR_END_RETURN = (1, 31)
#: u.o.p.d.k. art. 28 ust. 1 with u.f.p. art. 251 ust. 1: a targeted subsidy to a city institution is used by
#: 31 December of its budget year at the latest; its agreement may set an earlier day [K].
INSTITUTION_SUBSIDY_USE_BY = (12, 31)
#: o.p. art. 63 § 1 (applied through u.f.p. art. 60/252): interest is rounded to full złoty [K].
INTEREST_ROUNDING = Decimal("1")
#: o.p. art. 54 § 1 pkt 1: interest below three times the fee of a registered letter is not charged [K: 8,70 zł].
INTEREST_MIN_CHARGED = Decimal("8.70")
#: o.p. art. 56 § 1: the rate is an annual rate applied per day of a 365-day year.
DAYS_IN_YEAR = Decimal("365")


def unused_subsidy_return_due(task_end: date) -> date:
    """The unused part of a subsidy: returned within 15 days of the end of the task in the agreement.

    u.f.p. art. 251 ust. 1; for a task ending on the last day of the budget year (31 December), by
    31 January of the next year (art. 251 ust. 2). Days counted as in o.p. art. 12 § 5.
    """
    if (task_end.month, task_end.day) == (12, 31):
        month, day = UNUSED_SUBSIDY_YEAR_END_RETURN
        return shift_to_working_day(date(task_end.year + 1, month, day))
    return shift_to_working_day(add_calendar_days(task_end, UNUSED_SUBSIDY_RETURN_DAYS))


def institution_subsidy_use_deadline(*, year: int, agreed: date | None = None) -> date:
    """The last day a targeted subsidy to a city institution may be used (DOMAIN.md §C.4) [K].

    u.o.p.d.k. art. 28 ust. 1 (targeted subsidies for tasks, programmes and investments) with u.f.p. art. 251
    ust. 1: at the latest 31 December of the budget year; the agreement may set an earlier day, never a later one.
    """
    year_end = date(year, *INSTITUTION_SUBSIDY_USE_BY)
    return min(agreed, year_end) if agreed else year_end


def institution_subsidy_settlement_due(use_deadline: date) -> date:
    """The day a targeted subsidy to a city institution is settled and its unused part returned [K].

    u.f.p. art. 251 ust. 1–2, as for an NGO's subsidy (`unused_subsidy_return_due`): 15 days after the use
    deadline in the agreement, or 31 January of the next year for a subsidy used until 31 December.
    """
    return unused_subsidy_return_due(use_deadline)


def misused_subsidy_return_due(found_on: date) -> date:
    """A subsidy used contrary to purpose, taken unduly or in excess: returned within 15 days of the finding.

    u.f.p. art. 252 ust. 1; the rule `grants.deadlines.subsidy_return_due`.
    """
    return subsidy_return_due(found_on)


def interest_start(*, kind: str, transferred_on: date | None, return_due: date) -> date:
    """The first day interest runs for an amount to be returned.

    u.f.p. art. 252 ust. 1 pkt 1: a subsidy used contrary to purpose bears interest from the day it was
    transferred (`kind="misused"`); pkt 2: one taken unduly or in excess from the day after the 15-day
    deadline (`kind="undue"`); art. 251 ust. 5: an unused part returned late, from the day after its
    deadline (`kind="unused"`).
    """
    if kind == "misused":
        if transferred_on is None:
            raise ValueError("A misused subsidy needs the transfer date.")
        return transferred_on
    return return_due + timedelta(days=1)


@dataclass(frozen=True)
class InterestRate:
    """An annual rate of interest for tax arrears (o.p. art. 56 § 1), valid from `valid_from` (percent)."""

    valid_from: date
    annual_percent: Decimal


def interest_for_tax_arrears(
    amount: Decimal, *, first_day: date, paid_on: date, rates: Sequence[InterestRate]
) -> Decimal:
    """Interest "as for tax arrears" on `amount` for the days from `first_day` to `paid_on`, both included.

    u.f.p. art. 251 ust. 5 and art. 252 ust. 1 refer to o.p. art. 56: the annual rate in force on each day
    (the rate table, announced by the Minister of Finance) per day of a 365-day year, summed by rate period;
    rounded to full złoty (o.p. art. 63 § 1) and not charged below 8,70 zł (o.p. art. 54 § 1 pkt 1) [K].
    Returns 0 when paid before interest starts. Raises ValueError when a day has no rate in the table.
    """
    if paid_on < first_day or money(amount) <= 0:
        return ZERO
    ordered = sorted(rates, key=lambda rate: rate.valid_from)
    if not ordered or ordered[0].valid_from > first_day:
        raise ValueError("The interest-rate table has no rate for the first day of interest.")
    total = Decimal("0")
    for index, rate in enumerate(ordered):
        period_start = max(rate.valid_from, first_day)
        next_start = ordered[index + 1].valid_from if index + 1 < len(ordered) else paid_on + timedelta(days=1)
        period_end = min(next_start - timedelta(days=1), paid_on)
        if period_end < period_start:
            continue
        days = (period_end - period_start).days + 1
        total += money(amount) * Decimal(rate.annual_percent) / HUNDRED * days / DAYS_IN_YEAR
    rounded = total.quantize(INTEREST_ROUNDING, rounding=ROUND_HALF_UP)
    if rounded < INTEREST_MIN_CHARGED:
        return ZERO
    return money(rounded)


@dataclass(frozen=True)
class SettlementAmounts:
    granted: Decimal
    used: Decimal
    unused: Decimal
    misused: Decimal
    undue: Decimal

    @property
    def to_return(self) -> Decimal:
        return self.unused + self.misused + self.undue


def settlement_amounts(*, granted: Decimal, used: Decimal, misused: Decimal = ZERO, undue: Decimal = ZERO):
    """Split a subsidy into used, unused, misused and undue parts (u.f.p. art. 251 ust. 1, art. 252 ust. 1).

    `used` is what was spent on the task as the report shows; `misused` and `undue` are the parts of it a
    control found spent contrary to purpose or taken unduly/in excess. Raises ValueError for amounts that
    cannot be (used above granted, misused and undue above used, negatives).
    """
    granted, used, misused, undue = money(granted), money(used), money(misused), money(undue)
    if min(granted, used, misused, undue) < 0:
        raise ValueError(_("Amounts cannot be negative."))
    if used > granted:
        raise ValueError(_("The amount used cannot exceed the amount granted."))
    if misused + undue > used:
        raise ValueError(_("The misused and undue parts cannot exceed the amount used."))
    return SettlementAmounts(granted=granted, used=used, unused=granted - used, misused=misused, undue=undue)
