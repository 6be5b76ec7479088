"""Reading a spreadsheet a clerk saved as CSV, line by line (media contacts, the library's catalogue).

The file is comma- or semicolon-separated (Polish Excel writes semicolons), UTF-8 (with or without a BOM) or
Windows-1250, with a header row naming its columns. `spreadsheet_rows` refuses a file that is unusable as a whole
with a Polish ValidationError (too large, empty, a required column missing, too many lines) and otherwise yields
each line on its own: its number as the spreadsheet shows it and either its values by column name or why it cannot
be read. What a line means, and whether it is stored, is the importing app's: good lines are kept, bad ones are
reported with their number and reason (`ImportReport`).
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass
class ImportReport:
    """What an import did: how many records it created and updated, and each refused line with its reason."""

    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class SpreadsheetRow:
    """One line of the file: `values` by lower-case column name (stripped), or the `error` that keeps it out."""

    line: int
    values: dict[str, str] | None = None
    error: str | None = None


def decode_spreadsheet(content: bytes) -> str:
    """The text of a CSV file: UTF-8 (a BOM dropped) or, failing that, Windows-1250 as older Polish Excel saves."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1250", errors="replace")


def spreadsheet_rows(
    content: bytes, *, required_columns: tuple[str, ...], max_bytes: int, max_rows: int
) -> Iterator[SpreadsheetRow]:
    """Check the file as a whole, then return an iterator of its non-empty lines after the header.

    Raises ValidationError at once for a file over `max_bytes`, an empty one or one whose header lacks a required
    column; the iterator raises it when a line past `max_rows` is reached.
    """
    if len(content) > max_bytes:
        raise ValidationError(
            _("The file is larger than %(size)d MB. Split it into smaller files.") % {"size": max_bytes // 2**20},
            code="too_large",
        )
    text = decode_spreadsheet(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error):
        raise ValidationError(_("The file is empty."), code="empty") from None
    missing = [name for name in required_columns if name not in header]
    if missing:
        raise ValidationError(
            _("The first line must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)},
            code="header",
        )
    return _rows(reader, header, max_rows)


def _rows(reader, header: list[str], max_rows: int) -> Iterator[SpreadsheetRow]:
    line = 1
    while True:
        line += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield SpreadsheetRow(line, error=_("the line cannot be read (check the quotation marks)"))
            continue
        if line - 1 > max_rows:
            raise ValidationError(
                _("The file has more than %(max)d lines. Split it into smaller files.") % {"max": max_rows},
                code="too_many_rows",
            )
        if not any(value.strip() for value in values):
            continue
        if len(values) > len(header):
            yield SpreadsheetRow(line, error=_("the line has more columns than the header"))
            continue
        yield SpreadsheetRow(
            line, {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(header)}
        )
