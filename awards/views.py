"""Public pages of scholarships and awards: open calls, a call with its rules, the application or nomination form;
and the committee's panel (assigned applications only) behind the clerks' sign-in.

Views are thin: the forms clean the input, the kernel opens the case (core.public_cases), awards.selectors reads.
"""

from functools import partial

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from awards import selectors, services
from awards.filters import CallArchiveFilter
from awards.forms import AwardApplicationForm, CommitteeScoreForm, ImpartialityForm, ScholarReportForm
from awards.models import AwardApplication, ScholarshipType
from core.committee.views import member_panel, verified_user
from core.models import CaseRegisterEntry
from core.pagination import CachedCountPaginator
from core.private_documents import document_attach_upload
from core.public_cases import PublicCaseCreateView, private_response
from core.public_forms import rate_limit_exceeded
from core.services import CaseWorkError
from core.uploads import stash
from core.uploads.stash import KeptUploadsMixin

PER_PAGE = 20


class CallListView(TemplateView):
    """ "Stypendia i nagrody": calls taking applications or nominations now, nearest deadline first."""

    template_name = "awards/call_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = CachedCountPaginator(
            selectors.calls_open(), PER_PAGE, count_key=f"awards:open:{timezone.localdate()}"
        )
        context["page_obj"] = paginator.get_page(self.request.GET.get("page"))
        return context


class CallArchiveView(TemplateView):
    """ "Archiwum naborów": published calls past their deadline, filtered by year and kind, with their results."""

    template_name = "awards/call_archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        filterset = CallArchiveFilter(params or None, queryset=selectors.calls_archive())
        calls = filterset.qs if filterset.is_valid() else selectors.calls_archive()
        query = params.urlencode() if filterset.is_valid() else ""
        paginator = CachedCountPaginator(calls, PER_PAGE, count_key=f"awards:archive:{query}:{timezone.localdate()}")
        context.update(
            filter=filterset,
            query=query,
            page_obj=paginator.get_page(self.request.GET.get("page")),
            breadcrumbs=[(gettext("Scholarships and awards"), reverse("awards:call_list"))],
        )
        return context


class CallDetailView(TemplateView):
    """A call: kind, year, resolution, deadline, budget, cap, rules and documents; the form's link while it is open,
    and the laureates once the results are published (the portal's and the BIP's publication, DOMAIN.md §J.2).
    """

    template_name = "awards/call_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        call = selectors.call_get_public_or_404(self.kwargs["slug"])
        results = selectors.call_results(call)
        caps = []
        if call.distinguishes_scholarship_types:
            caps = [(kind.label, call.cap_for(kind)) for kind in ScholarshipType]
        context.update(
            call=call,
            caps=caps,
            documents=list(call.documents.all()),
            results=results,
            results_metryczka=selectors.results_metryczka(call, results),
            accepts_applications=call.accepts_applications(),
            breadcrumbs=[(gettext("Scholarships and awards"), reverse("awards:call_list"))],
        )
        return context


class ApplicationCreateView(KeptUploadsMixin, PublicCaseCreateView):
    """The public scholarship application or award nomination of a call; closed from its deadline on.

    Late applications are not considered (the council's resolution, u.o.p.d.k. art. 7a/7b ust. 3; DOMAIN.md §D.2).
    """

    template_name = "awards/application_form.html"
    # Shaped by the call (scholarship or nomination, the resolution's fields of art) in dispatch(); both keep the
    # documentation files.
    form_class = AwardApplicationForm
    form_key = "awards.application"
    rate_scope = "awards_application"

    def dispatch(self, request, *args, **kwargs):
        self.call = selectors.call_get_public_or_404(kwargs["slug"])
        if not self.call.accepts_applications():
            return render(
                request,
                "awards/application_closed.html",
                {"call": self.call, "breadcrumbs": self.breadcrumbs()},
                status=200 if request.method in ("GET", "HEAD") else 409,
            )
        self.form_class = partial(AwardApplicationForm, call=self.call)
        return super().dispatch(request)

    def breadcrumbs(self):
        return [
            (gettext("Scholarships and awards"), reverse("awards:call_list")),
            (self.call.title, self.call.get_absolute_url()),
        ]

    def build_case(self, form):
        self.documentation = form.cleaned_data.get("documentation") or []
        application = form.save(commit=False)
        application.call = self.call
        return application

    def case_title(self, case):
        return gettext("Application: %(call)s") % {"call": self.call.title[:200]}

    def on_open(self, case):
        for upload in self.documentation:
            document_attach_upload(case=case, upload=upload, description=gettext("Documentation of achievements"))

    def form_context(self, form):
        return {**super().form_context(form), "call": self.call, "breadcrumbs": self.breadcrumbs()}


def _application_for_token(token: str) -> AwardApplication:
    """The application whose private tracking token is `token`; 404 for any other token."""
    if len(token) > 64:
        raise Http404
    entry = get_object_or_404(CaseRegisterEntry, tracking_token=token)
    if entry.content_type_id != ContentType.objects.get_for_model(AwardApplication).pk or entry.object_id is None:
        raise Http404
    return get_object_or_404(AwardApplication.objects.select_related("call"), pk=entry.object_id)


@method_decorator(never_cache, name="dispatch")
class ReportFileView(View):
    """The scholar's report after the period (DOMAIN.md §D.2), from the application's private tracking link.

    While the report may be filed (paid or returned, the period's last day come) the page is the form; once filed
    it shows the report; otherwise it says when it may be filed. Accepted files of a send that comes back with an
    error are kept (core.uploads.stash).
    """

    template_name = "awards/report_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.application = _application_for_token(kwargs["token"])
        self.token = kwargs["token"]
        if not self.application.call.is_scholarship:
            raise Http404

    def may_file(self) -> bool:
        return services.report_may_be_filed(self.application, timezone.localdate())

    def get(self, request, **kwargs):
        if not self.may_file():
            return self.render_status()
        initial = {"report_text": self.application.report_text} if self.application.report_text else None
        return self.render_form(ScholarReportForm(initial=initial))

    def post(self, request, **kwargs):
        if rate_limit_exceeded(request, "awards_report"):
            return private_response(render(request, "429.html", status=429))
        if not self.may_file():
            return redirect(request.path)
        form = ScholarReportForm(request.POST, stash.restore(request))
        if not form.is_valid():
            return self.render_form(form)
        if form.is_bot:
            return redirect("core:case_received")
        try:
            services.report_file(
                application=self.application,
                text=form.cleaned_data["report_text"],
                attachments=form.cleaned_data.get("attachments") or [],
            )
        except CaseWorkError as error:
            form.add_error(None, error.message)
            return self.render_form(form)
        stash.discard(request)
        messages.success(request, gettext("Your report has been filed. The department will check it."))
        return redirect(request.path)

    def context(self) -> dict:
        return {
            "application": self.application,
            "tracking_url": reverse("core:case_tracking", kwargs={"token": self.token}),
        }

    def render_form(self, form):
        context = {**self.context(), "form": form, **stash.kept_files_context(form, self.request)}
        return private_response(render(self.request, self.template_name, context))

    def render_status(self):
        return private_response(render(self.request, "awards/report_status.html", self.context()))


# The committee's panel (core.committee; DOMAIN.md §D.2) -------------------------------------------------------------


def committee_panel(request):
    """The member's list: only the applications assigned to them, across the calls they sit on."""
    return member_panel(
        request,
        is_member=selectors.is_committee_member,
        assignments=selectors.member_assignments,
        template_name="awards/committee_panel.html",
    )


@never_cache
def committee_assignment(request, pk: int):
    """One assigned application: the declaration of impartiality first, then the points and the opinion."""
    user = verified_user(request)
    if user is None:
        raise Http404
    assignment = selectors.assignment_for_member_or_404(user, pk)
    # A reverse one-to-one not there raises an AttributeError: getattr's default stands for "not yet".
    score = getattr(assignment, "score", None)
    declaration = ImpartialityForm()
    initial = {"points": score.points, "opinion": score.comment} if score else None
    score_form = CommitteeScoreForm(initial=initial)
    if request.method == "POST":
        try:
            if "declare" in request.POST:
                declaration = ImpartialityForm(request.POST)
                if declaration.is_valid():
                    services.impartiality_declare(
                        assignment=assignment, has_conflict=declaration.cleaned_data["has_conflict"], acting_user=user
                    )
                    messages.success(request, gettext("Your declaration has been recorded."))
                    return redirect(request.path)
            else:
                score_form = CommitteeScoreForm(request.POST)
                if score_form.is_valid():
                    services.score_record(
                        assignment=assignment,
                        points=score_form.cleaned_data["points"],
                        opinion=score_form.cleaned_data["opinion"],
                        acting_user=user,
                    )
                    messages.success(request, gettext("Your scores have been saved."))
                    return redirect(request.path)
        except CaseWorkError as error:
            messages.error(request, error.message)
    context = {
        "assignment": assignment,
        "application": assignment.application,
        "interview": getattr(assignment.application, "interview", None),
        "declaration": declaration,
        "score_form": score_form,
    }
    return render(request, "awards/committee_assignment.html", context)
