"""Rules of the report on the task (u.d.p.p. art. 18): when it may be filed, and its cost table as executed.

The report form is annex 5 to Dz.U. 2018 poz. 2057 (part II: the expenses, in the categories of the offer's table
V.A); a small grant (u.d.p.p. art. 19a) reports on the simplified form, annex 2 to Dz.U. 2018 poz. 2055. The
arithmetic of the table is the offer's own (`grants.rules.costs.cost_table_check`), not a copy of it.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from core.deadlines import add_calendar_days
from core.money import format_pln, money
from grants.rules.costs import ArithmeticProblem, CallLimits, CostLine, CostSummary, Funding, cost_table_check

#: [K] A final report may be filed from the day the task ends: u.d.p.p. art. 18 ust. 1 sets only the end of the
#: 30 days (counted from the end of the task); the reading that lets the organisation file as early as it can.
FINAL_REPORT_OPENS_DAYS_AFTER_TASK_END = 0


def final_report_opens(task_end: date) -> date:
    """The first day a final report may be filed: the day the task ends [K] (u.d.p.p. art. 18 ust. 1)."""
    return add_calendar_days(task_end, FINAL_REPORT_OPENS_DAYS_AFTER_TASK_END)


def report_may_be_filed(*, kind: str, task_end: date, today: date) -> bool:
    """Whether the organisation may file a report today.

    A partial report is filed once the department has demanded it (u.d.p.p. art. 18 ust. 3: the report exists from
    the demand on); a final report from the day the task ends (art. 18 ust. 1, `final_report_opens`). A report
    past its deadline may still be filed: the framework agreement's call for a missing report expects it [K].
    """
    if kind == "partial":
        return True
    return today >= final_report_opens(task_end)


def report_cost_table_check(
    lines: Sequence[CostLine], funding: Funding, *, granted: Decimal, max_admin_percent: Decimal | None = None
) -> CostSummary:
    """Check the cost table of a report as the offer's is checked, against the agreement's subsidy.

    Annex 5 to Dz.U. 2018 poz. 2057, part II (and annex 2 to poz. 2055): the lines in the offer's categories
    (I actions, II administration) add up, each line is unit cost × units, the sources as executed equal the
    costs, administrative costs within the call's share (u.d.p.p. art. 13 ust. 2 pkt 3), and the subsidy used is
    at most the subsidy of the agreement (u.d.p.p. art. 16 ust. 1; what is not used is returned, u.f.p. art. 251).
    The own-contribution share of the call is not checked here: the agreement decides on deviations [K].
    """
    limits = CallLimits(mode="entrust", max_admin_percent=max_admin_percent)
    summary = cost_table_check(lines, funding, limits)
    # The offer's "enter the subsidy you ask for" does not apply: a report may say no subsidy was used.
    summary.problems = [
        problem for problem in summary.problems if not (problem.where == "subsidy" and money(funding.subsidy) >= 0)
    ]
    if money(funding.subsidy) > money(granted):
        summary.problems.append(
            ArithmeticProblem(
                "subsidy",
                _("The subsidy used (%(used)s) is more than the subsidy of the agreement (%(granted)s).")
                % {"used": format_pln(funding.subsidy), "granted": format_pln(granted)},
            )
        )
    return summary
