"""Rules of agreements and reports: tranches, the updated budget and the report clocks (u.d.p.p. art. 16, 18)."""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from core.deadlines import add_calendar_days, shift_to_working_day
from core.money import ZERO, format_pln, money
from grants.deadlines import grant_report_due

#: Framework agreement (annex 3 to Dz.U. 2018 poz. 2057): a written call gives 7 days to file a missing report [K].
MISSING_REPORT_CALL_DAYS = 7
#: u.d.p.p. art. 18 ust. 3: a partial report may be demanded with at least 30 days from delivery of the call.
PARTIAL_REPORT_MIN_DAYS = 30
#: Framework agreement (annex 3 to Dz.U. 2018 poz. 2057), clause on shifts in the cost table: a cost line may grow by
#: up to this share without an annex; the organ sets the share in the agreement [K: the city's choice].
COST_LINE_SHIFT_MAX_PERCENT = 10
#: Framework agreement, clause on documentation: the organisation keeps the task's documents for 5 years from the
#: start of the year after the one in which it carried out the task [K].
DOCUMENTATION_KEEP_YEARS = 5


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
