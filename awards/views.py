"""Public pages of scholarships and awards: open calls, a call with its rules, the application or nomination form.

Views are thin: the forms clean the input, the kernel opens the case (core.public_cases), awards.selectors reads.
"""

from functools import partial

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.generic import TemplateView

from awards import selectors
from awards.forms import AwardApplicationForm, form_class_for
from core.pagination import CachedCountPaginator
from core.private_documents import document_attach_upload
from core.public_cases import PublicCaseCreateView
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


class CallDetailView(TemplateView):
    """A call: kind, year, resolution, deadline, budget, cap and its rules; the form's link while it is open."""

    template_name = "awards/call_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        call = selectors.call_get_public_or_404(self.kwargs["slug"])
        context.update(
            call=call,
            accepts_applications=call.accepts_applications(),
            breadcrumbs=[(gettext("Scholarships and awards"), reverse("awards:call_list"))],
        )
        return context


class ApplicationCreateView(KeptUploadsMixin, PublicCaseCreateView):
    """The public scholarship application or award nomination of a call; closed from its deadline on.

    Late applications are not considered (the council's resolution, u.o.p.d.k. art. 7a/7b ust. 3; DOMAIN.md §D.2).
    """

    template_name = "awards/application_form.html"
    # The call's own form (scholarship or nomination) replaces it in dispatch(); both keep its documentation files.
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
        self.form_class = partial(form_class_for(self.call), call=self.call)
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
