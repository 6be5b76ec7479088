"""Public pages of the mass-events duty: the overview, the permit guide and the two forms (thin views)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from core.public_cases import PublicCaseCreateView
from core.uploads.stash import KeptUploadsMixin
from mass_events.forms import EventNotificationForm, MassEventPermitApplicationForm, PermitGuideForm
from mass_events.selectors import guide_thresholds, permit_guide_answer
from mass_events.services.notifications import notification_case_title, notification_prepare, notification_received
from mass_events.services.permits import permit_application_prepare, permit_application_received, permit_case_title


class OverviewView(TemplateView):
    """What the department does about mass events and notifications, with links to the guide and both forms."""

    template_name = "mass_events/overview.html"


def permit_guide(request):
    """ "Czy potrzebuję zezwolenia?": a GET form whose answer the server renders (no JavaScript needed)."""
    form = PermitGuideForm(request.GET or None)
    answer = None
    if form.is_bound and form.is_valid():
        answer = permit_guide_answer(**form.cleaned_data)
    context = {
        "form": form,
        "answer": answer,
        "thresholds": guide_thresholds(),
        "breadcrumb_parents": overview_breadcrumb(),
    }
    return render(request, "mass_events/permit_guide.html", context)


def overview_breadcrumb():
    return [(gettext("Mass events"), reverse("mass_events:overview"))]


class _CaseWithAttachmentsView(KeptUploadsMixin, PublicCaseCreateView):
    """Keeps the form's validated files for `on_open`, and for a few minutes when the form must be shown again.

    Browsers never send a file input back: the files accepted on a send that shows the form again (an error, the
    late warning) are kept (`core.uploads.stash`) and re-attached on the next send, so only the refused ones (or
    those over the limits) must be chosen again.
    """

    def build_case(self, form):
        self.form = form
        return self.prepare(form.save(commit=False))

    def form_context(self, form):
        return {**super().form_context(form), "breadcrumb_parents": overview_breadcrumb()}


@method_decorator(sensitive_post_parameters("security_manager_pesel"), name="dispatch")
class PermitApplicationCreateView(_CaseWithAttachmentsView):
    """ "Wniosek o zezwolenie na imprezę masową" (u.b.i.m. art. 25–26)."""

    form_class = MassEventPermitApplicationForm
    template_name = "mass_events/permit_form.html"
    form_key = "mass_events.permit"
    rate_scope = "mass_event_permit"

    def prepare(self, application):
        return permit_application_prepare(application=application)

    def case_title(self, case):
        return permit_case_title(case)

    def on_open(self, case):
        permit_application_received(application=case, attachments=self.form.attachments())


class NotificationCreateView(_CaseWithAttachmentsView):
    """ "Zawiadomienie o imprezie poza siedzibą organizatora" (u.o.p.d.k. art. 34)."""

    form_class = EventNotificationForm
    template_name = "mass_events/notification_form.html"
    form_key = "mass_events.notification"
    rate_scope = "event_notification"

    def prepare(self, notification):
        return notification_prepare(notification=notification)

    def case_title(self, case):
        return notification_case_title(case)

    def on_open(self, case):
        notification_received(notification=case, attachments=self.form.cleaned_data.get("attachments") or [])
