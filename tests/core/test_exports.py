"""One CSV dialect and one XLSX writer for every export: typed-in text never runs as a formula."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.exports import csv_cell, csv_response, csv_text, xlsx_response

FORMULA = '=HYPERLINK("https://zlo.example/";"Kliknij")'


@pytest.mark.parametrize("typed", [FORMULA, "+48 600 100 200", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_text_that_would_start_a_formula_gets_an_apostrophe_in_csv(typed):
    assert csv_cell(typed) == "'" + typed


def test_values_that_are_not_text_keep_their_form():
    assert [csv_cell(v) for v in (None, True, False, Decimal("-12.50"), -3, date(2026, 12, 6))] == [
        "",
        "true",
        "false",
        "-12.50",
        "-3",
        "2026-12-06",
    ]
    assert csv_cell(["Halemba", "Wirek"]) == "Halemba, Wirek"


def test_the_csv_file_is_rfc_4180_in_utf8_with_a_byte_order_mark():
    text = csv_text(["nazwa", "kwota"], [['Teatr "Ruda"', Decimal("10.00")], ["Łaźnia, Wirek", None]])
    assert text == '\ufeffnazwa,kwota\r\n"Teatr ""Ruda""",10.00\r\n"Łaźnia, Wirek",\r\n'


def test_a_csv_download_names_its_file():
    response = csv_response("wyniki.csv", ["a"], [["b"]])
    assert response["Content-Disposition"] == 'attachment; filename="wyniki.csv"'
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")


def test_xlsx_keeps_typed_text_exactly_and_as_text_and_numbers_as_numbers():
    response = xlsx_response("wyniki.xlsx", "Wyniki", ["oferent", "kwota"], [[FORMULA, Decimal("4000.00")]])
    sheet = load_workbook(io.BytesIO(response.content)).active
    name, amount = next(sheet.iter_rows(min_row=2, max_row=2))
    assert (name.value, name.data_type) == (FORMULA, "s")
    assert (amount.value, amount.data_type) == (4000, "n")
