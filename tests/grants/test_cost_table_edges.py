"""The offer's cost table at the edges an applicant meets: a free line, a line under 1 zł, negative and zero amounts,
the limits of the call reached exactly, and the Polish messages that say which row is wrong and by how much.

Annex 1 to Dz.U. 2018 poz. 2057, section V (table V.A the costs, table V.B the sources); the call's limits under
u.d.p.p. art. 13 ust. 2 pkt 3 (`grants.rules.cost_table_check`).
"""

from decimal import Decimal as D

import pytest

from grants import rules
from grants.rules import CallLimits, CostLine, Funding

NBSP = "\u00a0"


def line(number, name, unit_cost, units, category="action", declared=None):
    return CostLine(
        number=number, name=name, category=category, unit_cost=D(unit_cost), units=D(units), declared_total=declared
    )


COSTS = [
    line(1, "Scena i nagłośnienie", "4000", "1"),
    line(2, "Materiały", "12.50", "80"),
    line(3, "Koordynacja", "500", "1", category="admin"),
]  # 4 000 + 1 000 + 500 = 5 500 zł: actions 5 000 zł, administration 500 zł


def problems(lines, funding, limits=None):
    summary = rules.cost_table_check(lines, funding, limits or CallLimits())
    return {problem.where: problem.message for problem in summary.problems}


# Lines of table V.A --------------------------------------------------------------------------------------------------


def test_a_line_lent_free_of_charge_and_a_line_under_one_zloty_are_not_negative():
    """A hall lent for 0 zł and envelopes at 0,50 zł are costs like any other, not "negative" ones."""
    lines = [*COSTS, line(4, "Sala udostępniona nieodpłatnie", "0", "1"), line(5, "Koperty", "0.50", "100")]
    summary = rules.cost_table_check(lines, Funding(subsidy=D("5550")), CallLimits(mode="entrust"))
    assert summary.problems == []
    assert (summary.actions_total, summary.admin_total, summary.total) == (D("5050.00"), D("500.00"), D("5550.00"))


@pytest.mark.parametrize(
    ("unit_cost", "units"), [("-10", "5"), ("10", "-5"), ("-0.01", "1")], ids=["unit-cost", "units", "one-grosz"]
)
def test_a_negative_unit_cost_or_number_of_units_is_refused_on_its_line(unit_cost, units):
    lines = [*COSTS, line(4, "Rabat", unit_cost, units)]
    refused = problems(lines, Funding(subsidy=D("5500")), CallLimits(mode="entrust"))
    assert refused["costs-3"] == (
        "Pozycja kosztorysu 4 (Rabat): koszt jednostkowy i liczba jednostek nie mogą być ujemne."
    )
    assert "costs-0" not in refused


def test_a_wrong_line_total_names_the_line_the_amounts_and_the_units():
    lines = [line(1, "Wynajem sali", "250", "4.5", declared=D("1000"))]
    refused = problems(lines, Funding(subsidy=D("1125")), CallLimits(mode="entrust"))
    assert refused == {
        "costs-0-declared_total": (
            f"Pozycja kosztorysu 1 (Wynajem sali): wartość 1{NBSP}000,00{NBSP}zł nie jest równa kosztowi "
            f"jednostkowemu 250,00{NBSP}zł × 4,5 jedn. = 1{NBSP}125,00{NBSP}zł."
        )
    }


def test_administrative_lines_are_added_apart_from_the_actions():
    summary = rules.cost_table_check(COSTS, Funding(subsidy=D("5500")), CallLimits(mode="entrust"))
    assert (summary.actions_total, summary.admin_total) == (D("5000.00"), D("500.00"))


# Sources of table V.B ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["own_financial", "own_personal", "own_material", "recipient_fees"])
def test_a_negative_source_of_funding_is_refused_where_it_was_typed(source):
    """-100 zł of own contribution with 5 600 zł of subsidy adds up to the costs, and is refused all the same."""
    refused = problems(COSTS, Funding(subsidy=D("5600"), **{source: D("-100")}), CallLimits(mode="entrust"))
    assert refused == {source: "Kwota w źródłach finansowania nie może być ujemna."}


def test_a_negative_subsidy_is_refused_as_negative_and_as_missing():
    """-0,01 zł of subsidy and 1,01 zł of own money add up to a 1 zł cost, and both refusals are shown."""
    funding = Funding(subsidy=D("-0.01"), own_financial=D("1.01"))
    summary = rules.cost_table_check([line(1, "Honorarium", "1", "1")], funding, CallLimits())
    assert [(problem.where, problem.message) for problem in summary.problems] == [
        ("subsidy", "Kwota w źródłach finansowania nie może być ujemna."),
        ("subsidy", "Podaj wnioskowaną kwotę dotacji (więcej niż 0 zł)."),
    ]


@pytest.mark.parametrize(("subsidy", "ok"), [("0", False), ("0.01", True), ("1.00", True)])
def test_the_subsidy_asked_for_must_be_more_than_zero(subsidy, ok):
    lines = [line(1, "Znaczki pocztowe", subsidy, "1")]
    refused = problems(lines, Funding(subsidy=D(subsidy)), CallLimits(mode="entrust"))
    assert ("subsidy" not in refused) is ok
    if not ok:
        assert refused == {"subsidy": "Podaj wnioskowaną kwotę dotacji (więcej niż 0 zł)."}


def test_an_empty_cost_table_asks_for_a_line_and_does_not_compare_the_sources():
    refused = problems([], Funding(subsidy=D("1000")))
    assert refused == {"costs": "Dodaj co najmniej jedną pozycję do zestawienia kosztów."}


def test_sources_that_do_not_add_up_are_refused_in_polish_with_the_difference():
    refused = problems(COSTS, Funding(subsidy=D("5600")), CallLimits(mode="entrust"))
    assert refused == {
        "funding": (
            f"Źródła finansowania sumują się do 5{NBSP}600,00{NBSP}zł, a koszty do 5{NBSP}500,00{NBSP}zł "
            f"(różnica 100,00{NBSP}zł). Kwoty muszą być równe."
        )
    }


# Limits of the call --------------------------------------------------------------------------------------------------


def test_a_subsidy_above_the_limit_of_the_call_is_refused_in_polish():
    refused = problems(COSTS, Funding(subsidy=D("5500")), CallLimits(mode="entrust", max_subsidy=D("5000")))
    assert refused == {
        "subsidy": (
            f"Wnioskowana dotacja (5{NBSP}500,00{NBSP}zł) przekracza limit określony w ogłoszeniu: "
            f"5{NBSP}000,00{NBSP}zł."
        )
    }


def test_an_own_contribution_below_the_minimum_says_the_share_the_minimum_and_the_amount():
    """549,99 zł of 5 500 zł is 10,00 % when rounded, but below 10 %: the message asks for at least 550 zł."""
    funding = Funding(subsidy=D("4950.01"), own_financial=D("549.99"))
    refused = problems(COSTS, funding, CallLimits(min_own_percent=D("10")))
    assert refused == {
        "own_financial": (
            f"Wkład własny stanowi 10,00% kosztów; ogłoszenie wymaga co najmniej 10% (co najmniej 550,00{NBSP}zł)."
        )
    }


def test_an_own_contribution_of_a_fractional_minimum_is_written_with_a_comma():
    funding = Funding(subsidy=D("5000"), own_financial=D("500"))
    refused = problems(COSTS, funding, CallLimits(min_own_percent=D("12.5")))
    assert refused["own_financial"] == (
        f"Wkład własny stanowi 9,09% kosztów; ogłoszenie wymaga co najmniej 12,5% (co najmniej 687,50{NBSP}zł)."
    )


def test_the_own_contribution_is_required_of_a_one_zloty_offer_too():
    refused = problems([line(1, "Znaczek", "1", "1")], Funding(subsidy=D("1")), CallLimits(min_own_percent=D("10")))
    assert set(refused) == {"own_financial"}


@pytest.mark.parametrize(("admin_limit", "ok"), [("9.99", False), ("10", True), ("10.01", True)])
def test_administrative_costs_exactly_at_the_limit_of_the_call_are_allowed(admin_limit, ok):
    """550 zł of administration in 5 500 zł of costs is exactly 10 %."""
    lines = [line(1, "Scena", "4950", "1"), line(2, "Koordynacja", "550", "1", category="admin")]
    refused = problems(lines, Funding(subsidy=D("5500")), CallLimits(mode="entrust", max_admin_percent=D(admin_limit)))
    assert ("costs" not in refused) is ok
    if not ok:
        assert refused["costs"] == (
            "Koszty administracyjne stanowią 10,00% kosztów; ogłoszenie dopuszcza najwyżej 9,99%."
        )


def test_administrative_costs_are_limited_for_a_one_zloty_offer_too():
    lines = [line(1, "Koordynacja", "1", "1", category="admin")]
    refused = problems(lines, Funding(subsidy=D("1")), CallLimits(mode="entrust", max_admin_percent=D("10")))
    assert set(refused) == {"costs"}


def test_the_own_contribution_share_is_zero_for_an_empty_table_of_sources():
    assert rules.own_contribution_share(Funding(subsidy=D("0"))) == D("0.00")
    assert rules.percent(D("1"), D("3")) == D("33.33")
    assert rules.percent(D("2"), D("3")) == D("66.67")
