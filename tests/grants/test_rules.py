"""The pure rules of grants (grants.rules): every limit and clock at its edges, the cost-table arithmetic in Polish."""

from datetime import date
from decimal import Decimal as D

import pytest

from grants import rules
from grants.rules import CallLimits, CostLine, Funding, InterestMinimum, InterestRate

# Calls: u.d.p.p. art. 13 ust. 1 -----------------------------------------------------------------------------------

MON = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("deadline", "ok"),
    [(date(2026, 3, 22), False), (date(2026, 3, 23), True), (date(2026, 3, 24), True)],
    ids=["day-before", "the-21st-day", "day-after"],
)
def test_offers_deadline_is_21_days_after_the_last_announcement(deadline, ok):
    announcements = [date(2026, 2, 27), MON, date(2026, 3, 1)]
    assert (rules.call_offers_deadline_error(announcements=announcements, offers_deadline=deadline) == "") is ok


def test_offers_deadline_counts_from_the_last_announcement_not_the_first():
    assert rules.call_offers_earliest_deadline([date(2026, 2, 1), MON]) == date(2026, 3, 23)


def test_offers_deadline_ending_on_a_saturday_moves_to_monday():
    # 28 Feb 2026 (Sat) + 21 days = 21 Mar 2026, a Saturday.
    assert rules.call_offers_earliest_deadline([date(2026, 2, 28)] * 3) == date(2026, 3, 23)


def test_offers_deadline_needs_every_announcement():
    message = rules.call_offers_deadline_error(announcements=[MON, None, MON], offers_deadline=date(2026, 5, 1))
    assert "BIP" in message


def test_error_message_names_the_earliest_date_in_polish():
    message = rules.call_offers_deadline_error(announcements=[MON], offers_deadline=MON)
    assert "23.03.2026" in message
    assert "21" in message


@pytest.mark.parametrize(("offers", "meeting", "expected"), [(0, 0, True), (3, 0, True), (3, 1, False)])
def test_a_call_is_cancelled_only_without_good_offers(offers, meeting, expected):
    assert rules.call_may_be_cancelled(offers_count=offers, offers_meeting_requirements=meeting) is expected


# The cost table: annex 1 to Dz.U. 2018 poz. 2057, section V --------------------------------------------------------


def lines(*rows):
    return [
        CostLine(number=n, name=name, category=category, unit_cost=D(cost), units=D(units), declared_total=declared)
        for n, (name, category, cost, units, declared) in enumerate(rows, start=1)
    ]


GOOD_LINES = lines(
    ("Honoraria instruktorów", "action", "100.00", "40", None),
    ("Materiały plastyczne", "action", "12.50", "80", D("1000.00")),
    ("Koordynacja", "admin", "500", "1", None),
)  # 4000 + 1000 + 500 = 5500


def test_a_correct_cost_table_has_no_problems():
    funding = Funding(subsidy=D("4500"), own_financial=D("500"), own_personal=D("300"), own_material=D("200"))
    summary = rules.cost_table_check(
        GOOD_LINES, funding, CallLimits(min_own_percent=D("10"), max_admin_percent=D("10"))
    )
    assert summary.problems == []
    assert (summary.actions_total, summary.admin_total, summary.total) == (D("5000.00"), D("500.00"), D("5500.00"))
    assert rules.own_contribution_share(funding) == D("18.18")


def test_a_line_whose_total_is_not_unit_cost_times_units_is_named():
    bad = lines(("Honoraria", "action", "100", "40", None), ("Wynajem sali", "action", "250", "4", D("1200")))
    summary = rules.cost_table_check(bad, Funding(subsidy=D("5000")), CallLimits(mode="entrust"))
    [problem] = summary.problems
    assert problem.where == "costs-1-declared_total"
    assert "2 (Wynajem sali)" in problem.message
    assert "1\u00a0000,00\u00a0zł" in problem.message
    assert "1\u00a0200,00\u00a0zł" in problem.message


def test_sources_that_do_not_add_up_to_the_costs_say_by_how_much():
    summary = rules.cost_table_check(GOOD_LINES, Funding(subsidy=D("5000"), own_financial=D("400")), CallLimits())
    [problem] = summary.problems
    assert problem.where == "funding"
    assert "5\u00a0400,00\u00a0zł" in problem.message
    assert "5\u00a0500,00\u00a0zł" in problem.message
    assert "-100,00" in problem.message


@pytest.mark.parametrize(("own", "ok"), [("549.99", False), ("550.00", True)])
def test_own_contribution_share_at_the_minimum_of_the_call(own, ok):
    funding = Funding(subsidy=D("5500") - D(own), own_financial=D(own))
    summary = rules.cost_table_check(GOOD_LINES, funding, CallLimits(min_own_percent=D("10")))
    assert (summary.problems == []) is ok
    if not ok:
        assert summary.problems[0].where == "own_financial"
        assert "10%" in summary.problems[0].message


def test_entrusting_needs_no_own_contribution():
    summary = rules.cost_table_check(
        GOOD_LINES, Funding(subsidy=D("5500")), CallLimits("entrust", min_own_percent=D("10"))
    )
    assert summary.problems == []


@pytest.mark.parametrize(("subsidy_limit", "ok"), [("4499.99", False), ("4500.00", True)])
def test_subsidy_limit_of_the_call(subsidy_limit, ok):
    funding = Funding(subsidy=D("4500"), own_financial=D("1000"))
    summary = rules.cost_table_check(GOOD_LINES, funding, CallLimits(max_subsidy=D(subsidy_limit)))
    assert (summary.problems == []) is ok


@pytest.mark.parametrize(("admin_limit", "ok"), [("9.09", False), ("9.1", True)])
def test_administrative_costs_share(admin_limit, ok):
    # 500 of 5500 = 9.09 %
    funding = Funding(subsidy=D("5000"), own_financial=D("500"))
    summary = rules.cost_table_check(GOOD_LINES, funding, CallLimits(max_admin_percent=D(admin_limit)))
    assert (summary.problems == []) is ok
    if not ok:
        assert "9,09%" in summary.problems[0].message


def test_empty_cost_table_and_zero_subsidy_are_refused():
    summary = rules.cost_table_check([], Funding(subsidy=D("0")), CallLimits())
    assert {p.where for p in summary.problems} == {"costs", "subsidy"}


def test_line_total_rounds_half_up_to_the_grosz():
    assert rules.line_total(D("0.125"), D("1")) == D("0.13")
    assert rules.line_total(D("33.33"), D("3")) == D("99.99")


def test_amounts_are_formatted_the_polish_way():
    assert rules.format_pln(D("1234567.5")) == "1\u00a0234\u00a0567,50\u00a0zł"


# Evaluation --------------------------------------------------------------------------------------------------------


def test_merit_score_averages_members_per_criterion():
    points = {1: {10: D("8"), 11: D("5")}, 2: {10: D("6"), 11: D("4")}}
    assert rules.offer_merit_score(points) == D("11.50")


def test_ranking_shares_places_on_equal_scores():
    assert rules.rank({1: D("10"), 2: D("12"), 3: D("10"), 4: D("3")}) == [
        (1, 2, D("12")),
        (2, 1, D("10")),
        (2, 3, D("10")),
        (4, 4, D("3")),
    ]


@pytest.mark.parametrize(("points", "ok"), [(-1, False), (0, True), (10, True), (D("10.5"), False)])
def test_points_stay_within_the_criterion(points, ok):
    assert (rules.points_error(points, 10) == "") is ok


@pytest.mark.parametrize(("granted", "ok"), [(["60000", "40000"], True), (["60000", "40000.01"], False)])
def test_granted_amounts_stay_within_the_budget(granted, ok):
    assert (rules.granted_total_error(granted=[D(g) for g in granted], budget=D("100000")) == "") is ok


def test_less_granted_than_asked_requires_an_updated_budget():
    assert rules.budget_update_required(requested=D("5000"), granted=D("4999.99"))
    assert not rules.budget_update_required(requested=D("5000"), granted=D("5000"))


def test_tranches_must_add_up_to_the_agreement():
    assert rules.tranches_error(amount=D("5000"), tranches=[D("3000"), D("2000")]) == ""
    assert "4\u00a0999,99" in rules.tranches_error(amount=D("5000"), tranches=[D("3000"), D("1999.99")])
    assert rules.tranches_error(amount=D("5000"), tranches=[D("5000"), D("0")])


# Reports and formal check: u.d.p.p. art. 18 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task_end", "due"),
    [(date(2026, 6, 30), date(2026, 7, 30)), (date(2026, 10, 2), date(2026, 11, 2))],  # 1 Nov is a Sunday holiday
)
def test_final_report_30_days_after_the_task(task_end, due):
    assert rules.final_report_due(task_end) == due


@pytest.mark.parametrize(
    ("delivered", "due"),
    [(MON, date(2026, 3, 9)), (date(2026, 3, 14), date(2026, 3, 23))],  # 21 Mar is a Saturday
)
def test_missing_report_call_gives_7_days(delivered, due):
    assert rules.missing_report_call_due(delivered) == due


def test_partial_report_not_earlier_than_30_days_from_the_call():
    assert rules.partial_report_earliest_due(MON) == date(2026, 4, 1)


def test_offer_completion_gives_7_days():
    assert rules.offer_completion_due(MON) == date(2026, 3, 9)


# Settlement: u.f.p. art. 251, 252 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("use_deadline", "due"),
    [
        (date(2026, 6, 30), date(2026, 7, 15)),
        (date(2026, 7, 31), date(2026, 8, 17)),  # 15 Aug (Sat, holiday) → 17 Aug (Mon)
        (date(2026, 10, 2), date(2026, 10, 19)),  # the 15th day is Saturday 17 Oct → Monday
        (date(2026, 10, 17), date(2026, 11, 2)),  # the 15th day is Sunday 1 Nov (All Saints) → Monday 2 Nov
        (date(2025, 12, 31), date(2026, 2, 2)),  # 31 Jan 2026 is a Saturday
        (date(2026, 12, 30), date(2027, 1, 14)),  # a day before the year's end: the ordinary 15 days
        (date(2026, 12, 31), date(2027, 2, 1)),  # 31 Jan 2027 is a Sunday
    ],
    ids=["mid-year", "holiday", "saturday", "all-saints", "year-end-saturday", "day-before-year-end", "year-end"],
)
def test_unused_subsidy_is_returned_15_days_after_the_use_deadline_or_by_31_january(use_deadline, due):
    """u.f.p. art. 251 ust. 3 (15 days after the use deadline) and ust. 1 (31 January for 31 December)."""
    assert rules.unused_subsidy_return_due(use_deadline) == due


@pytest.mark.parametrize(
    ("returned_on", "late"),
    [(date(2026, 7, 14), False), (date(2026, 7, 15), False), (date(2026, 7, 16), True)],
    ids=["day-before", "the-15th-day", "day-after"],
)
def test_a_return_is_late_only_after_the_15th_day_from_the_use_deadline(returned_on, late):
    """Use deadline 30 June, task ended 31 May: the clock runs from the use deadline, not from the task's end."""
    due = rules.unused_subsidy_return_due(date(2026, 6, 30))
    assert due != rules.unused_subsidy_return_due(date(2026, 5, 31))
    first = rules.interest_start(kind="unused", transferred_on=None, return_due=due)
    assert (returned_on >= first) is late


@pytest.mark.parametrize(
    ("found", "due"),
    [(MON, date(2026, 3, 17)), (date(2026, 3, 6), date(2026, 3, 23))],  # 21 Mar is a Saturday
)
def test_misused_subsidy_is_returned_within_15_days_of_the_finding(found, due):
    assert rules.misused_subsidy_return_due(found) == due


def test_interest_for_misuse_runs_from_the_transfer_and_for_undue_from_the_day_after_the_deadline():
    """u.f.p. art. 252 ust. 6 pkt 1 and 2."""
    assert rules.interest_start(kind="misused", transferred_on=MON, return_due=date(2026, 9, 1)) == MON
    assert rules.interest_start(kind="undue", transferred_on=MON, return_due=date(2026, 9, 1)) == date(2026, 9, 2)
    with pytest.raises(ValueError, match="transfer date"):
        rules.interest_start(kind="misused", transferred_on=None, return_due=MON)


RATES = [InterestRate(date(2025, 1, 1), D("14.50")), InterestRate(date(2026, 1, 1), D("14.00"))]
#: The 2014 fee of 2,90 zł (8,70 zł of interest) and a made-up later tariff of 3,50 zł (10,50 zł) from 1 April 2026.
MINIMUMS = [InterestMinimum(date(2014, 2, 1), D("2.90")), InterestMinimum(date(2026, 4, 1), D("3.50"))]


def test_interest_is_counted_per_day_of_each_rate_period():
    # 10 000 zł, 31 Dec 2025 (14.5 %) and 1–9 Jan 2026 (14 %): 10 000 × (0.145 × 1 + 0.14 × 9) / 365 = 38.49 → 38 zł
    interest = rules.interest_for_tax_arrears(
        D("10000"), first_day=date(2025, 12, 31), paid_on=date(2026, 1, 9), rates=RATES, minimums=MINIMUMS
    )
    assert interest == D("38.00")


def test_a_whole_year_at_14_percent():
    interest = rules.interest_for_tax_arrears(
        D("10000"), first_day=date(2026, 1, 1), paid_on=date(2026, 12, 31), rates=RATES, minimums=MINIMUMS
    )
    assert interest == D("1400.00")


def test_interest_below_the_minimum_is_not_charged():
    """o.p. art. 54 § 1 pkt 5: not charged when it would not exceed 3 × 2,90 zł = 8,70 zł (before rounding)."""
    # 1 000 zł at 14 %: 22 days = 8.44 zł, 23 days = 8.82 zł → 9 zł
    first = date(2026, 3, 1)
    assert (
        rules.interest_for_tax_arrears(
            D("1000"), first_day=first, paid_on=date(2026, 3, 22), rates=RATES, minimums=MINIMUMS
        )
        == 0
    )
    assert rules.interest_for_tax_arrears(
        D("1000"), first_day=first, paid_on=date(2026, 3, 23), rates=RATES, minimums=MINIMUMS
    ) == D("9.00")


def test_interest_equal_to_the_minimum_or_rounding_up_past_it_is_not_charged():
    """ "Nie przekraczałaby": 8,70 zł itself is not charged, and 8,60 zł is not charged although it rounds to 9 zł."""
    at = [InterestRate(date(2026, 1, 1), D("36.50"))]  # 0.1 % a day: 1 day on 8 700 zł = 8.70 zł
    day = date(2026, 3, 2)
    minimum = rules.interest_for_tax_arrears(D("8700"), first_day=day, paid_on=day, rates=at, minimums=MINIMUMS)
    below = rules.interest_for_tax_arrears(D("8600"), first_day=day, paid_on=day, rates=at, minimums=MINIMUMS)
    above = rules.interest_for_tax_arrears(D("8710"), first_day=day, paid_on=day, rates=at, minimums=MINIMUMS)
    assert (minimum, below, above) == (0, 0, D("9.00"))


@pytest.mark.parametrize(
    ("first", "paid_on", "charged"),
    [
        (date(2026, 3, 22), date(2026, 3, 31), D("10.00")),  # 10 days: 10,00 zł > 8,70 zł
        (date(2026, 3, 23), date(2026, 4, 1), D("0")),  # 10 days: 10,00 zł ≤ 10,50 zł of the new tariff
        (date(2026, 3, 23), date(2026, 4, 2), D("11.00")),  # 11 days: 11,00 zł > 10,50 zł
    ],
    ids=["day-before-new-tariff", "first-day-of-new-tariff", "day-after"],
)
def test_the_minimum_follows_the_fee_valid_on_the_day_of_the_return(first, paid_on, charged):
    """The row valid on the day interest is computed applies: 8,70 zł until 31 March, 10,50 zł from 1 April."""
    at = [InterestRate(date(2026, 1, 1), D("36.50"))]  # 0.1 % a day on 1 000 zł = 1 zł a day
    interest = rules.interest_for_tax_arrears(D("1000"), first_day=first, paid_on=paid_on, rates=at, minimums=MINIMUMS)
    assert interest == charged


def test_interest_minimum_on_picks_the_latest_row_started_and_refuses_a_day_before_the_table():
    assert rules.interest_minimum_on(date(2026, 3, 31), MINIMUMS).threshold == D("8.70")
    assert rules.interest_minimum_on(date(2026, 4, 1), MINIMUMS).threshold == D("10.50")
    with pytest.raises(ValueError, match="no row"):
        rules.interest_minimum_on(date(2014, 1, 31), MINIMUMS)


def test_no_interest_when_paid_before_it_starts_and_an_error_without_a_rate():
    assert (
        rules.interest_for_tax_arrears(
            D("1000"), first_day=MON, paid_on=date(2026, 3, 1), rates=RATES, minimums=MINIMUMS
        )
        == 0
    )
    with pytest.raises(ValueError, match="no rate"):
        rules.interest_for_tax_arrears(
            D("1000"), first_day=date(2024, 1, 1), paid_on=MON, rates=RATES, minimums=MINIMUMS
        )


def test_settlement_amounts_split_the_subsidy():
    amounts = rules.settlement_amounts(granted=D("5000"), used=D("4600"), misused=D("300"))
    assert (amounts.unused, amounts.misused, amounts.to_return) == (D("400.00"), D("300.00"), D("700.00"))
    with pytest.raises(ValueError, match=r"\S"):
        rules.settlement_amounts(granted=D("5000"), used=D("5000.01"))
    with pytest.raises(ValueError, match=r"\S"):
        rules.settlement_amounts(granted=D("5000"), used=D("100"), misused=D("100.01"))


# Small grants: u.d.p.p. art. 19a ----------------------------------------------------------------------------------

START = date(2026, 6, 1)


def small(amount="5000", days=30, organisation="0", pool="100000", used="0"):
    return {
        p.where
        for p in rules.small_grant_problems(
            amount=D(amount),
            start=START,
            end=date.fromordinal(START.toordinal() + days - 1),
            organisation_year_total=D(organisation),
            year_pool_planned=None if pool is None else D(pool),
            year_small_grants_total=D(used),
        )
    }


@pytest.mark.parametrize(("amount", "ok"), [("9999.99", True), ("10000", True), ("10000.01", False)])
def test_small_grant_at_most_10000(amount, ok):
    assert ("subsidy" not in small(amount=amount)) is ok


@pytest.mark.parametrize(("days", "ok"), [(89, True), (90, True), (91, False)])
def test_small_grant_task_at_most_90_days(days, ok):
    assert ("end_date" not in small(days=days)) is ok


@pytest.mark.parametrize(("organisation", "ok"), [("9999.99", True), ("10000", True), ("10000.01", False)])
def test_small_grants_at_most_20000_per_organisation_a_year(organisation, ok):
    assert ("subsidy" not in small(amount="10000", organisation=organisation)) is ok


@pytest.mark.parametrize(("used", "ok"), [("9999.99", True), ("10000", True), ("10000.01", False)])
def test_small_grants_at_most_20_percent_of_the_pool(used, ok):
    assert ("pool" not in small(amount="10000", used=used, pool="100000")) is ok


def test_small_grant_needs_the_year_plan():
    assert "pool" in small(pool=None)


@pytest.mark.parametrize(
    ("published", "until"),
    [(MON, date(2026, 3, 9)), (date(2026, 10, 25), date(2026, 11, 2))],  # 1 Nov: Sunday and All Saints
)
def test_small_grant_comments_for_7_days(published, until):
    assert rules.small_grant_comments_until(published) == until
