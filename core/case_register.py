"""The list of cases (spis spraw) taken out of the portal: a CSV of any search, a yearly PDF per JRWA class.

Instrukcja kancelaryjna (annex 1 to Rozporządzenie Prezesa RM z 18.01.2011, Dz.U. 2011 nr 14 poz. 67): a case is
registered in the spis spraw kept for one JRWA class, one calendar year and one organisational unit; its number in
that spis is the number in the case mark (DOMAIN.md §J.1). The PDF prints one such spis per unit found in the
selection, with the columns of the usual form (SPIS_SPRAW_COLUMNS, [K]).
"""

from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import pgettext_lazy

from core.documents import html_to_pdf, polish_long_date
from core.models import CaseRegisterEntry, JrwaClass
from core.roles import person_name

#: Columns of the printed spis spraw [K]: the form most offices use with the 2011 instrukcja (lp., the case,
#: from whom it came with the letter's date, the dates it was opened and finally settled, remarks). The portal knows
#: no separate date of the applicant's letter: a case opens the day its letter arrives, so both dates are one.
SPIS_SPRAW_COLUMNS = (
    pgettext_lazy("list of cases", "No."),
    pgettext_lazy("list of cases", "Case mark"),
    pgettext_lazy("list of cases", "From whom it came"),
    pgettext_lazy("list of cases", "Date of the letter / case opened"),
    pgettext_lazy("list of cases", "Case (subject)"),
    pgettext_lazy("list of cases", "Date of final settlement"),
    pgettext_lazy("list of cases", "Remarks"),
)


def _local_date(value):
    return timezone.localdate(value) if value is not None else None


#: The columns of the list's CSV and XLSX (core.admin_mixins.ChangeListExportMixin), in Polish.
EXPORT_COLUMNS = [
    (pgettext_lazy("list of cases", "Case mark"), "case_mark"),
    (pgettext_lazy("list of cases", "From whom it came"), "applicant_name"),
    (pgettext_lazy("list of cases", "Applicant's e-mail"), "applicant_email"),
    (pgettext_lazy("list of cases", "Case (subject)"), "title"),
    (pgettext_lazy("list of cases", "Case type"), "kind__name"),
    (pgettext_lazy("list of cases", "Unit"), "unit__symbol"),
    (pgettext_lazy("list of cases", "JRWA class"), "jrwa_class__symbol"),
    (pgettext_lazy("list of cases", "Year"), "year"),
    (pgettext_lazy("list of cases", "Status"), CaseRegisterEntry.status_label),
    (pgettext_lazy("list of cases", "Handled by"), lambda entry: handler_name(entry)),
    (pgettext_lazy("list of cases", "Opened on"), lambda entry: _local_date(entry.opened_at)),
    (pgettext_lazy("list of cases", "Settled on"), lambda entry: _local_date(entry.closed_at)),
]


def handler_name(entry: CaseRegisterEntry) -> str:
    """The clerk handling the case as the list of cases names them: full name, else login; "" while nobody does."""
    handler = entry.handler
    if handler is None:
        return ""
    return person_name(handler)


def spis_spraw_pdf(*, entries: QuerySet[CaseRegisterEntry], jrwa_class: JrwaClass, year: int) -> bytes:
    """The spis spraw of `jrwa_class` for `year` as an A4 landscape PDF, one spis per unit, in Polish.

    `entries` may be narrowed further by the clerk's search and filters; only those of the class and year print,
    in the order of their numbers.
    """
    selected = (
        entries.filter(jrwa_class=jrwa_class, year=year)
        .select_related("unit", "content_type")
        .order_by("unit__symbol", "number")
    )
    units: dict[int, dict] = {}
    with translation.override("pl"):
        for entry in selected:
            unit = units.setdefault(entry.unit_id, {"unit": entry.unit, "rows": []})
            unit["rows"].append(
                {
                    "number": entry.number,
                    "case_mark": entry.case_mark,
                    "applicant_name": entry.applicant_name,
                    "opened_on": _local_date(entry.opened_at),
                    "title": entry.title,
                    "closed_on": _local_date(entry.closed_at),
                    "remarks": entry.status_label(),
                }
            )
        html = render_to_string(
            "documents/spis_spraw.html",
            {
                "columns": SPIS_SPRAW_COLUMNS,
                "jrwa_class": jrwa_class,
                "year": year,
                "units": list(units.values()),
                "generated_on": polish_long_date(timezone.localdate()),
            },
        )
    return html_to_pdf(html)
