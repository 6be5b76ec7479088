"""Reading a clerk's spreadsheet saved as CSV: the one reader behind every import (media contacts, the catalogue)."""

import pytest
from django.core.exceptions import ValidationError

from core.csv_import import spreadsheet_rows

LIMITS = {"required_columns": ("tytul",), "max_bytes": 1024 * 1024, "max_rows": 3}


def rows_of(content: bytes, **limits):
    return list(spreadsheet_rows(content, **{**LIMITS, **limits}))


def test_a_polish_excel_file_with_semicolons_in_windows_1250_is_read_with_the_spreadsheets_line_numbers():
    content = "Tytuł;Autorzy\nŁąki i pola;Żaneta Źrebiec\n;\nKrótki;\n".encode("cp1250")

    rows = rows_of(content, required_columns=("tytuł",))

    assert [(row.line, row.values) for row in rows] == [
        (2, {"tytuł": "Łąki i pola", "autorzy": "Żaneta Źrebiec"}),
        (4, {"tytuł": "Krótki", "autorzy": ""}),  # the empty line 3 is skipped
    ]


def test_a_line_with_more_columns_than_the_header_is_refused_on_its_own():
    rows = rows_of(b"tytul,rok\nA,2020\nB,2021,nadmiar\nC\n")

    assert [(row.line, row.error) for row in rows if row.error] == [(3, "wiersz ma więcej kolumn niż nagłówek")]
    assert [row.values for row in rows if row.values] == [{"tytul": "A", "rok": "2020"}, {"tytul": "C", "rok": ""}]


@pytest.mark.parametrize(
    ("content", "limits", "message"),
    [
        (b"x" * (2 * 1024 * 1024 + 1), {"max_bytes": 2 * 1024 * 1024}, "Plik jest większy niż 2 MB."),
        (b"", {}, "Plik jest pusty."),
        (b"autor\nJan\n", {}, "Pierwszy wiersz musi zawierać nazwy kolumn; brakuje: tytul."),
    ],
)
def test_an_unusable_file_is_refused_before_any_line_is_read(content, limits, message):
    with pytest.raises(ValidationError, match=message):
        spreadsheet_rows(content, **{**LIMITS, **limits})


def test_a_file_longer_than_allowed_stops_at_the_first_line_past_the_limit():
    rows = spreadsheet_rows(b"tytul\nA\nB\nC\nD\n", **LIMITS)

    assert [next(rows).values["tytul"] for _ in range(3)] == ["A", "B", "C"]
    with pytest.raises(ValidationError, match="Plik ma więcej niż 3 wierszy"):
        next(rows)
