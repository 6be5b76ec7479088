"""Pure rules of targeted subsidies (dotacje celowe): the cost-table arithmetic, the limits and the clocks.

No database access here: every function takes plain values (dates, Decimals, small dataclasses), so each
rule is tested at its edges without fixtures. Services and forms call these and never re-implement them.
Every number is a module constant named after its rule; the ones DOMAIN.md marks [K] are defaults the
department's lawyer may change, and the interest rates and the minimum interest charged are data
(`TaxArrearsInterestRate`, `RegisteredLetterFee`), not code.

Days are counted as in core.deadlines (k.p.a. art. 57 § 1 and § 4; k.c. art. 111, 115; o.p. art. 12):
the day of the event is not counted and a deadline ending on a Saturday or a day off moves to the next
working day. The kernel's calendar and the rules of grants.deadlines are reused, not copied.

One module per subdomain (`calls`, `committee`, `costs`, `agreements`, `settlement`, `small_grants`), every public name
re-exported here: services and forms write `rules.cost_table_check(...)`. Amounts are rounded and written by
`core.money` (`money`, `format_pln`), re-exported here too.
"""

# The range of points and the ranking are every committee's (core.committee.rules).
from core.committee.rules import points_error, rank
from core.money import GROSZ, ZERO, format_pln, money
from grants.rules.agreements import (
    COST_LINE_SHIFT_MAX_PERCENT,
    DOCUMENTATION_KEEP_YEARS,
    MISSING_REPORT_CALL_DAYS,
    PARTIAL_REPORT_MIN_DAYS,
    budget_update_required,
    final_report_due,
    missing_report_call_due,
    partial_report_earliest_due,
    tranches_error,
)
from grants.rules.calls import (
    OFFER_COMPLETION_DAYS,
    OFFER_DAYS_AFTER_LAST_ANNOUNCEMENT,
    call_may_be_cancelled,
    call_offers_deadline_error,
    call_offers_earliest_deadline,
    granted_total_error,
    offer_completion_due,
    offer_merit_score,
)
from grants.rules.committee import (
    Offeror,
    committee_needs_reason_without_ngo,
    nominator_is_offeror,
    nominator_offer,
    nominee_excluded_message,
    organisation_name_key,
    register_number_key,
)
from grants.rules.costs import (
    HUNDRED,
    ArithmeticProblem,
    CallLimits,
    CostLine,
    CostSummary,
    Funding,
    cost_table_check,
    line_total,
    own_contribution_share,
    percent,
)
from grants.rules.reports import (
    FINAL_REPORT_OPENS_DAYS_AFTER_TASK_END,
    final_report_opens,
    report_cost_table_check,
    report_may_be_filed,
)
from grants.rules.settlement import (
    DAYS_IN_YEAR,
    INTEREST_MINIMUM_FEE_MULTIPLE,
    INTEREST_ROUNDING,
    SUBSIDY_USE_BY,
    UNUSED_SUBSIDY_RETURN_DAYS,
    UNUSED_SUBSIDY_YEAR_END_RETURN,
    InterestMinimum,
    InterestRate,
    SettlementAmounts,
    institution_subsidy_settlement_due,
    institution_subsidy_use_deadline,
    interest_for_tax_arrears,
    interest_minimum_on,
    interest_start,
    misused_subsidy_return_due,
    settlement_amounts,
    subsidy_used_until_year_end,
    unused_subsidy_return_due,
)
from grants.rules.small_grants import (
    SMALL_GRANT_MAX_AMOUNT,
    SMALL_GRANT_MAX_DAYS,
    SMALL_GRANT_MAX_PER_ORGANISATION_YEAR,
    SMALL_GRANT_MAX_POOL_PERCENT,
    SMALL_GRANT_PUBLICATION_DAYS,
    small_grant_comments_until,
    small_grant_duration_days,
    small_grant_offer_problems,
    small_grant_problems,
)

__all__ = [
    "Offeror",
    "committee_needs_reason_without_ngo",
    "nominator_is_offeror",
    "nominator_offer",
    "nominee_excluded_message",
    "organisation_name_key",
    "register_number_key",
    "ArithmeticProblem",
    "COST_LINE_SHIFT_MAX_PERCENT",
    "CallLimits",
    "CostLine",
    "CostSummary",
    "DAYS_IN_YEAR",
    "DOCUMENTATION_KEEP_YEARS",
    "FINAL_REPORT_OPENS_DAYS_AFTER_TASK_END",
    "Funding",
    "GROSZ",
    "HUNDRED",
    "INTEREST_MINIMUM_FEE_MULTIPLE",
    "INTEREST_ROUNDING",
    "InterestMinimum",
    "InterestRate",
    "MISSING_REPORT_CALL_DAYS",
    "OFFER_COMPLETION_DAYS",
    "OFFER_DAYS_AFTER_LAST_ANNOUNCEMENT",
    "PARTIAL_REPORT_MIN_DAYS",
    "SMALL_GRANT_MAX_AMOUNT",
    "SMALL_GRANT_MAX_DAYS",
    "SMALL_GRANT_MAX_PER_ORGANISATION_YEAR",
    "SMALL_GRANT_MAX_POOL_PERCENT",
    "SMALL_GRANT_PUBLICATION_DAYS",
    "SUBSIDY_USE_BY",
    "SettlementAmounts",
    "UNUSED_SUBSIDY_RETURN_DAYS",
    "UNUSED_SUBSIDY_YEAR_END_RETURN",
    "ZERO",
    "budget_update_required",
    "call_may_be_cancelled",
    "call_offers_deadline_error",
    "call_offers_earliest_deadline",
    "cost_table_check",
    "final_report_due",
    "final_report_opens",
    "format_pln",
    "granted_total_error",
    "institution_subsidy_settlement_due",
    "institution_subsidy_use_deadline",
    "interest_for_tax_arrears",
    "interest_minimum_on",
    "interest_start",
    "line_total",
    "missing_report_call_due",
    "misused_subsidy_return_due",
    "money",
    "offer_completion_due",
    "offer_merit_score",
    "own_contribution_share",
    "partial_report_earliest_due",
    "percent",
    "points_error",
    "rank",
    "report_cost_table_check",
    "report_may_be_filed",
    "settlement_amounts",
    "small_grant_comments_until",
    "small_grant_duration_days",
    "small_grant_offer_problems",
    "small_grant_problems",
    "subsidy_used_until_year_end",
    "tranches_error",
    "unused_subsidy_return_due",
]
