"""Spreadsheet exports: one CSV dialect for open data and clerks' lists, XLSX with typed-in text kept as text.

CSV is RFC 4180 (comma, double quotes, CRLF) in UTF-8 with a byte order mark: the mark makes Excel read Polish
letters right (without it Excel assumes Windows-1250), and the comma of RFC 4180 rather than Polish Excel's
semicolon lets every CSV reader and dane.gov.pl take the file as it is (in Excel: "Dane → Z tekstu/CSV").
Numbers keep the dot, times are ISO 8601, yes/no are true/false, an unknown value is an empty cell.

A text someone typed (an offeror's name, a journalist's outlet) must never run as a formula when a clerk or a
resident opens the file (CSV injection, OWASP): in CSV it gets a leading apostrophe when it starts like one;
in XLSX the cell is typed as text, so the value stays exactly as typed.

A clerks' list taken out of the admin (`core.admin_mixins.ChangeListExportMixin`) is read by people, not
machines: its cells are written the Polish way (`clerk_csv_cell`, `clerk_xlsx_cell`): dates as 07.12.2026, times
in the city's time zone, yes/no as "tak"/"nie", an amount of money (`Money`) by `core.money` in CSV and as a
number in the złoty format in XLSX.
"""

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from core.money import format_pln

#: First characters a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def formula_safe(text: str) -> str:
    """`text` as a CSV cell a spreadsheet shows as text: a leading apostrophe when it would start a formula."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


def csv_cell(value, *, list_separator: str = ", ") -> str:
    """One value as a CSV cell of the house dialect; only texts can start a formula, numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        value = list_separator.join(str(item) for item in value)
    return formula_safe(str(value))


def csv_text(header: Iterable[str], rows: Iterable[Iterable], *, cell=csv_cell) -> str:
    """The whole CSV file as text (BOM, header row, one row per item); `cell` turns each value into a cell."""
    buffer = io.StringIO()
    write_csv(buffer, header, rows, cell=cell)
    return buffer.getvalue()


def write_csv(stream, header: Iterable[str], rows: Iterable[Iterable], *, cell=csv_cell) -> None:
    """Write the CSV file to `stream` (a text buffer or an HttpResponse)."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(list(header))
    for row in rows:
        writer.writerow([cell(value) for value in row])


def csv_response(filename: str, header: Iterable[str], rows: Iterable[Iterable], *, cell=csv_cell) -> HttpResponse:
    """A CSV download named `filename`; callers add caching and CORS as their data needs."""
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    write_csv(response, header, rows, cell=cell)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(
    filename: str, title: str, header: Iterable[str], rows: Iterable[Iterable], *, cell=None
) -> HttpResponse:
    """An XLSX download: numbers stay numbers, every text cell is typed as text (never a formula).

    `cell(sheet, value)` turns each value into a cell (`clerk_xlsx_cell` for a clerks' list).
    """
    cell = cell or _xlsx_cell
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(list(header))
    for row in rows:
        sheet.append([cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_cell(sheet, value):
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would take "=…" for a formula; a string cell shows it as typed
    return cell


class Money(Decimal):
    """An amount of money in złoty in a clerks' list: `core.money` writes it in CSV, XLSX keeps it a number."""


#: Dates and times as a Polish clerk reads them, in CSV text and as XLSX number formats.
POLISH_DATE = "%d.%m.%Y"
POLISH_DATETIME = "%d.%m.%Y %H:%M"
XLSX_DATE_FORMAT = "DD.MM.YYYY"
XLSX_DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
XLSX_MONEY_FORMAT = '#,##0.00 "zł"'


def _yes_no(value: bool) -> str:
    return gettext("yes") if value else gettext("no")


def clerk_csv_cell(value, *, list_separator: str = ", ") -> str:
    """One value of a clerks' list as a CSV cell written the Polish way; typed-in text never starts a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, Money):
        return format_pln(value)
    if isinstance(value, Decimal | float):
        return number_format(value, use_l10n=True)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime(POLISH_DATETIME)
            if timezone.is_aware(value)
            else value.strftime(POLISH_DATETIME)
        )
    if isinstance(value, date):
        return value.strftime(POLISH_DATE)
    if isinstance(value, (list, tuple)):
        value = list_separator.join(str(item) for item in value)
    return formula_safe(str(value))


def clerk_xlsx_cell(sheet, value):
    """One value of a clerks' list as an XLSX cell: dates and amounts as numbers in Polish formats, text as text."""
    if isinstance(value, bool):
        value = _yes_no(value)
    if value is None or isinstance(value, str):
        return _xlsx_cell(sheet, value)
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        cell = WriteOnlyCell(sheet, value=local.replace(tzinfo=None))
        cell.number_format = XLSX_DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = XLSX_DATE_FORMAT
        return cell
    if isinstance(value, Money):
        cell = WriteOnlyCell(sheet, value=Decimal(value))
        cell.number_format = XLSX_MONEY_FORMAT
        return cell
    if isinstance(value, (list, tuple)):
        return _xlsx_cell(sheet, ", ".join(str(item) for item in value))
    return value
