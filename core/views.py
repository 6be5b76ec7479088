from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import DetailView, TemplateView

from core import open_data as open_data_registry
from core import page_cache, public_information, site_registry
from core.forms import FeedbackForm
from core.models import DeadlineFeed, DepartmentDuty, StaticPage
from core.notifications import deadline_feed_ical
from core.public_cases import PublicCaseCreateView
from core.search import normalise_query

SEARCH_RESULTS_PER_SECTION = 10
_NOT_CACHED = object()


class HomeView(TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A section whose get_context returns None has nothing to show today and is left out.
        context["sections"] = [
            {"section": section, "context": section_context}
            for section in site_registry.home_sections()
            if (section_context := self.section_context(section)) is not None
        ]
        return context

    def section_context(self, section: site_registry.HomeSection) -> dict | None:
        if not section.cache_seconds:
            return section.get_context(self.request)
        # With the page cache's generation: a home page rendered afresh after a publication shows it.
        key = f"home:section:{section.key}:{get_language()}:{page_cache.generation()}"
        cached = cache.get(key, _NOT_CACHED)
        if cached is _NOT_CACHED:
            cached = section.get_context(self.request)
            cache.set(key, cached, section.cache_seconds)
        return cached


class DepartmentView(TemplateView):
    template_name = "core/department.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["duties"] = DepartmentDuty.objects.all()
        return context


class StaticPageDetailView(DetailView):
    template_name = "core/staticpage_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return StaticPage.objects.published()


def search(request):
    """Search every registered part of the site; each part shows its best results, at most ten.

    One bounded query per part: the first ten results and one more, to say "more than ten" instead of
    counting every match (a count over a large table costs more than the results; docs/performance.md).
    """
    query = normalise_query(request.GET.get("q", ""))
    sections = []
    if query:
        for provider in site_registry.search_providers():
            results = list(provider.search(query)[: SEARCH_RESULTS_PER_SECTION + 1])
            if results:
                sections.append(
                    {
                        "provider": provider,
                        "results": results[:SEARCH_RESULTS_PER_SECTION],
                        "more": len(results) > SEARCH_RESULTS_PER_SECTION,
                    }
                )
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "sections": sections,
            "total": sum(len(section["results"]) for section in sections),
            "more": any(section["more"] for section in sections),
            "per_section": SEARCH_RESULTS_PER_SECTION,
        },
    )


class FeedbackCreateView(PublicCaseCreateView):
    """ "Prześlij opinię": linked from every page with the page's path in `?strona=`."""

    form_class = FeedbackForm
    template_name = "core/feedback_form.html"
    form_key = "core.feedback"
    rate_scope = "feedback"

    def case_title(self, case):
        return gettext("Opinion about the portal")

    def get(self, request):
        return self.render_form(self.form_class(initial={"page_path": request.GET.get("strona", "")[:500]}))


@require_safe
def deadline_feed(request, token):
    """A clerk's private iCalendar of their own open deadlines, for their calendar program (core.notifications).

    The token is the only key (a calendar program cannot sign in): an unknown or revoked one, or a clerk no longer
    active, gets 404. Never cached on the way, never indexed; always Polish, like the Terminarz.
    """
    feed = DeadlineFeed.objects.for_token(token)
    if feed is None:
        raise Http404
    with translation.override("pl"):
        body = deadline_feed_ical(feed.user)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Content-Disposition"] = 'inline; filename="terminy.ics"'
    return response


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.sitemap"))
    return HttpResponse(
        loader.render_to_string("robots.txt", {"sitemap_url": sitemap_url}), content_type="text/plain; charset=utf-8"
    )


def bad_request(request, exception=None):
    """The Polish 400 page (a damaged address or form, an unknown host name, too many fields or files)."""
    try:
        return render(request, "400.html", status=400)
    except SuspiciousOperation:
        # The request itself cannot be read (e.g. too many fields in its address): the page without the shell's
        # request-dependent parts, rather than a 500.
        return HttpResponse(loader.get_template("400.html").render(), status=400)


def csrf_failure(request, reason=""):
    """The Polish page for a form refused by the CSRF check (CSRF_FAILURE_VIEW), saying what to do next.

    The reason (no cookie, a wrong token, another origin) is Django's `django.security.csrf` log line, not the
    page: the person only needs the way out. Never cached: it answers one request.
    """
    response = render(request, "403_csrf.html", status=403)
    add_never_cache_headers(response)
    return response


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the page must render even when the database is down.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def _public_record(kind_key: str, pk: int):
    kind = public_information.kind_for_key(kind_key)
    if kind is None:
        raise Http404
    record = public_information.public_record_or_none(kind, pk)
    if record is None:
        raise Http404
    return kind, record


@require_safe
def change_register(request, kind, pk):
    """ "Rejestr zmian" of a piece of public information: its metryczka and its public versions, newest first.

    Rozporządzenie MSWiA z 18.01.2007 w sprawie BIP (DOMAIN.md §J.2): the register of changes is kept available.
    Only records residents may see now, only the versions in which they were public, only their public fields.
    """
    kind, record = _public_record(kind, pk)
    page = public_information.versions_page(kind, record, request.GET.get("page"))
    return render(
        request,
        "core/change_register.html",
        {
            "kind": kind,
            "record": record,
            "record_url": kind.record_url(record),
            "record_label": kind.record_label(record),
            "metryczka": public_information.metryczka(record),
            "page_obj": page,
            "breadcrumb_parents": [(kind.record_label(record), kind.record_url(record))],
        },
    )


@require_safe
def record_version(request, kind, pk, history_id):
    """One earlier version of a piece of public information, as its public fields read then."""
    kind, record = _public_record(kind, pk)
    version = (
        public_information.public_versions(kind, record).filter(history_id=history_id).first()
        if history_id > 0
        else None
    )
    if version is None:
        raise Http404
    return render(
        request,
        "core/record_version.html",
        {
            "kind": kind,
            "record": record,
            "record_url": kind.record_url(record),
            "record_label": kind.record_label(record),
            "version": version,
            "person": public_information.person_of(version),
            "values": public_information.version_values(kind, version, record),
            "change_register_url": public_information.change_register_url(kind, record),
            "breadcrumb_parents": [
                (kind.record_label(record), kind.record_url(record)),
                (gettext("Register of changes"), public_information.change_register_url(kind, record)),
            ],
        },
    )


# Open data ---------------------------------------------------------------------------------------------------------


def _department():
    from core.models import DepartmentProfile

    return DepartmentProfile.objects.order_by("pk").first()


@require_safe
def open_data(request):
    """ "Otwarte dane": every dataset of the portal with its files, their schemas, licence and update frequency."""
    return render(
        request,
        "core/open_data.html",
        {"datasets": open_data_registry.datasets(), "formats": open_data_registry.FORMATS},
    )


@require_safe
@open_data_registry.open_to_other_sites
def open_data_catalogue_jsonld(request):
    """The catalogue for harvesters (dane.gov.pl): DCAT-AP as JSON-LD."""
    document = open_data_registry.catalogue(_department())
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response


@require_safe
@open_data_registry.open_to_other_sites
def open_data_catalogue_rdf(request):
    """The same catalogue as RDF/XML."""
    body = open_data_registry.catalogue_rdf_xml(open_data_registry.catalogue(_department()))
    return HttpResponse(body, content_type="application/rdf+xml; charset=utf-8")


@require_safe
@open_data_registry.open_to_other_sites
def open_data_schema(request, dataset):
    """The Table Schema of a dataset's CSV and JSON files."""
    found = open_data_registry.dataset_for_key(dataset)
    if found is None or not found.has_schema():
        raise Http404
    response = JsonResponse(
        open_data_registry.table_schema(found), json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Content-Type"] = "application/schema+json; charset=utf-8"
    return response
