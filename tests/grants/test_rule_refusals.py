"""What an applicant or a clerk reads when a subsidy rule refuses: the whole Polish sentence, with its amounts and
dates, at the edge where the refusal starts.

The calls (u.d.p.p. art. 13, 15), the agreement's tranches (annex 3 to Dz.U. 2018 poz. 2057), the report's subsidy
(u.d.p.p. art. 18), small grants (u.d.p.p. art. 19a) and the settlement (u.f.p. art. 251, 252; o.p. art. 63).
"""

import re
from datetime import date
from decimal import Decimal as D

import pytest

from grants import rules
from grants.rules import CostLine, Funding, InterestMinimum, InterestRate

NBSP = "\u00a0"
MON = date(2026, 3, 2)


def pln(text):
    """`text` with the no-break spaces of format_pln: between the thousands and before "zł"."""
    return re.sub(r"(?<=\d) (?=\d{3}\b)| (?=zł)", NBSP, text)


# Calls ---------------------------------------------------------------------------------------------------------------


def test_an_offers_deadline_too_early_is_refused_with_the_earliest_lawful_date():
    message = rules.call_offers_deadline_error(announcements=[MON, MON, MON], offers_deadline=date(2026, 3, 22))
    assert message == (
        "Termin składania ofert musi przypadać co najmniej 21 dni po ostatniej publikacji ogłoszenia: "
        "nie wcześniej niż 23.03.2026."
    )


@pytest.mark.parametrize("announcements", [[], [MON, None, MON]], ids=["none-yet", "one-missing"])
def test_a_call_not_yet_published_everywhere_has_no_offers_deadline(announcements):
    assert rules.call_offers_earliest_deadline(announcements) is None
    assert rules.call_offers_deadline_error(announcements=announcements, offers_deadline=date(2026, 5, 4)) == (
        "Ogłoszenie musi najpierw zostać opublikowane w BIP, na tablicy ogłoszeń i na stronie internetowej."
    )


@pytest.mark.parametrize("points", [None, -1, 11])
def test_points_outside_the_criterion_are_refused_in_polish(points):
    assert rules.points_error(points, 10) == "Liczba punktów musi mieścić się w przedziale od 0 do 10."


def test_amounts_granted_over_the_budget_are_refused_with_both_sums():
    message = rules.granted_total_error(granted=[D("60000"), D("40000.01")], budget=D("100000"))
    assert message == pln("Przyznane kwoty (100 000,01 zł) przekraczają wysokość środków w konkursie (100 000,00 zł).")


def test_a_merit_score_averages_each_criterion_over_the_members_who_scored_it():
    """A member who declared a conflict scored only criterion 10: criterion 11 is the other member's 4 points."""
    assert rules.offer_merit_score({1: {10: D("8")}, 2: {10: D("6"), 11: D("4")}}) == D("11.00")
    assert rules.offer_merit_score({}) == D("0.00")


# Tranches of an agreement --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tranches", [[], [D("5000"), D("0")], [D("5000.01"), D("-0.01")]])
def test_a_missing_empty_or_negative_tranche_is_refused(tranches):
    assert rules.tranches_error(amount=D("5000"), tranches=tranches) == "Każda transza musi być większa niż 0 zł."


def test_a_last_tranche_of_a_few_grosze_is_lawful():
    assert rules.tranches_error(amount=D("5000"), tranches=[D("4999.50"), D("0.50")]) == ""


def test_tranches_that_do_not_add_up_say_both_amounts():
    assert rules.tranches_error(amount=D("5000"), tranches=[D("3000"), D("1999.99")]) == pln(
        "Transze sumują się do 4 999,99 zł, a nie do kwoty dotacji z umowy (5 000,00 zł)."
    )


# The report's subsidy ------------------------------------------------------------------------------------------------


def test_a_report_using_more_subsidy_than_the_agreement_is_refused_with_both_amounts():
    table = [CostLine(number=1, name="Honoraria", category="action", unit_cost=D("4000.01"), units=D("1"))]
    summary = rules.report_cost_table_check(table, Funding(subsidy=D("4000.01")), granted=D("4000"))
    assert [(problem.where, problem.message) for problem in summary.problems] == [
        (
            "subsidy",
            pln("Wykorzystana dotacja (4 000,01 zł) przekracza kwotę dotacji z umowy (4 000,00 zł)."),
        )
    ]


def test_a_report_with_a_negative_subsidy_used_is_refused():
    table = [CostLine(number=1, name="Honoraria", category="action", unit_cost=D("100"), units=D("1"))]
    summary = rules.report_cost_table_check(table, Funding(subsidy=D("-1"), own_financial=D("101")), granted=D("100"))
    assert [(problem.where, problem.message) for problem in summary.problems] == [
        ("subsidy", "Kwota w źródłach finansowania nie może być ujemna."),
        ("subsidy", "Podaj wnioskowaną kwotę dotacji (więcej niż 0 zł)."),
    ]


def test_a_report_using_a_few_grosze_of_subsidy_is_not_asked_for_a_subsidy():
    table = [CostLine(number=1, name="Znaczki", category="action", unit_cost=D("0.50"), units=D("1"))]
    summary = rules.report_cost_table_check(table, Funding(subsidy=D("0.50")), granted=D("100"))
    assert summary.problems == []


# Small grants: u.d.p.p. art. 19a -------------------------------------------------------------------------------------

START = date(2026, 6, 1)


def small_grant_refusals(*, amount, end=date(2026, 6, 30), organisation="0", used="0"):
    problems = rules.small_grant_problems(
        amount=D(amount),
        start=START,
        end=end,
        organisation_year_total=D(organisation),
        year_pool_planned=D("100000"),
        year_small_grants_total=D(used),
    )
    return [(problem.where, problem.message) for problem in problems]


def test_a_small_grant_over_10000_is_refused_with_the_limit_and_the_amount():
    assert small_grant_refusals(amount="10000.01") == [
        (
            "subsidy",
            pln(
                "Dotacja z pominięciem otwartego konkursu ofert (mały grant) może wynosić najwyżej 10 000,00 zł "
                "(art. 19a ust. 1 u.d.p.p.); oferta wnioskuje o 10 000,01 zł."
            ),
        )
    ]


def test_a_small_grant_task_of_91_days_is_refused_with_its_length():
    assert small_grant_refusals(amount="5000", end=date(2026, 8, 30)) == [
        (
            "end_date",
            "Zadanie w trybie małego grantu może trwać najwyżej 90 dni (art. 19a ust. 1 u.d.p.p.); to trwa 91.",
        )
    ]


def test_the_organisations_yearly_limit_says_what_it_may_still_ask_for():
    assert small_grant_refusals(amount="6000", organisation="15000") == [
        (
            "subsidy",
            pln(
                "W 2026 r. organizacja otrzymała już od miasta 15 000,00 zł w trybie małych grantów; łącznie z tą "
                "dotacją przekroczyłaby 20 000,00 zł w roku (art. 19a ust. 6 u.d.p.p.). Może wnioskować najwyżej "
                "o 5 000,00 zł."
            ),
        )
    ]


def test_an_organisation_already_over_its_yearly_limit_may_ask_for_nothing():
    """Grants made outside the portal took it to 21 000 zł: it may ask for 0 zł, not for minus 1 000 zł."""
    [(where, message)] = small_grant_refusals(amount="1000", organisation="21000")
    assert where == "subsidy"
    assert message.endswith(pln("Może wnioskować najwyżej o 0,00 zł."))


def test_the_city_pool_of_small_grants_is_refused_with_the_total_and_the_limit():
    assert small_grant_refusals(amount="6000", used="15000") == [
        (
            "pool",
            pln(
                "Małe granty w tym roku osiągnęłyby 21 000,00 zł, więcej niż 20% dotacji planowanych dla organizacji "
                "pozarządowych (20 000,00 zł; art. 19a ust. 7 u.d.p.p.)."
            ),
        )
    ]


# Settlement: u.f.p. art. 251, 252 ------------------------------------------------------------------------------------


def test_a_subsidy_used_to_the_last_grosz_leaves_nothing_to_return():
    amounts = rules.settlement_amounts(granted=D("4000"), used=D("4000"))
    assert (amounts.unused, amounts.to_return) == (D("0.00"), D("0.00"))


def test_the_undue_part_is_added_to_the_amount_to_return():
    amounts = rules.settlement_amounts(granted=D("5000"), used=D("4600"), misused=D("300"), undue=D("100"))
    assert (amounts.unused, amounts.misused, amounts.undue, amounts.to_return) == (
        D("400.00"),
        D("300.00"),
        D("100.00"),
        D("800.00"),
    )


def test_a_subsidy_misused_in_whole_is_returned_in_whole():
    amounts = rules.settlement_amounts(granted=D("4000"), used=D("4000"), misused=D("3000"), undue=D("1000"))
    assert amounts.to_return == D("4000.00")


def test_more_used_than_granted_is_refused_in_polish():
    with pytest.raises(ValueError, match="^Kwota wykorzystana nie może przekraczać kwoty przyznanej.$"):
        rules.settlement_amounts(granted=D("5000"), used=D("5000.01"))


def test_misused_and_undue_parts_together_above_the_amount_used_are_refused_in_polish():
    with pytest.raises(ValueError, match="^Części wykorzystane niezgodnie z przeznaczeniem i pobrane nienależnie nie"):
        rules.settlement_amounts(granted=D("5000"), used=D("150"), misused=D("100"), undue=D("100"))


def test_interest_of_50_grosze_and_more_is_rounded_up_to_the_next_zloty():
    """o.p. art. 63 § 1: 10,50 zł of interest is charged as 11 zł (banker's rounding would give 10 zł)."""
    rate = [InterestRate(date(2026, 1, 1), D("36.50"))]  # 0.1 % a day
    minimums = [InterestMinimum(date(2014, 2, 1), D("2.90"))]
    day = date(2026, 3, 2)
    interest = rules.interest_for_tax_arrears(
        D("1050"), first_day=day, paid_on=date(2026, 3, 11), rates=rate, minimums=minimums
    )
    assert interest == D("11.00")


@pytest.mark.parametrize(
    ("offers", "meeting", "cancelled"), [(0, 0, True), (1, 0, True), (1, 1, False), (2, 1, False)]
)
def test_a_call_with_one_good_offer_is_not_cancelled(offers, meeting, cancelled):
    """u.d.p.p. art. 18a ust. 1: only no offer, or no offer meeting the requirements, cancels the call."""
    assert rules.call_may_be_cancelled(offers_count=offers, offers_meeting_requirements=meeting) is cancelled


# The committee: u.d.p.p. art. 15 ust. 2d -----------------------------------------------------------------------------

OFFEROR = rules.Offeror(case_mark="KS.524.3.2026", name="Stowarzyszenie „Nasza Ruda”", register_number="0000123456")


@pytest.mark.parametrize(
    ("nominator_name", "named"),
    [("STOWARZYSZENIE NASZA RUDA", "STOWARZYSZENIE NASZA RUDA"), ("", "Stowarzyszenie „Nasza Ruda”")],
    ids=["as-the-clerk-typed-it", "by-krs-only"],
)
def test_an_excluded_nominee_is_told_which_organisation_and_which_offer(nominator_name, named):
    """The organisation is named as the clerk typed it; found by its KRS number alone, as its offer names it."""
    assert rules.nominee_excluded_message(nominator_name=nominator_name, offeror=OFFEROR) == (
        f"Osoba wskazana przez „{named}” nie może zasiadać w komisji tego konkursu: organizacja złożyła w nim "
        "ofertę (KS.524.3.2026). Art. 15 ust. 2d u.d.p.p. wyłącza osoby wskazane przez organizacje biorące udział "
        "w konkursie."
    )


def test_a_return_paid_before_interest_starts_needs_no_rate_table():
    """Returned on time, before the first day of interest: 0 zł, even before the year's rate is entered."""
    interest = rules.interest_for_tax_arrears(
        D("1000"), first_day=date(2027, 2, 2), paid_on=date(2027, 1, 29), rates=[], minimums=[]
    )
    assert interest == 0


def test_nothing_to_return_bears_no_interest_without_a_rate_table():
    interest = rules.interest_for_tax_arrears(
        D("0"), first_day=date(2027, 2, 2), paid_on=date(2027, 3, 1), rates=[], minimums=[]
    )
    assert interest == 0


def test_interest_on_a_misused_subsidy_needs_the_day_of_its_transfer():
    with pytest.raises(ValueError, match=r"^A misused subsidy needs the transfer date\.$"):
        rules.interest_start(kind="misused", transferred_on=None, return_due=date(2026, 9, 1))


def test_interest_may_start_on_the_first_day_of_the_rate_table_but_not_the_day_before():
    rates = [InterestRate(date(2026, 1, 1), D("36.50"))]  # 0.1 % a day: 1 zł a day on 1 000 zł
    minimums = [InterestMinimum(date(2014, 2, 1), D("2.90"))]
    interest = rules.interest_for_tax_arrears(
        D("1000"), first_day=date(2026, 1, 1), paid_on=date(2026, 1, 10), rates=rates, minimums=minimums
    )
    assert interest == D("10.00")
    with pytest.raises(ValueError, match=r"^The interest-rate table has no rate for the first day of interest\.$"):
        rules.interest_for_tax_arrears(
            D("1000"), first_day=date(2025, 12, 31), paid_on=date(2026, 1, 10), rates=rates, minimums=minimums
        )


def test_interest_across_three_rate_periods_counts_each_period_at_its_rate():
    """A return late from 31 January to 1 March: 1 day at the first rate, 28 at the second, 1 at the third.

    Made-up rates for readable sums: 1, 2 and 3 zł a day on 1 000 zł.
    """
    rates = [
        InterestRate(date(2026, 1, 1), D("36.50")),
        InterestRate(date(2026, 2, 1), D("73.00")),
        InterestRate(date(2026, 3, 1), D("109.50")),
    ]
    minimums = [InterestMinimum(date(2014, 2, 1), D("2.90"))]
    interest = rules.interest_for_tax_arrears(
        D("1000"), first_day=date(2026, 1, 31), paid_on=date(2026, 3, 1), rates=rates, minimums=minimums
    )
    assert interest == D("60.00")  # 1 × 1 + 28 × 2 + 1 × 3


def test_interest_is_not_computed_on_a_day_before_the_table_of_minimum_interest():
    minimums = [InterestMinimum(date(2014, 2, 1), D("2.90"))]
    with pytest.raises(ValueError, match=r"^The table of minimum interest has no row valid on the day of the comp"):
        rules.interest_minimum_on(date(2014, 1, 31), minimums)


@pytest.mark.parametrize(
    "amounts",
    [{"granted": D("-4000"), "used": D("0")}, {"granted": D("4000"), "used": D("-0.01")}],
    ids=["granted", "used"],
)
def test_a_negative_amount_granted_or_used_is_refused_as_negative(amounts):
    with pytest.raises(ValueError, match=r"^Kwoty nie mogą być ujemne\.$"):
        rules.settlement_amounts(**amounts)
