"""Public pages of the duty: the overview, the two forms, the register of patronages and the symbols page (thin)."""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import TemplateView

from core.models import CaseMessage
from core.public_cases import PublicCaseCreateView
from core.services import case_message_add
from core.uploads.stash import KeptUploadsMixin
from patronage import selectors
from patronage.deadlines import (
    PATRONAGE_APPLICATION_DAYS_BEFORE,
    PATRONAGE_REPORT_DAYS_AFTER,
    SYMBOL_REQUEST_ANSWER_DAYS,
)
from patronage.forms import PatronageApplicationForm, SymbolUseRequestForm
from patronage.models import FileSet, Symbol
from patronage.services.applications import application_case_title, application_prepare, application_received
from patronage.services.symbols import symbol_request_case_title, symbol_request_prepare, symbol_request_received

REGISTER_PER_PAGE = 25
# [K] The city's colours, to be confirmed against the annex of the Rada Miasta's resolution on the symbols
# (DOMAIN.md §E.2; docs/patronage.md): the names are Polish data, shown as they are.
CITY_COLOURS = [
    ("żółty", "#F2C500"),
    ("niebieski", "#1D4F91"),
]


def published_file_sets(page: str):
    """The published sets of files of a page, each with its files (two queries)."""
    return FileSet.objects.filter(is_published=True, page=page).prefetch_related("files")


def overview_breadcrumb():
    return [(gettext("Honorary patronage"), reverse("patronage:overview"))]


class OverviewView(TemplateView):
    """ "Patronat honorowy": what the patronage is and is not, the rules, the form and the register."""

    template_name = "patronage/overview.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "days_before": PATRONAGE_APPLICATION_DAYS_BEFORE,
            "report_days": PATRONAGE_REPORT_DAYS_AFTER,
            "file_sets": published_file_sets(FileSet.Page.PATRONAGE),
        }


class PatronageApplicationCreateView(KeptUploadsMixin, PublicCaseCreateView):
    """ "Wniosek o Honorowy Patronat Prezydenta Miasta" (DOMAIN.md §E.1)."""

    form_class = PatronageApplicationForm
    template_name = "patronage/application_form.html"
    form_key = "patronage.application"
    rate_scope = "patronage_application"

    def build_case(self, form):
        self.form = form
        return application_prepare(application=form.save(commit=False))

    def case_title(self, case):
        return application_case_title(case)

    def on_open(self, case):
        application_received(
            application=case,
            programme_file=self.form.cleaned_data.get("programme_file"),
            drafts=self.form.cleaned_data.get("drafts") or [],
        )
        if case.is_late:
            # DOMAIN.md §E.1: a late application is received and flagged, never refused silently.
            case_message_add(
                case=case,
                author_kind=CaseMessage.Author.CLERK,
                body=gettext(
                    "Your application came less than %(days)s days before the event. It has been received and marked "
                    "as late; the department will still examine it and answer in writing."
                )
                % {"days": PATRONAGE_APPLICATION_DAYS_BEFORE},
            )

    def form_context(self, form):
        return {**super().form_context(form), "breadcrumb_parents": overview_breadcrumb()}


class SymbolUseRequestCreateView(KeptUploadsMixin, PublicCaseCreateView):
    """ "Wniosek o zgodę na używanie herbu, flagi, logo lub barw miasta" (DOMAIN.md §E.2)."""

    form_class = SymbolUseRequestForm
    template_name = "patronage/symbol_request_form.html"
    form_key = "patronage.symbol_request"
    rate_scope = "symbol_use_request"

    def build_case(self, form):
        self.form = form
        return symbol_request_prepare(request=form.save(commit=False))

    def case_title(self, case):
        return symbol_request_case_title(case)

    def on_open(self, case):
        symbol_request_received(request=case, design=self.form.cleaned_data.get("design"))

    def form_context(self, form):
        return {
            **super().form_context(form),
            "breadcrumb_parents": symbols_breadcrumb(),
            "answer_days": SYMBOL_REQUEST_ANSWER_DAYS,
        }


def symbols_breadcrumb():
    return [(gettext("City symbols"), reverse("patronage:symbols"))]


class RegisterView(TemplateView):
    """ "Rejestr patronatów": the granted patronages (event, organiser, dates), 25 a page, by year (DOMAIN.md §E.1)."""

    template_name = "patronage/register.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = selectors.patronage_register_years()
        try:
            year = int(self.request.GET.get("rok", ""))
        except ValueError:
            year = None
        if year not in years:
            year = None
        page = Paginator(selectors.patronage_register(year), REGISTER_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            years=years,
            year=year,
            query=f"rok={year}" if year else "",
            breadcrumb_parents=overview_breadcrumb(),
        )
        return context


class SymbolsView(TemplateView):
    """ "Symbole miasta": the coat of arms, flag, logo and colours, the rules of their use and how to ask (§E.2)."""

    template_name = "patronage/symbols.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "symbols": Symbol.choices,
            "colours": CITY_COLOURS,
            "answer_days": SYMBOL_REQUEST_ANSWER_DAYS,
            "file_sets": published_file_sets(FileSet.Page.SYMBOLS),
        }
