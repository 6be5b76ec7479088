"""Settlement, return and interest (u.f.p. art. 60 pkt 1, art. 67 ust. 1, art. 221, 251, 252; o.p. art. 54, 56, 63).

The acts, as read (ustawa z 27.08.2009 o finansach publicznych, u.f.p., t.j. Dz.U. 2024 poz. 1530; ustawa
z 29.08.1997 Ordynacja podatkowa, o.p.):

* u.f.p. art. 221 ust. 3 pkt 3: the agreement with an organisation sets the use deadline, no later than
  31 December of the budget year; pkt 6: it sets the return deadline of the unused part, no longer than the act's.
* u.f.p. art. 251 ust. 1: the part unused by the end of the budget year is returned by 31 January of the next
  year; ust. 3: where the use deadline is shorter than the budget year, the unused part is returned within 15 days
  after the use deadline; ust. 5: a late return bears interest as for tax arrears from the day after the deadline.
* u.f.p. art. 252 ust. 1 pkt 1 and 2: a subsidy used contrary to purpose, or taken unduly or in excess, is
  returned within 15 days of the finding; ust. 6 pkt 1: interest on a misused one runs from the transfer,
  pkt 2: on an undue or excessive one from the day after the return deadline.
* u.f.p. art. 60 pkt 1: amounts of subsidies to be returned are non-tax budget receivables under public law;
  art. 67 ust. 1: k.p.a. and, as appropriate, dział III of the o.p. apply to them: hence o.p. art. 54 § 1 pkt 5
  (interest not charged up to three times the designated postal operator's fee for treating a letter as a
  registered one), art. 56 § 1 (the rate) and art. 63 § 1 (rounding to full złoty).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from core.deadlines import add_calendar_days, shift_to_working_day
from core.money import ZERO, money
from grants.deadlines import subsidy_return_due
from grants.rules.costs import HUNDRED

#: u.f.p. art. 251 ust. 3: with a use deadline shorter than the budget year, the unused part is returned within
#: 15 days after the use deadline set in the agreement.
UNUSED_SUBSIDY_RETURN_DAYS = 15
#: u.f.p. art. 251 ust. 1: the part unused by the end of the budget year (a use deadline of 31 December) is returned
#: by 31 January of the next year.
UNUSED_SUBSIDY_YEAR_END_RETURN = (1, 31)
#: u.f.p. art. 221 ust. 3 pkt 3 (an organisation's agreement) and art. 250 pkt 2 (a unit of the public finance
#: sector, such as a city institution) [K]: the subsidy is used by 31 December of its budget year at the latest.
SUBSIDY_USE_BY = (12, 31)
#: o.p. art. 63 § 1 (through u.f.p. art. 67 ust. 1): interest is rounded to full złoty, 50 grosz and up upwards.
INTEREST_ROUNDING = Decimal("1")
#: o.p. art. 54 § 1 pkt 5: interest is not charged if it would not exceed three times the fee the designated postal
#: operator charges for treating a letter as a registered one; the fee is data (`InterestMinimum` rows).
INTEREST_MINIMUM_FEE_MULTIPLE = 3
#: o.p. art. 56 § 1: the rate is an annual rate applied per day of a 365-day year [K].
DAYS_IN_YEAR = Decimal("365")


def subsidy_used_until_year_end(use_deadline: date) -> bool:
    """Whether the use deadline is the end of the budget year, so that u.f.p. art. 251 ust. 1 (31 January) applies."""
    return (use_deadline.month, use_deadline.day) == SUBSIDY_USE_BY


def unused_subsidy_return_due(use_deadline: date) -> date:
    """The unused part of a subsidy: returned within 15 days after the use deadline set in the agreement.

    u.f.p. art. 251 ust. 3: the clock starts at the *use deadline* of the agreement, not at the end of the task;
    for a subsidy used until 31 December (the end of the budget year), by 31 January of the next year
    (art. 251 ust. 1). The day of the use deadline is not counted (k.p.a. art. 57 § 1, applied through u.f.p.
    art. 67 ust. 1; k.c. art. 111 § 2 gives the same). [K] A last day falling on a Saturday or a statutory day off
    moves to the next working day (k.p.a. art. 57 § 4, k.c. art. 115): whether a material-law deadline of the
    u.f.p. moves is not settled by a source we can read, and the reading that protects the organisation is taken
    (it cannot owe interest for a day on which it could not pay).
    """
    if subsidy_used_until_year_end(use_deadline):
        month, day = UNUSED_SUBSIDY_YEAR_END_RETURN
        return shift_to_working_day(date(use_deadline.year + 1, month, day))
    return shift_to_working_day(add_calendar_days(use_deadline, UNUSED_SUBSIDY_RETURN_DAYS))


def institution_subsidy_use_deadline(*, year: int, agreed: date | None = None) -> date:
    """The last day a targeted subsidy to a city institution may be used (DOMAIN.md §C.4) [K].

    u.o.p.d.k. art. 28 ust. 1 (targeted subsidies of the organiser for tasks, programmes and investments) with
    u.f.p. art. 250 pkt 2 (the agreement sets the use deadline) and art. 251 ust. 1 (what is unused at the end of the
    budget year is returned): at the latest 31 December of the budget year; the agreement may set an earlier day,
    never a later one.
    """
    year_end = date(year, *SUBSIDY_USE_BY)
    return min(agreed, year_end) if agreed else year_end


def institution_subsidy_settlement_due(use_deadline: date) -> date:
    """The day a targeted subsidy to a city institution is settled and its unused part returned [K].

    u.f.p. art. 251 ust. 3 and ust. 1, as for an organisation's subsidy (`unused_subsidy_return_due`): 15 days
    after the use deadline in the agreement, or 31 January of the next year for a subsidy used until 31 December.
    """
    return unused_subsidy_return_due(use_deadline)


def misused_subsidy_return_due(found_on: date) -> date:
    """A subsidy used contrary to purpose, taken unduly or in excess: returned within 15 days of the finding.

    u.f.p. art. 252 ust. 1 pkt 1 and 2; the rule `grants.deadlines.subsidy_return_due`.
    """
    return subsidy_return_due(found_on)


def interest_start(*, kind: str, transferred_on: date | None, return_due: date) -> date:
    """The first day interest runs for an amount to be returned.

    u.f.p. art. 252 ust. 6 pkt 1: a subsidy used contrary to purpose bears interest from the day it was
    transferred (`kind="misused"`); pkt 2: one taken unduly or in excess from the day after the 15-day
    deadline of art. 252 ust. 1 (`kind="undue"`); art. 251 ust. 5: an unused part returned late, from the day
    after its deadline of art. 251 ust. 1 or 3 (`kind="unused"`).
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


@dataclass(frozen=True)
class InterestMinimum:
    """The designated postal operator's fee for treating a letter as a registered one, valid from `valid_from`.

    o.p. art. 54 § 1 pkt 5: interest that would not exceed three times this fee is not charged.
    """

    valid_from: date
    registered_letter_fee: Decimal

    @property
    def threshold(self) -> Decimal:
        return money(self.registered_letter_fee * INTEREST_MINIMUM_FEE_MULTIPLE)


def interest_minimum_on(day: date, minimums: Sequence[InterestMinimum]) -> InterestMinimum:
    """The row of the minimum-interest table valid on `day`: the latest one that starts on or before it.

    o.p. art. 54 § 1 pkt 5 speaks of the fee in the operator's tariff; the tariff in force on the day the interest
    is computed (the day of the return) applies [K]. Raises ValueError when no row is valid on that day.
    """
    valid = [row for row in minimums if row.valid_from <= day]
    if not valid:
        raise ValueError("The table of minimum interest has no row valid on the day of the computation.")
    return max(valid, key=lambda row: row.valid_from)


def interest_for_tax_arrears(
    amount: Decimal,
    *,
    first_day: date,
    paid_on: date,
    rates: Sequence[InterestRate],
    minimums: Sequence[InterestMinimum],
) -> Decimal:
    """Interest "as for tax arrears" on `amount` for the days from `first_day` to `paid_on`, both included.

    u.f.p. art. 251 ust. 5 and art. 252 ust. 1 with ust. 6, through art. 67 ust. 1 to o.p. art. 56 § 1: the
    annual rate in force on each day (the rate table, announced by the Minister of Finance) per day of a 365-day
    year, summed by rate period; rounded to full złoty (o.p. art. 63 § 1). Not charged when it would not exceed
    three times the registered-letter fee of the row of `minimums` valid on `paid_on` (o.p. art. 54 § 1 pkt 5):
    [K] the amount before rounding is compared, the reading that protects the organisation (rounding 8,60 zł up
    to 9 zł would otherwise charge what the act leaves uncharged). Returns 0 when paid before interest starts.
    Raises ValueError when a day has no rate, or the day of payment no minimum, in the tables.
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
    if total <= interest_minimum_on(paid_on, minimums).threshold:
        return ZERO
    return money(total.quantize(INTEREST_ROUNDING, rounding=ROUND_HALF_UP))


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
    """Split a subsidy into used, unused, misused and undue parts (u.f.p. art. 251 ust. 1 and 3, art. 252 ust. 1).

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
