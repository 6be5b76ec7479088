"""When a report may be filed and how its cost table is checked (u.d.p.p. art. 18; annex 5 to Dz.U. 2018 poz. 2057)."""

from datetime import date
from decimal import Decimal

import pytest

from grants import rules

D = Decimal


@pytest.mark.parametrize(
    ("today", "allowed"),
    [
        (date(2026, 8, 30), False),  # the day before the task ends
        (date(2026, 8, 31), True),  # the day the task ends (a Monday)
        (date(2026, 9, 1), True),  # the day after
        (date(2026, 10, 5), True),  # past the 30 days: a late report is still taken
    ],
)
def test_a_final_report_is_filed_from_the_day_the_task_ends(today, allowed):
    assert rules.report_may_be_filed(kind="final", task_end=date(2026, 8, 31), today=today) is allowed


def test_a_task_ending_on_a_saturday_opens_its_report_that_saturday():
    # Filing is the organisation's act, not a deadline: it is not moved off a day off.
    assert rules.final_report_opens(date(2026, 8, 29)) == date(2026, 8, 29)
    assert rules.report_may_be_filed(kind="final", task_end=date(2026, 8, 29), today=date(2026, 8, 29))


def test_a_partial_report_is_filed_as_soon_as_it_is_demanded():
    assert rules.report_may_be_filed(kind="partial", task_end=date(2026, 12, 31), today=date(2026, 6, 1))


def lines(*rows):
    return [
        rules.CostLine(number=n, name=name, category=category, unit_cost=D(cost), units=D(units))
        for n, (name, category, cost, units) in enumerate(rows, start=1)
    ]


TABLE = lines(("Honoraria", "action", "100", "36"), ("Koordynacja", "admin", "500", "1"))


def test_a_report_that_adds_up_has_no_problems():
    funding = rules.Funding(subsidy=D("3500"), own_financial=D("600"))
    summary = rules.report_cost_table_check(TABLE, funding, granted=D("4000"), max_admin_percent=D("15"))
    assert (summary.total, summary.problems) == (D("4100"), [])


def test_no_subsidy_used_is_reported_without_the_offers_message():
    summary = rules.report_cost_table_check(TABLE, rules.Funding(subsidy=D(0), own_financial=D("4100")), granted=D(1))
    assert summary.problems == []


@pytest.mark.parametrize(("used", "refused"), [(D("4000.00"), False), (D("4000.01"), True)])
def test_the_subsidy_used_is_at_most_the_agreements(used, refused):
    table = lines(("Honoraria", "action", "4000.01", "1"))
    funding = rules.Funding(subsidy=used, own_financial=D("4000.01") - used)
    summary = rules.report_cost_table_check(table, funding, granted=D("4000"))
    assert any(problem.where == "subsidy" for problem in summary.problems) is refused


def test_the_call_share_of_administrative_costs_applies_to_the_report():
    funding = rules.Funding(subsidy=D("4100"))
    summary = rules.report_cost_table_check(TABLE, funding, granted=D("5000"), max_admin_percent=D("10"))
    assert [problem.where for problem in summary.problems] == ["costs"]
