"""Pure rules of targeted subsidies (dotacje celowe): the cost-table arithmetic, the limits and the clocks.

No database access here: every function takes plain values (dates, Decimals, small dataclasses), so each
rule is tested at its edges without fixtures. Services and forms call these and never re-implement them.
Every number is a module constant named after its rule; the ones DOMAIN.md marks [K] are defaults the
department's lawyer may change, and the interest rates are data (`TaxArrearsInterestRate`), not code.

Days are counted as in core.deadlines (k.p.a. art. 57 § 1 and § 4; k.c. art. 111, 115; o.p. art. 12):
the day of the event is not counted and a deadline ending on a Saturday or a day off moves to the next
working day. The kernel's calendar and the rules of grants.deadlines are reused, not copied.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from core.deadlines import add_calendar_days, shift_to_working_day
from grants.deadlines import (
    OPEN_COMPETITION_OFFER_DAYS,
    grant_report_due,
    open_competition_offers_earliest_deadline,
    subsidy_return_due,
)

GROSZ = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal("100")

# ------------------------------------------------------------------------------------------------------------------
# The numbers of the rules (DOMAIN.md §C, §K)
# ------------------------------------------------------------------------------------------------------------------

#: u.d.p.p. art. 13 ust. 1: offers deadline at least 21 days after the last announcement (kept in grants.deadlines).
OFFER_DAYS_AFTER_LAST_ANNOUNCEMENT = OPEN_COMPETITION_OFFER_DAYS
#: u.d.p.p. art. 19a ust. 1 pkt 1: a small grant is at most 10 000 zł.
SMALL_GRANT_MAX_AMOUNT = Decimal("10000.00")
#: u.d.p.p. art. 19a ust. 1 pkt 2: a small-grant task lasts at most 90 days.
SMALL_GRANT_MAX_DAYS = 90
#: u.d.p.p. art. 19a ust. 4: one organisation gets at most 20 000 zł a calendar year in this mode [V-sec].
SMALL_GRANT_MAX_PER_ORGANISATION_YEAR = Decimal("20000.00")
#: u.d.p.p. art. 19a ust. 5: small grants take at most 20 % of the subsidies planned for NGOs that year [V-sec].
SMALL_GRANT_MAX_POOL_PERCENT = Decimal("20")
#: u.d.p.p. art. 19a ust. 3: the offer is published for 7 days and anyone may comment within them.
SMALL_GRANT_PUBLICATION_DAYS = 7
#: Framework agreement (annex 3 to Dz.U. 2018 poz. 2057): a written call gives 7 days to file a missing report [K].
MISSING_REPORT_CALL_DAYS = 7
#: u.d.p.p. art. 18 ust. 3: a partial report may be demanded with at least 30 days from delivery of the call.
PARTIAL_REPORT_MIN_DAYS = 30
#: Formal check: a call to complete an offer gives 7 days [K: the city's rules of the competition].
OFFER_COMPLETION_DAYS = 7
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


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """`part` as a percentage of `whole`, to two decimals; 0 when the whole is 0."""
    if not whole:
        return ZERO
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(GROSZ, rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------------------------------------------------------
# Calls (u.d.p.p. art. 13, 18a)
# ------------------------------------------------------------------------------------------------------------------


def call_offers_earliest_deadline(announcements: Iterable[date | None]) -> date | None:
    """The earliest offers deadline a call may set, counted from the *last* of its announcements.

    u.d.p.p. art. 13 ust. 1 and ust. 3: the call appears in BIP, on the office's notice board and on the
    website; the 21 days run from the day the last of them appears (grants.deadlines rule). None until all
    three are published.
    """
    dates = list(announcements)
    if not dates or any(day is None for day in dates):
        return None
    return open_competition_offers_earliest_deadline(max(dates))


def call_offers_deadline_error(*, announcements: Iterable[date | None], offers_deadline: date) -> str:
    """Why `offers_deadline` is too early for the call's announcements, or "" when it is lawful.

    u.d.p.p. art. 13 ust. 1: not shorter than 21 days from the last announcement.
    """
    earliest = call_offers_earliest_deadline(announcements)
    if earliest is None:
        return _("The call must be published in BIP, on the notice board and on the website first.")
    if offers_deadline < earliest:
        return _(
            "The offers deadline must be at least %(days)d days after the last announcement: "
            "not earlier than %(date)s."
        ) % {"days": OFFER_DAYS_AFTER_LAST_ANNOUNCEMENT, "date": earliest.strftime("%d.%m.%Y")}
    return ""


def call_may_be_cancelled(*, offers_count: int, offers_meeting_requirements: int) -> bool:
    """u.d.p.p. art. 18a ust. 1: a call is cancelled when no offer came in or none met its requirements."""
    return offers_count == 0 or offers_meeting_requirements == 0


# ------------------------------------------------------------------------------------------------------------------
# The offer's cost table (annex 1 to Dz.U. 2018 poz. 2057, section V)
# ------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostLine:
    """One row of table V.A: category "action" (I. koszty realizacji działań) or "admin" (II. administracyjne).

    `declared_total` is what the offeror typed in "wartość razem" (None when left to the computation).
    """

    number: int
    name: str
    category: str
    unit_cost: Decimal
    units: Decimal
    declared_total: Decimal | None = None

    @property
    def total(self) -> Decimal:
        return line_total(self.unit_cost, self.units)


@dataclass(frozen=True)
class Funding:
    """Table V.B: the sources of the task's costs."""

    subsidy: Decimal
    own_financial: Decimal = ZERO
    own_personal: Decimal = ZERO
    own_material: Decimal = ZERO
    recipient_fees: Decimal = ZERO

    @property
    def own_non_financial(self) -> Decimal:
        return money(self.own_personal) + money(self.own_material)

    @property
    def own_total(self) -> Decimal:
        """Wkład własny: financial, non-financial (personal and material) and fees from recipients."""
        return money(self.own_financial) + self.own_non_financial + money(self.recipient_fees)

    @property
    def total(self) -> Decimal:
        return money(self.subsidy) + self.own_total


@dataclass(frozen=True)
class CallLimits:
    """The limits a call sets for offers (u.d.p.p. art. 13 ust. 2 pkt 3: rules of granting subsidies).

    None means the call sets no such limit. `mode` is "support" (wsparcie, own contribution required)
    or "entrust" (powierzenie, full funding).
    """

    mode: str = "support"
    max_subsidy: Decimal | None = None
    min_own_percent: Decimal | None = None
    max_admin_percent: Decimal | None = None
    max_subsidy_total: Decimal | None = None


@dataclass(frozen=True)
class ArithmeticProblem:
    """Where an offer's arithmetic is wrong: `where` names the form part ("costs-2-total", "funding", …)."""

    where: str
    message: str


@dataclass
class CostSummary:
    actions_total: Decimal = ZERO
    admin_total: Decimal = ZERO
    problems: list[ArithmeticProblem] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.actions_total + self.admin_total


def line_total(unit_cost, units) -> Decimal:
    """Wartość razem of a cost line: koszt jednostkowy × liczba jednostek, rounded half up to the grosz.

    Annex 1 to Dz.U. 2018 poz. 2057, table V.A.
    """
    return money(Decimal(unit_cost or 0) * Decimal(units or 0))


def cost_table_check(lines: Sequence[CostLine], funding: Funding, limits: CallLimits) -> CostSummary:
    """Add up the cost table of an offer and say, in Polish, every place where it does not add up.

    Annex 1 to Dz.U. 2018 poz. 2057, section V: V.A costs (I actions + II administration = III total),
    V.B sources (subsidy + own financial + own non-financial + fees = total costs). Limits of the call
    (u.d.p.p. art. 13 ust. 2 pkt 3): the highest subsidy, the lowest own contribution share (only in the
    support mode, u.d.p.p. art. 16 ust. 1 with art. 5 ust. 4 pkt 2 "wsparcie"), the highest share of
    administrative costs. Each problem names the row or the part of the form it concerns.
    """
    summary = CostSummary()
    if not lines:
        summary.problems.append(ArithmeticProblem("costs", _("Add at least one cost line to the cost table.")))
    for index, line in enumerate(lines):
        where = f"costs-{index}"
        if money(line.unit_cost) < 0 or Decimal(line.units or 0) < 0:
            summary.problems.append(
                ArithmeticProblem(
                    where,
                    _("Cost line %(number)d (%(name)s): the unit cost and the number of units cannot be negative.")
                    % {"number": line.number, "name": line.name},
                )
            )
        total = line.total
        if line.declared_total is not None and money(line.declared_total) != total:
            summary.problems.append(
                ArithmeticProblem(
                    f"{where}-declared_total",
                    _(
                        "Cost line %(number)d (%(name)s): the total %(declared)s is not the unit cost %(unit_cost)s "
                        "× %(units)s units = %(total)s."
                    )
                    % {
                        "number": line.number,
                        "name": line.name,
                        "declared": format_pln(line.declared_total),
                        "unit_cost": format_pln(line.unit_cost),
                        "units": f"{Decimal(line.units or 0).normalize():f}".replace(".", ","),
                        "total": format_pln(total),
                    },
                )
            )
        if line.category == "admin":
            summary.admin_total += total
        else:
            summary.actions_total += total
    for name, value in (
        ("subsidy", funding.subsidy),
        ("own_financial", funding.own_financial),
        ("own_personal", funding.own_personal),
        ("own_material", funding.own_material),
        ("recipient_fees", funding.recipient_fees),
    ):
        if money(value) < 0:
            summary.problems.append(
                ArithmeticProblem(name, _("An amount in the sources of funding cannot be negative."))
            )
    if money(funding.subsidy) <= 0:
        summary.problems.append(ArithmeticProblem("subsidy", _("Enter the subsidy you ask for (more than 0 zł).")))
    if lines and funding.total != summary.total:
        summary.problems.append(
            ArithmeticProblem(
                "funding",
                _(
                    "The sources of funding add up to %(sources)s, but the costs add up to %(costs)s "
                    "(difference %(difference)s). They must be equal."
                )
                % {
                    "sources": format_pln(funding.total),
                    "costs": format_pln(summary.total),
                    "difference": format_pln(funding.total - summary.total),
                },
            )
        )
    if limits.max_subsidy is not None and money(funding.subsidy) > money(limits.max_subsidy):
        summary.problems.append(
            ArithmeticProblem(
                "subsidy",
                _("The subsidy asked for (%(subsidy)s) exceeds the limit of the call: %(limit)s.")
                % {"subsidy": format_pln(funding.subsidy), "limit": format_pln(limits.max_subsidy)},
            )
        )
    if limits.mode == "support" and limits.min_own_percent is not None and summary.total > 0:
        share = percent(funding.own_total, summary.total)
        # Compared exactly: 549,99 zł of 5 500 zł is 9,9998 %, below 10 % although it rounds to 10,00.
        if funding.own_total * HUNDRED < Decimal(limits.min_own_percent) * summary.total:
            summary.problems.append(
                ArithmeticProblem(
                    "own_financial",
                    _(
                        "The own contribution is %(share)s%% of the costs; the call requires at least %(minimum)s%% "
                        "(at least %(amount)s)."
                    )
                    % {
                        "share": f"{share}".replace(".", ","),
                        "minimum": f"{Decimal(limits.min_own_percent).normalize():f}".replace(".", ","),
                        "amount": format_pln(summary.total * Decimal(limits.min_own_percent) / HUNDRED),
                    },
                )
            )
    if limits.max_admin_percent is not None and summary.total > 0:
        share = percent(summary.admin_total, summary.total)
        if summary.admin_total * HUNDRED > Decimal(limits.max_admin_percent) * summary.total:
            summary.problems.append(
                ArithmeticProblem(
                    "costs",
                    _("Administrative costs are %(share)s%% of the costs; the call allows at most %(maximum)s%%.")
                    % {
                        "share": f"{share}".replace(".", ","),
                        "maximum": f"{Decimal(limits.max_admin_percent).normalize():f}".replace(".", ","),
                    },
                )
            )
    return summary


def own_contribution_share(funding: Funding) -> Decimal:
    """The share (%) of own contribution (financial, non-financial, fees) in all sources (table V.B, "udział")."""
    return percent(funding.own_total, funding.total)


# ------------------------------------------------------------------------------------------------------------------
# Evaluation (u.d.p.p. art. 15)
# ------------------------------------------------------------------------------------------------------------------


def offer_merit_score(member_points: dict[int, dict[int, Decimal]]) -> Decimal:
    """An offer's merit score: for each criterion the mean of the members' points, summed over the criteria.

    u.d.p.p. art. 15 ust. 1 (the organ assesses the offers) and ust. 2a (the committee gives its opinion):
    `member_points` maps member id → {criterion id → points}. Averaging per criterion keeps an offer
    scored by fewer members (one declared a conflict) comparable [K: the city's rules of the competition].
    """
    by_criterion: dict[int, list[Decimal]] = {}
    for points in member_points.values():
        for criterion_id, value in points.items():
            by_criterion.setdefault(criterion_id, []).append(Decimal(value))
    total = sum((sum(values) / len(values) for values in by_criterion.values()), ZERO)
    return money(total)


def points_error(points, max_points: int) -> str:
    """Why `points` is not a valid score for a criterion worth `max_points`, or "" (u.d.p.p. art. 15 ust. 1)."""
    if points is None or Decimal(points) < 0 or Decimal(points) > max_points:
        return _("Points must be between 0 and %(max)d.") % {"max": max_points}
    return ""


def rank(scores: dict[int, Decimal]) -> list[tuple[int, int, Decimal]]:
    """[(place, offer id, score)], highest score first; equal scores share a place (1, 2, 2, 4)."""
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    result = []
    for index, (offer_id, score) in enumerate(ordered):
        place = result[-1][0] if result and result[-1][2] == score else index + 1
        result.append((place, offer_id, score))
    return result


def granted_total_error(*, granted: Sequence[Decimal], budget: Decimal) -> str:
    """Why the amounts granted in a call exceed its budget (u.d.p.p. art. 13 ust. 2 pkt 2), or ""."""
    total = sum((money(amount) for amount in granted), ZERO)
    if total > money(budget):
        return _("The amounts granted (%(total)s) exceed the budget of the call (%(budget)s).") % {
            "total": format_pln(total),
            "budget": format_pln(budget),
        }
    return ""


def budget_update_required(*, requested: Decimal, granted: Decimal) -> bool:
    """Less granted than asked: the agreement needs an updated schedule and cost table (aktualizacja) [K].

    Framework agreement, annex 3 to Dz.U. 2018 poz. 2057, § 1–2 (updated offer as part of the agreement).
    """
    return money(granted) < money(requested)


def tranches_error(*, amount: Decimal, tranches: Sequence[Decimal]) -> str:
    """Why the tranches of an agreement do not add up to its amount (annex 3, § 3 ust. 1), or ""."""
    total = sum((money(value) for value in tranches), ZERO)
    if not tranches or any(money(value) <= 0 for value in tranches):
        return _("Every tranche must be more than 0 zł.")
    if total != money(amount):
        return _("The tranches add up to %(total)s, not to the amount of the agreement (%(amount)s).") % {
            "total": format_pln(total),
            "amount": format_pln(amount),
        }
    return ""


# ------------------------------------------------------------------------------------------------------------------
# Reports (u.d.p.p. art. 18)
# ------------------------------------------------------------------------------------------------------------------


def final_report_due(task_end: date) -> date:
    """Final report (sprawozdanie końcowe): within 30 days of the end of the task.

    u.d.p.p. art. 18 ust. 1 [V-sec]; the rule `grants.deadlines.grant_report_due`.
    """
    return grant_report_due(task_end)


def partial_report_earliest_due(call_delivered_on: date) -> date:
    """A partial report demanded during the year: the deadline may not be earlier than 30 days from delivery.

    u.d.p.p. art. 18 ust. 3.
    """
    return shift_to_working_day(add_calendar_days(call_delivered_on, PARTIAL_REPORT_MIN_DAYS))


def missing_report_call_due(call_delivered_on: date) -> date:
    """A report not filed on time: the written call gives 7 days from its delivery.

    Framework agreement, annex 3 to Dz.U. 2018 poz. 2057 (clause on reports) [K].
    """
    return shift_to_working_day(add_calendar_days(call_delivered_on, MISSING_REPORT_CALL_DAYS))


def offer_completion_due(call_delivered_on: date) -> date:
    """Formal check: an incomplete offer may be completed within 7 days of the call [K: the call's rules]."""
    return shift_to_working_day(add_calendar_days(call_delivered_on, OFFER_COMPLETION_DAYS))


# ------------------------------------------------------------------------------------------------------------------
# Settlement, return and interest (u.f.p. art. 251, 252)
# ------------------------------------------------------------------------------------------------------------------


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


# ------------------------------------------------------------------------------------------------------------------
# Small grants (u.d.p.p. art. 19a)
# ------------------------------------------------------------------------------------------------------------------


def small_grant_duration_days(start: date, end: date) -> int:
    """The length of a task in days, both the first and the last day counted (a one-day task lasts 1 day)."""
    return (end - start).days + 1


def small_grant_problems(
    *,
    amount: Decimal,
    start: date,
    end: date,
    organisation_year_total: Decimal,
    year_pool_planned: Decimal | None,
    year_small_grants_total: Decimal,
) -> list[ArithmeticProblem]:
    """Every limit of the non-competitive mode an offer breaks, as Polish messages (empty when it fits).

    u.d.p.p. art. 19a ust. 1: subsidy ≤ 10 000 zł and task ≤ 90 days; ust. 4: ≤ 20 000 zł per organisation
    per calendar year in this mode (`organisation_year_total` = already granted to it this year); ust. 5:
    all small grants ≤ 20 % of the subsidies planned for NGOs in the year (`year_pool_planned`; None when
    the year's plan is not entered, which is itself a problem).
    """
    problems = []
    amount = money(amount)
    if amount > SMALL_GRANT_MAX_AMOUNT:
        problems.append(
            ArithmeticProblem(
                "subsidy",
                _("A small grant may be at most %(limit)s; the offer asks for %(amount)s.")
                % {"limit": format_pln(SMALL_GRANT_MAX_AMOUNT), "amount": format_pln(amount)},
            )
        )
    if end < start:
        problems.append(ArithmeticProblem("end_date", _("The task cannot end before it starts.")))
    elif small_grant_duration_days(start, end) > SMALL_GRANT_MAX_DAYS:
        problems.append(
            ArithmeticProblem(
                "end_date",
                _("A small-grant task may last at most %(limit)d days; this one lasts %(days)d.")
                % {"limit": SMALL_GRANT_MAX_DAYS, "days": small_grant_duration_days(start, end)},
            )
        )
    if money(organisation_year_total) + amount > SMALL_GRANT_MAX_PER_ORGANISATION_YEAR:
        problems.append(
            ArithmeticProblem(
                "subsidy",
                _(
                    "The organisation has already received %(received)s in small grants this year; together with "
                    "this one it would exceed %(limit)s."
                )
                % {
                    "received": format_pln(organisation_year_total),
                    "limit": format_pln(SMALL_GRANT_MAX_PER_ORGANISATION_YEAR),
                },
            )
        )
    if year_pool_planned is None:
        problems.append(ArithmeticProblem("pool", _("The subsidies planned for NGOs this year are not entered yet.")))
    else:
        pool_limit = money(Decimal(year_pool_planned) * SMALL_GRANT_MAX_POOL_PERCENT / HUNDRED)
        if money(year_small_grants_total) + amount > pool_limit:
            problems.append(
                ArithmeticProblem(
                    "pool",
                    _(
                        "Small grants this year would reach %(total)s, above %(percent)s%% of the subsidies planned "
                        "for NGOs (%(limit)s)."
                    )
                    % {
                        "total": format_pln(money(year_small_grants_total) + amount),
                        "percent": f"{SMALL_GRANT_MAX_POOL_PERCENT.normalize():f}",
                        "limit": format_pln(pool_limit),
                    },
                )
            )
    return problems


def small_grant_comments_until(published_on: date) -> date:
    """The last day for comments on a small-grant offer: 7 days from its publication (u.d.p.p. art. 19a ust. 3).

    The publication day is not counted (k.c. art. 111 § 2); a last day on a day off runs to the next
    working day (k.c. art. 115).
    """
    return shift_to_working_day(add_calendar_days(published_on, SMALL_GRANT_PUBLICATION_DAYS))
