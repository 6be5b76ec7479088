"""CSV import of an existing catalogue into the inventory book, for a librarian moving from a spreadsheet.

The file is comma- or semicolon-separated (Polish Excel writes semicolons), UTF-8 (with or without a BOM) or
Windows-1250, with a header row naming COLUMNS (only "tytul" is required). Every line is checked on its own: good
lines are entered, bad ones are reported with their line number and reason and nothing of them is stored. A line
with its old inventory number ("nr_inw") keeps it, and the counter moves past it, so later items never get a number
already in the book; a line without one gets the next number.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.csv_import import ImportReport, spreadsheet_rows
from core.public_forms import reject_control_characters
from library.models import InventoryCounter, LibraryItem
from library.services import item_add
from library.validators import normalise_isbn, normalise_issn

COLUMNS = (
    "nr_inw",
    "tytul",
    "autorzy",
    "wydawca",
    "rok",
    "isbn",
    "issn",
    "rodzaj",
    "hasla",
    "sygnatura",
    "data_nabycia",
    "zrodlo",
    "cena",
    "dokument",
)
REQUIRED_COLUMNS = ("tytul",)
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20000
KINDS = {
    "": LibraryItem.Kind.BOOK,
    "ksiazka": LibraryItem.Kind.BOOK,
    "książka": LibraryItem.Kind.BOOK,
    "czasopismo": LibraryItem.Kind.PERIODICAL_ISSUE,
    "numer czasopisma": LibraryItem.Kind.PERIODICAL_ISSUE,
    "luzne": LibraryItem.Kind.LOOSE_LEAF,
    "luźne": LibraryItem.Kind.LOOSE_LEAF,
    "wydawnictwo luźnokartkowe": LibraryItem.Kind.LOOSE_LEAF,
    "e-zasob": LibraryItem.Kind.E_RESOURCE,
    "e-zasób": LibraryItem.Kind.E_RESOURCE,
    **{kind.value: kind for kind in LibraryItem.Kind},
}
SOURCES = {
    "": LibraryItem.Source.PURCHASE,
    "zakup": LibraryItem.Source.PURCHASE,
    "dar": LibraryItem.Source.GIFT,
    "prenumerata": LibraryItem.Source.SUBSCRIPTION,
    **{source.value: source for source in LibraryItem.Source},
}
_LIMITS = {"tytul": 500, "autorzy": 500, "wydawca": 200, "hasla": 500, "sygnatura": 60, "dokument": 200}
#: The oldest year of publication accepted (early printed books are not an office library's stock).
MIN_YEAR = 1800


def _parse_date(text: str) -> date:
    """2026-03-31 or 31.03.2026; ValueError otherwise."""
    if "." in text:
        day, month, year = text.split(".")
        return date(int(year), int(month), int(day))
    return date.fromisoformat(text)


def _row_fields(row: dict, taken: set[int]) -> tuple[dict | None, int | None, str | None]:
    """The item's fields and its old inventory number from one line, or the reason the line is refused."""
    for name, limit in _LIMITS.items():
        if len(row.get(name, "")) > limit:
            return (
                None,
                None,
                _("the column “%(column)s” is longer than %(limit)d characters")
                % {
                    "column": name,
                    "limit": limit,
                },
            )
    for value in row.values():
        try:
            reject_control_characters(value)
        except ValidationError:
            return None, None, _("the line contains control characters")
    if not row.get("tytul"):
        return None, None, _("the title is missing")
    number = None
    if row.get("nr_inw"):
        if not row["nr_inw"].isdigit() or int(row["nr_inw"]) == 0:
            return (
                None,
                None,
                _("the inventory number “%(value)s” is not a positive whole number") % {"value": row["nr_inw"][:20]},
            )
        number = int(row["nr_inw"])
        if number in taken:
            return None, None, _("inventory number %(number)d is already in the inventory book") % {"number": number}
    kind = KINDS.get(row.get("rodzaj", "").lower())
    if kind is None:
        return (
            None,
            None,
            _("unknown kind “%(value)s” (use książka, czasopismo, luźne or e-zasób)") % {"value": row["rodzaj"][:30]},
        )
    source = SOURCES.get(row.get("zrodlo", "").lower())
    if source is None:
        return (
            None,
            None,
            _("unknown acquisition “%(value)s” (use zakup, dar or prenumerata)") % {"value": row["zrodlo"][:30]},
        )
    year = None
    if row.get("rok"):
        if not row["rok"].isdigit() or not MIN_YEAR <= int(row["rok"]) <= timezone.localdate().year + 1:
            return None, None, _("the year “%(value)s” is not a year of publication") % {"value": row["rok"][:10]}
        year = int(row["rok"])
    try:
        isbn = normalise_isbn(row.get("isbn", ""))
        issn = normalise_issn(row.get("issn", ""))
    except ValidationError as error:
        return None, None, error.messages[0]
    acquired_on = timezone.localdate()
    if row.get("data_nabycia"):
        try:
            acquired_on = _parse_date(row["data_nabycia"])
        except ValueError:
            return (
                None,
                None,
                _("the date “%(value)s” is not a date (use 2026-03-31 or 31.03.2026)")
                % {"value": row["data_nabycia"][:20]},
            )
    price = None
    if row.get("cena"):
        try:
            price = Decimal(row["cena"].replace(" ", "").replace("\xa0", "").replace(",", "."))
        except InvalidOperation:
            price = None
        if price is None or not price.is_finite() or price < 0 or price >= Decimal("1e10"):
            return None, None, _("the price “%(value)s” is not an amount in złoty") % {"value": row["cena"][:20]}
        price = price.quantize(Decimal("0.01"))
    fields = {
        "title": row["tytul"],
        "authors": row.get("autorzy", ""),
        "publisher": row.get("wydawca", ""),
        "year": year,
        "isbn": isbn,
        "issn": issn,
        "kind": kind,
        "subjects": row.get("hasla", ""),
        "shelfmark": row.get("sygnatura", ""),
        "acquired_on": acquired_on,
        "source": source,
        "price": price,
        "acquisition_document": row.get("dokument", ""),
    }
    return fields, number, None


def catalogue_import(*, content: bytes, acting_user) -> ImportReport:
    """Enter the items of a CSV file in the inventory book; return how many were entered and the refused lines.

    Raises ValidationError (Polish) when the whole file is unusable: too large, empty, no "tytul" column, or too
    many lines.
    """
    rows = spreadsheet_rows(content, required_columns=REQUIRED_COLUMNS, max_bytes=MAX_BYTES, max_rows=MAX_ROWS)
    report = ImportReport()
    taken = set(LibraryItem.objects.values_list("inventory_number", flat=True))
    for spreadsheet_row in rows:
        line, row = spreadsheet_row.line, spreadsheet_row.values
        if row is None:
            report.errors.append((line, spreadsheet_row.error))
            continue
        fields, number, error = _row_fields(row, taken)
        if error:
            report.errors.append((line, error))
            continue
        try:
            item = _enter(fields, number, acting_user)
        except ValidationError as refused:
            report.errors.append((line, "; ".join(refused.messages)))
            continue
        taken.add(item.inventory_number)
        report.created += 1
    return report


def _enter(fields: dict, number: int | None, acting_user) -> LibraryItem:
    if number is None:
        return item_add(acting_user=acting_user, **fields)
    with transaction.atomic():
        counter, _created = InventoryCounter.objects.get_or_create(pk=1)
        counter = InventoryCounter.objects.select_for_update().get(pk=counter.pk)
        if LibraryItem.objects.filter(inventory_number=number).exists():
            raise ValidationError(
                _("inventory number %(number)d is already in the inventory book") % {"number": number}
            )
        item = LibraryItem(inventory_number=number, **fields)
        item.full_clean()
        item._history_user = acting_user
        item.save()
        if number > counter.last_number:
            counter.last_number = number
            counter.save(update_fields=["last_number"])
    return item
