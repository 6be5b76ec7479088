"""The public register (BIP): the index, an institution's book, documents, open data, printouts, extract requests.

Rozporządzenie MKiDN z 26.01.2012 (Dz.U. 2012 poz. 189), § 10 ust. 1: the register and how its data is made
available are published in the organiser's BIP, free of charge and without signing in. Thin views over
`institutions.selectors`; every list is filtered and paginated in the database.
"""

import json

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from core.case_fees import stamp_duty_account
from core.exports import csv_cell, csv_response
from core.private_documents import document_attach_upload
from core.public_cases import PublicCaseCreateView
from core.public_forms import rate_limit_exceeded
from core.uploads import sanitise_original_name
from core.uploads.stash import KeptUploadsMixin
from institutions import documents, selectors
from institutions.deadlines import extract_fee_per_page
from institutions.filters import InstitutionFilter
from institutions.forms import ExtractRequestForm
from institutions.models import CulturalInstitution, ExtractRequest

INSTITUTIONS_PER_PAGE = 20
MAX_FILTER_VALUE_LENGTH = 200
OPEN_DATA_LIMIT = 5000
OPEN_DATA_FIELDS = [
    "numer_wpisu",
    "daty_wpisow",
    "pelna_nazwa",
    "skrocona_nazwa",
    "siedziba",
    "adres",
    "organizator",
    "wspolorganizator",
    "akt_o_utworzeniu",
    "akt_o_nadaniu_statutu",
    "wykreslona",
    "adres_strony",
]
EXTRACT_KINDS = {"pelny": ExtractRequest.Kind.FULL, "skrocony": ExtractRequest.Kind.ABRIDGED}
CACHE_SECONDS = 300


def serve_private_file(field_file, *, public: bool, filename: str = "") -> FileResponse:
    """Send a file from private storage as a download that no browser renders inline (CSP sandbox, nosniff)."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.storage.open(field_file.name, "rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    name = sanitise_original_name(filename) or field_file.name.rsplit("/", 1)[-1]
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}" if public else "private, no-store"
    return response


def filter_params(query: QueryDict) -> QueryDict:
    """The register's filters from a query string: known names only, one bounded value each, none empty."""
    params = QueryDict(mutable=True)
    for name in InstitutionFilter.base_filters:
        value = query.get(name, "")[:MAX_FILTER_VALUE_LENGTH]
        if value:
            params[name] = value
    return params


class InstitutionListView(TemplateView):
    """ "Rejestr instytucji kultury": the register's nine columns for every institution, 20 a page (§ 3 ust. 1)."""

    template_name = "institutions/institution_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = filter_params(self.request.GET)
        filterset = InstitutionFilter(params or None, queryset=selectors.institutions_public())
        applied = filterset.is_valid()
        institutions = filterset.qs if applied else selectors.institutions_public()
        page = Paginator(institutions, INSTITUTIONS_PER_PAGE).get_page(self.request.GET.get("page"))
        rows = [(institution, selectors.entry_dates(institution)) for institution in page.object_list]
        context.update(
            filter=filterset,
            page_obj=page,
            rows=rows,
            query=params.urlencode() if applied else "",
            filters_active=applied and bool(params),
            fee_per_page=extract_fee_per_page(),
        )
        return context


class InstitutionDetailView(TemplateView):
    """An institution: its current data (the register's columns) and every dated entry of its book (§ 4)."""

    template_name = "institutions/institution_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        institution = selectors.institution_get_public_or_404(self.kwargs["entry_no"])
        sections = selectors.book_sections(institution)
        entries = [row.entry for section in sections for row in section.rows]
        last_entry = max(entries, key=lambda entry: (entry.entry_date, entry.pk), default=None)
        context.update(
            institution=institution,
            dates=selectors.entry_dates_from(entries),
            sections=sections,
            documents=selectors.public_documents(institution),
            last_entry=last_entry,
            breadcrumbs=[(gettext("Register of cultural institutions"), reverse("institutions:institution_list"))],
        )
        return context


@require_safe
def act_download(request, pk: int):
    """The text of a founding act or statute marked public (register columns 8 and 9)."""
    act = selectors.legal_act_get_public_or_404(pk)
    return serve_private_file(act.file, public=True, filename=f"akt-{act.pk}.pdf")


@require_safe
def document_download(request, pk: int):
    """A registration file (akta rejestrowe) marked public; every other document is 404 here."""
    document = selectors.document_get_public_or_404(pk)
    return serve_private_file(document.file, public=True, filename=f"dokument-{document.pk}.pdf")


def _open_data_headers(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _record(institution: CulturalInstitution, request) -> dict:
    return {
        "numer_wpisu": institution.entry_no,
        "daty_wpisow": [day.isoformat() for day in selectors.entry_dates(institution)],
        "pelna_nazwa": institution.full_name,
        "skrocona_nazwa": institution.short_name,
        "siedziba": institution.seat,
        "adres": institution.address,
        "organizator": institution.organiser,
        "wspolorganizator": institution.co_organiser,
        "akt_o_utworzeniu": str(institution.founding_act) if institution.founding_act else "",
        "akt_o_nadaniu_statutu": str(institution.statute_act) if institution.statute_act else "",
        "wykreslona": institution.struck_out_on.isoformat() if institution.struck_out_on else None,
        "adres_strony": request.build_absolute_uri(institution.get_absolute_url()),
    }


@require_safe
def register_json(request):
    """The register as JSON (open data, § 10 ust. 1): the nine columns of every institution."""
    records = [_record(i, request) for i in selectors.institutions_public()[:OPEN_DATA_LIMIT]]
    payload = {"rejestr": "Rejestr instytucji kultury, dla których organizatorem jest Miasto Ruda Śląska"}
    payload["instytucje"] = records
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
    return _open_data_headers(response, "rejestr-instytucji-kultury.json")


@require_safe
def register_csv(request):
    """The register as CSV: RFC 4180, UTF-8 with a BOM (Excel reads Polish letters right), dates ISO 8601."""
    rows = (
        [_record(institution, request)[name] for name in OPEN_DATA_FIELDS]
        for institution in selectors.institutions_public()[:OPEN_DATA_LIMIT]
    )
    response = csv_response("rejestr-instytucji-kultury.csv", OPEN_DATA_FIELDS, rows, cell=_csv_cell)
    return _open_data_headers(response, "rejestr-instytucji-kultury.csv")


def _csv_cell(value) -> str:
    # The register's dates of entries are one cell, separated by spaces.
    return csv_cell(value, list_separator=" ")


@require_safe
def book_json(request, entry_no: int):
    """An institution's whole register book as JSON: every entry of sections I–IV, struck ones marked."""
    institution = selectors.institution_get_public_or_404(entry_no)
    sections = selectors.book_sections(institution)
    payload = {
        "numer_wpisu": institution.entry_no,
        "pelna_nazwa": institution.full_name,
        "dzialy": [
            {
                "dzial": section.code,
                "tytul": section.title,
                "wpisy": [
                    {
                        "numer": row.entry.position,
                        "data": row.entry.entry_date.isoformat(),
                        "rodzaj": row.entry.kind,
                        "rubryki": {
                            column.key: row.entry.values[column.key]
                            for column in section.columns
                            if column.key in row.entry.values
                        },
                        "podstawa_prawna": str(row.entry.legal_basis),
                        "uwagi": row.entry.remarks,
                        "wykreslony_wpisem": row.struck_by.position if row.struck_by else None,
                        "wykresla_wpis": row.entry.struck_entry.position if row.entry.struck_entry_id else None,
                        "pelnomocnik_organizatora": row.entry.entered_by_name,
                    }
                    for row in section.rows
                ],
            }
            for section in sections
        ],
    }
    response = HttpResponse(json.dumps(payload, ensure_ascii=False, indent=1), content_type="application/json")
    return _open_data_headers(response, f"ksiega-rejestrowa-{institution.entry_no}.json")


@require_safe
def extract_printout(request, entry_no: int, kind: str):
    """An informative printout of the full or abridged extract as PDF (§ 2: the register allows printouts).

    Not a certified copy: that is issued on request (`ExtractRequestCreateView`). Rendering is costly, so the
    same per-client limit as public forms applies.
    """
    if kind not in EXTRACT_KINDS:
        raise Http404
    institution = selectors.institution_get_public_or_404(entry_no)
    if rate_limit_exceeded(request, "register_printout"):
        return render(request, "429.html", status=429)
    pdf = documents.extract_pdf(institution=institution, kind=EXTRACT_KINDS[kind])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="rejestr-{institution.entry_no}-odpis-{kind}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ExtractRequestCreateView(KeptUploadsMixin, PublicCaseCreateView):
    """ "Wniosek o odpis": a case with a mark, a tracking link and the 14-day deadline in the Terminarz (§ 11–13)."""

    form_class = ExtractRequestForm
    template_name = "institutions/extractrequest_form.html"
    form_key = "institutions.extract_request"
    rate_scope = "extract_request"

    def get(self, request):
        form = self.form_class()
        raw = request.GET.get("instytucja", "")
        if raw.isdigit() and len(raw) < 10:
            institution = CulturalInstitution.objects.registered().filter(entry_no=int(raw)).first()
            if institution is not None:
                form.initial["institution"] = institution.pk
        return self.render_form(form)

    def build_case(self, form):
        self.fee_proof = form.cleaned_data.get("fee_proof")
        return form.save(commit=False)

    def case_title(self, case):
        return gettext("Extract from the register: %(name)s") % {"name": case.institution.full_name[:200]}

    def on_open(self, case):
        if self.fee_proof:
            document_attach_upload(
                case=case, upload=self.fee_proof, description=gettext("Proof of payment of the stamp duty")
            )

    def form_context(self, form):
        return {
            **super().form_context(form),
            "fee_per_page": extract_fee_per_page(),
            "fee_account": stamp_duty_account(),
            "breadcrumbs": [(gettext("Register of cultural institutions"), reverse("institutions:institution_list"))],
        }
