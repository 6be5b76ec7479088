from django.utils.html import linebreaks
from django.utils.translation import gettext
from django.views.generic import TemplateView

from core.mail import mail_enqueue
from core.public_cases import PublicCaseCreateView, tracking_url
from events.forms import EventSubmissionForm
from events.models import Event
from events.services import event_create


class SubmissionCreateView(PublicCaseCreateView):
    """ "Zgłoś wydarzenie": the organiser's event becomes a submitted draft and a case with a tracking link."""

    form_class = EventSubmissionForm
    template_name = "events/eventsubmission_form.html"
    form_key = "events.submission"
    rate_scope = "event_submission"

    def build_case(self, form):
        data = form.cleaned_data
        event = event_create(
            acting_user=None,
            occurrences=[(data["starts_at"], data.get("ends_at"))],
            title=data["title"],
            lead=data["lead"],
            description=linebreaks(data.get("description", "")),
            category=data["category"],
            venue=data["venue"],
            organiser_name=data["organiser_name"],
            price_kind=Event.PriceKind.FREE if data.get("is_free") else Event.PriceKind.PAID,
            ticket_url=data.get("ticket_url", ""),
            status=Event.Status.SUBMITTED,
        )
        submission = form.save(commit=False)
        submission.event = event
        return submission

    def case_title(self, case):
        return gettext("Event submission: %(title)s") % {"title": case.event.title[:200]}

    def on_open(self, case):
        mail_enqueue(
            to=[case.contact_email],
            subject=gettext("Your event submission has been received — %(mark)s") % {"mark": case.case_mark},
            template="case_opened",
            context={"case_mark": case.case_mark, "tracking_url": tracking_url(self.request, case)},
        )


# Public browsing views (list, month, archive, event, venue) follow below.
class _NotYet(TemplateView):
    template_name = "404.html"


OccurrenceListView = MonthView = ArchiveView = EventDetailView = VenueDetailView = _NotYet
