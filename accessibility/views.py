"""Public pages of the coordinator: the overview, the two forms and the declaration of accessibility (thin)."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.generic import TemplateView

from accessibility import selectors
from accessibility.deadlines import DEMAND_ANSWER_DAYS, EXTENSION_MONTHS, REQUEST_ANSWER_DAYS
from accessibility.forms import AccessibilityRequestForm, DigitalAccessibilityDemandForm
from accessibility.services import accessibility_case_prepare, accessibility_case_received, accessibility_case_title
from core.public_cases import PublicCaseCreateView
from core.uploads.stash import KeptUploadsMixin


def overview_breadcrumb():
    return [(gettext("Accessibility"), reverse("accessibility:overview"))]


def clocks() -> dict:
    return {"request_days": REQUEST_ANSWER_DAYS, "demand_days": DEMAND_ANSWER_DAYS, "months": EXTENSION_MONTHS}


class OverviewView(TemplateView):
    """ "Dostępność": the two procedures, their clocks and complaint paths, and the links to the forms."""

    template_name = "accessibility/overview.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **clocks()}


class AccessibilityCaseCreateView(KeptUploadsMixin, PublicCaseCreateView):
    """What both forms share: the case is stamped with its filing day and keeps the PJM video."""

    def build_case(self, form):
        self.form = form
        return accessibility_case_prepare(case=form.save(commit=False))

    def case_title(self, case):
        return accessibility_case_title(case)

    def on_open(self, case):
        accessibility_case_received(case=case, video=self.form.cleaned_data.get("video"))

    def form_context(self, form):
        return {**super().form_context(form), "breadcrumb_parents": overview_breadcrumb(), **clocks()}


class AccessibilityRequestCreateView(AccessibilityCaseCreateView):
    """ "Wniosek o zapewnienie dostępności" (ustawa z 19.07.2019 art. 30; DOMAIN.md §G.2)."""

    form_class = AccessibilityRequestForm
    template_name = "accessibility/request_form.html"
    form_key = "accessibility.request"
    rate_scope = "accessibility_request"


class DigitalAccessibilityDemandCreateView(AccessibilityCaseCreateView):
    """ "Żądanie zapewnienia dostępności cyfrowej" (ustawa z 4.04.2019 art. 18; DOMAIN.md §G.4)."""

    form_class = DigitalAccessibilityDemandForm
    template_name = "accessibility/demand_form.html"
    form_key = "accessibility.demand"
    rate_scope = "accessibility_demand"


class DeclarationView(TemplateView):
    """ "Deklaracja dostępności": the published declaration of the visitor's language version, rendered from data in
    the ministry's v2.0 structure (ustawa z 4.04.2019 art. 10; DOMAIN.md §G.4). 404 until one is published."""

    template_name = "accessibility/declaration.html"

    def get_context_data(self, **kwargs):
        declaration = selectors.published_declaration(get_language())
        if declaration is None:
            raise Http404
        return {
            **super().get_context_data(**kwargs),
            **clocks(),
            "declaration": declaration,
            "buildings": list(declaration.buildings.order_by("name")),
            "apps": list(declaration.apps.all()),
            "noncompliance": declaration.lines(declaration.noncompliance),
            "out_of_scope": declaration.lines(declaration.out_of_scope),
        }
