"""The inventory book (księga inwentarzowa) and the register of write-offs (rejestr ubytków) as A4 PDFs.

Rendered with WeasyPrint through core.documents (nothing fetched from the network), always in Polish. The columns
follow the usual form of those books [K: modelled on rozporządzenie MKiDN z 29.10.2008 w sprawie sposobu ewidencji
materiałów bibliotecznych, § 4 (inventory book) and § 24 (register of write-offs); see INVENTORY_BOOK_COLUMNS].
"""

from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.documents import html_to_pdf, polish_long_date
from library.models import LibraryItem, WriteOffProtocol


def inventory_book_columns() -> list[str]:
    """[K] The inventory book's columns: number, date of entry, author and title, publisher and year, how acquired
    and its document, price, shelfmark, remarks (a write-off's protocol)."""
    return [
        _("Inventory no."),
        _("Date of entry"),
        _("Author and title"),
        _("Publisher, year"),
        _("Acquisition and document"),
        _("Price"),
        _("Shelfmark"),
        _("Remarks"),
    ]


def write_off_register_columns() -> list[str]:
    """[K] The register of write-offs: protocol, date, reason, items (count and inventory numbers), their value."""
    return [_("Protocol"), _("Date"), _("Reason"), _("Items"), _("Inventory numbers"), _("Value")]


def inventory_book_html(items: QuerySet[LibraryItem]) -> str:
    with translation.override("pl"):
        return render_to_string(
            "library/inventory_book_pdf.html",
            {
                "columns": inventory_book_columns(),
                "items": items.select_related("write_off").order_by("inventory_number"),
                "generated_on": polish_long_date(timezone.localdate()),
            },
        )


def inventory_book_pdf(items: QuerySet[LibraryItem]) -> bytes:
    """The inventory book of `items` (every item, written-off ones with their protocol) as an A4 PDF."""
    return html_to_pdf(inventory_book_html(items))


def write_off_register_html(protocols: QuerySet[WriteOffProtocol]) -> str:
    protocols = list(
        protocols.annotate(item_count=Count("items"), total=Sum("items__price"))
        .prefetch_related("items")
        .order_by("drawn_up_on", "pk")
    )
    with translation.override("pl"):
        return render_to_string(
            "library/write_off_register_pdf.html",
            {
                "columns": write_off_register_columns(),
                "protocols": [
                    {
                        "protocol": protocol,
                        "numbers": ", ".join(str(item.inventory_number) for item in protocol.items.all()),
                        "total": protocol.total or Decimal("0.00"),
                    }
                    for protocol in protocols
                ],
                "generated_on": polish_long_date(timezone.localdate()),
            },
        )


def write_off_register_pdf(protocols: QuerySet[WriteOffProtocol]) -> bytes:
    """The register of write-offs (one line per protocol) as an A4 PDF."""
    return html_to_pdf(write_off_register_html(protocols))
