"""Public pages of the duty: the investment sites (list, card, PDF card), the investor's inquiry form, and the plans
(list, summary with charts, yearly report PDF) (thin)."""

from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from core.exports import csv_cell, csv_response
from core.open_data import open_to_other_sites
from core.pagination import CachedCountPaginator
from core.public_cases import PublicCaseCreateView
from promotion import selectors
from promotion.charts import indicator_chart
from promotion.deadlines import INVESTOR_INQUIRY_ANSWER_DAYS
from promotion.documents import plan_report_pdf as plan_report_pdf_bytes
from promotion.documents import site_card_pdf
from promotion.filters import InvestmentSiteFilter
from promotion.forms import InvestorInquiryForm
from promotion.services import inquiry_case_title, inquiry_prepare

SITES_PER_PAGE = 12
MAX_FILTER_VALUES = 10
MAX_FILTER_VALUE_LENGTH = 40


def filter_params(query: QueryDict) -> QueryDict:
    """The list's filters from a query string: known names only, bounded values, no empty ones."""
    params = QueryDict(mutable=True)
    for name in InvestmentSiteFilter.base_filters:
        values = [value[:MAX_FILTER_VALUE_LENGTH] for value in query.getlist(name)[:MAX_FILTER_VALUES] if value]
        if values:
            params.setlist(name, values)
    return params


def sites_breadcrumb():
    return [(gettext("Investment sites"), reverse("promotion:site_list"))]


def site_language() -> str:
    return "en" if (get_language() or "pl").startswith("en") else "pl"


class SiteListView(TemplateView):
    """ "Tereny inwestycyjne": the published sites filtered by area, zoning, utilities and zone, 12 a page (§I.2)."""

    template_name = "promotion/site_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = filter_params(self.request.GET)
        filterset = InvestmentSiteFilter(params or None, queryset=selectors.site_list())
        applied = filterset.is_valid()
        sites = filterset.qs if applied else selectors.site_list()
        query = params.urlencode() if applied else ""
        paginator = CachedCountPaginator(sites, SITES_PER_PAGE, count_key=f"promotion:sites:{query}")
        context.update(
            filter=filterset,
            filters_active=applied and bool(params),
            query=query,
            page_obj=paginator.get_page(self.request.GET.get("page")),
            language=site_language(),
        )
        return context


def _site_or_404(slug: str):
    site = selectors.published_site_or_none(slug)
    if site is None:
        raise Http404
    return site


@require_safe
@open_to_other_sites
def sites_csv(request):
    """The published sites as open data (core.open_data): RFC 4180 CSV, UTF-8 with a BOM, the utilities in one cell."""
    rows = selectors.site_open_data_rows()
    response = csv_response(
        "tereny-inwestycyjne.csv",
        selectors.OPEN_DATA_COLUMNS,
        rows,
        cell=lambda value: csv_cell(value, list_separator="; "),
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


def site_detail(request, slug: str):
    """A site's card (karta terenu inwestycyjnego, DOMAIN.md §I.2) in the page's language, with its PDF."""
    site = _site_or_404(slug)
    language = site_language()
    return render(
        request,
        "promotion/site_detail.html",
        {
            "site": site,
            "texts": site.texts(language),
            "language": language,
            "breadcrumb_parents": sites_breadcrumb(),
        },
    )


def site_pdf(request, slug: str):
    """The site's card as a PDF (WeasyPrint) in the page's language, for the investor to keep and forward."""
    site = _site_or_404(slug)
    language = site_language()
    response = HttpResponse(site_card_pdf(site=site, language=language), content_type="application/pdf")
    suffix = "-en" if language == "en" else ""
    response["Content-Disposition"] = f'attachment; filename="teren-{site.slug}{suffix}.pdf"'
    return response


class InvestorInquiryCreateView(PublicCaseCreateView):
    """ "Zapytanie inwestora" (DOMAIN.md §I.2): a case with a tracking link; `?teren=<slug>` ticks that site."""

    form_class = InvestorInquiryForm
    template_name = "promotion/inquiry_form.html"
    form_key = "promotion.inquiry"
    rate_scope = "investor_inquiry"

    def get(self, request):
        slug = request.GET.get("teren", "")[:80]
        site = selectors.published_site_or_none(slug) if slug else None
        return self.render_form(self.form_class(initial={"sites": [site.pk]} if site else None))

    def build_case(self, form):
        self.form = form
        return inquiry_prepare(inquiry=form.save(commit=False))

    def case_title(self, case):
        return inquiry_case_title(case)

    def on_open(self, case):
        case.sites.set(self.form.cleaned_data.get("sites") or [])

    def form_context(self, form):
        return {
            **super().form_context(form),
            "breadcrumb_parents": sites_breadcrumb(),
            "answer_days": INVESTOR_INQUIRY_ANSWER_DAYS,
        }


def plans_breadcrumb():
    return [(gettext("Plans for culture and promotion"), reverse("promotion:plan_list"))]


def plan_list(request):
    """ "Plany i programy": the adopted culture development programmes and promotion plans (DOMAIN.md §I.5)."""
    return render(request, "promotion/plan_list.html", {"plans": selectors.published_plans()})


def _plan_or_404(slug: str):
    plan = selectors.published_plan_or_none(slug)
    if plan is None:
        raise Http404
    return plan


def report_years(plan) -> list[int]:
    """The years of the plan that have ended or are running: each has its implementation report."""
    return [year for year in plan.years if year <= timezone.localdate().year]


def plan_detail(request, slug: str):
    """A plan's public summary: goals → objectives → actions, each indicator as a chart and a table (§I.5)."""
    plan = _plan_or_404(slug)
    sections = []
    for goal in plan.goals.all():
        objectives = []
        for objective in goal.objectives.all():
            actions = []
            for action in objective.actions.all():
                rows = selectors.action_rows(plan, action)
                chart = indicator_chart(
                    baseline=action.baseline,
                    rows=[(year, row.target if row else None, row.value if row else None) for year, row in rows],
                )
                actions.append({"action": action, "rows": rows, "chart": chart, "chart_id": f"wykres-{action.pk}"})
            objectives.append({"objective": objective, "actions": actions})
        sections.append({"goal": goal, "objectives": objectives})
    return render(
        request,
        "promotion/plan_detail.html",
        {
            "plan": plan,
            "sections": sections,
            "report_years": report_years(plan),
            "breadcrumb_parents": plans_breadcrumb(),
        },
    )


def plan_report_pdf(request, slug: str, year: int):
    """The yearly implementation report of a plan as a PDF (DOMAIN.md §I.5: annual implementation reports)."""
    plan = _plan_or_404(slug)
    if year not in report_years(plan):
        raise Http404
    response = HttpResponse(plan_report_pdf_bytes(plan=plan, year=year), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sprawozdanie-{plan.slug}-{year}.pdf"'
    return response
