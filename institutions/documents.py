"""The extract (odpis) from the register of cultural institutions as a letter and an A4 PDF.

Rendered with WeasyPrint through core.documents: nothing is fetched from the network. Rozporządzenie MKiDN
z 26.01.2012, § 11–§ 12: a full extract shows the whole book, an abridged one the register's current columns.
"""

import re
import zlib
from datetime import date

from django.utils import timezone

from core.documents import (
    ON_BEHALF_OF_AUTHORITY,
    department_signatory,
    place_and_date,
    render_letter_html,
    render_letter_pdf,
)
from institutions.models import CulturalInstitution, ExtractRequest
from institutions.selectors import book_sections, register_row

EXTRACT_TEMPLATE = "institutions/extract_pdf.html"
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_PDF_PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", re.S)


def extract_context(
    *,
    institution: CulturalInstitution,
    kind: str,
    case_mark: str = "",
    addressee_lines: list[str] | None = None,
    signed_by=None,
    on: date | None = None,
) -> dict:
    """The letter context of an extract: the whole book (full) or the register's current columns (abridged).

    Rozporządzenie MKiDN z 26.01.2012, § 11–§ 12 [V-sec]: odpis pełny = the content of all entries made in the
    book (struck ones included, marked); odpis skrócony = the content of the current entries of the register.
    Without a case mark the document is an uncertified printout (§ 2: the register allows printouts).
    """
    on = on or timezone.localdate()
    certified = bool(case_mark)
    full = kind == ExtractRequest.Kind.FULL
    return {
        "case_mark": case_mark or f"RIK {institution.entry_no}",
        "certified": certified,
        "place_and_date": place_and_date(on),
        "addressee_lines": addressee_lines or ["Wydruk informacyjny z rejestru"],
        "subject": ("Odpis pełny" if full else "Odpis skrócony")
        + f" z rejestru instytucji kultury — {institution.full_name} (nr wpisu {institution.entry_no})",
        "body_html": "—",
        # Certified by the clerk who issues it; an uncertified printout is not signed (the template leaves it out).
        **(
            department_signatory(signed_by)
            if signed_by is not None
            else {"signatory_name": "—", "signatory_title": ON_BEHALF_OF_AUTHORITY}
        ),
        "legal_basis": "§ 11–13 rozporządzenia Ministra Kultury i Dziedzictwa Narodowego z dnia 26 stycznia 2012 r. "
        "w sprawie sposobu prowadzenia i udostępniania rejestru instytucji kultury (Dz.U. 2012 poz. 189)",
        "institution": institution,
        "full": full,
        "sections": book_sections(institution) if full else [],
        "register_row": register_row_for_extract(institution),
    }


def register_row_for_extract(institution: CulturalInstitution) -> list[tuple[str, str]]:
    """The register's nine columns with their current values, in the regulation's words (§ 3 ust. 1)."""
    return register_row(institution)


def extract_html(**kwargs) -> str:
    """The HTML the extract PDF is rendered from (tests compare it with the book)."""
    return render_letter_html(template_name=EXTRACT_TEMPLATE, context=extract_context(**kwargs))


def extract_pdf(**kwargs) -> bytes:
    """Render the extract (see `extract_context`) to an A4 PDF with core.documents (WeasyPrint, no network)."""
    return render_letter_pdf(template_name=EXTRACT_TEMPLATE, context=extract_context(**kwargs))


def pdf_page_count(pdf: bytes) -> int:
    """Pages of a PDF written by WeasyPrint: the /Count of its page tree's root (the fee is per page).

    WeasyPrint may put the page tree in a compressed object stream, so compressed streams are read too.
    """
    chunks = [pdf]
    for match in _PDF_STREAM.finditer(pdf):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    counts = [int(a or b) for chunk in chunks for a, b in _PDF_PAGES_COUNT.findall(chunk)]
    return max(counts, default=0)
