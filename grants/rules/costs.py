"""The offer's cost table (annex 1 to Dz.U. 2018 poz. 2057, section V): lines, funding, limits and their check."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from core.money import GROSZ, ZERO, format_pln, money

HUNDRED = Decimal("100")


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """`part` as a percentage of `whole`, to two decimals; 0 when the whole is 0."""
    if not whole:
        return ZERO
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(GROSZ, rounding=ROUND_HALF_UP)


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
