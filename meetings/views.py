"""Public pages of the meetings with residents: the schedule, a meeting's page with its registration, the iCal.

Views are thin: the form cleans, `meetings.services` writes, `meetings.selectors` reads.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.http import require_safe

from core.public_cases import current_information_clause
from core.public_forms import rate_limit_exceeded
from core.services import CaseWorkError
from core.site import site_url
from meetings import selectors, services
from meetings.filters import MeetingFilter
from meetings.forms import MeetingRegistrationForm
from meetings.ical import meetings_ical

PER_PAGE = 20
FORM_KEY = "meetings.registration"
#: How many published meetings the iCal of all meetings carries (the latest ones and every one to come).
ICAL_LIMIT = 200


def list_breadcrumb():
    return [(gettext("Meetings with residents"), reverse("meetings:meeting_list"))]


@require_safe
def meeting_list(request):
    """ "Spotkania z mieszkańcami": the meetings to come, then those that took place (with minutes), by kind."""
    upcoming = MeetingFilter(request.GET, queryset=selectors.meetings_upcoming())
    past = MeetingFilter(request.GET, queryset=selectors.meetings_past())
    page_obj = Paginator(past.qs, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "filter": upcoming,
            "upcoming": upcoming.qs[:PER_PAGE],
            "page_obj": page_obj,
            "query": query.urlencode(),
        },
    )


class MeetingDetailView(View):
    """A meeting: date, place, topics, accessibility; registration while places are left; minutes and photos after."""

    template_name = "meetings/meeting_detail.html"

    def dispatch(self, request, slug):
        self.meeting = selectors.meeting_get_public_or_404(slug)
        return super().dispatch(request, slug)

    def get(self, request, slug):
        return self.render(MeetingRegistrationForm() if self.meeting.accepts_registrations() else None)

    def post(self, request, slug):
        if rate_limit_exceeded(request, "meeting_registration"):
            return render(request, "429.html", status=429)
        if not self.meeting.accepts_registrations():
            return self.render(None, status=409)
        form = MeetingRegistrationForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        if form.is_bot:
            return redirect(reverse("meetings:registered", kwargs={"slug": slug}))
        try:
            services.meeting_register(
                meeting=self.meeting,
                info_clause=current_information_clause(FORM_KEY),
                **{name: form.cleaned_data[name] for name in ("full_name", "email", "phone", "needs")},
            )
        except CaseWorkError as error:
            self.meeting.refresh_from_db()
            messages.error(request, error.message)
            return self.render(None, status=409)
        return redirect(reverse("meetings:registered", kwargs={"slug": slug}))

    def render(self, form, status=200):
        context = {
            "meeting": self.meeting,
            "form": form,
            "clause": current_information_clause(FORM_KEY) if form is not None else None,
            "is_over": self.meeting.is_over(),
            "breadcrumbs": list_breadcrumb(),
        }
        return render(self.request, self.template_name, context, status=status)


@require_safe
def meeting_registered(request, slug):
    """The confirmation after a registration: what happens next and the meeting's calendar entry."""
    meeting = selectors.meeting_get_public_or_404(slug)
    context = {"meeting": meeting, "breadcrumbs": [*list_breadcrumb(), (meeting.title, meeting.get_absolute_url())]}
    return render(request, "meetings/registered.html", context)


def _ical_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def meeting_ical(request, slug):
    """One meeting as an .ics file, to add to a calendar."""
    meeting = selectors.meeting_get_public_or_404(slug)
    url = site_url(reverse("meetings:meeting_ical", kwargs={"slug": slug}))
    return _ical_response(meetings_ical([meeting], url=url, name=meeting.title), f"{meeting.slug}.ics")


@require_safe
def meetings_feed_ical(request):
    """Every published meeting (the latest and those to come) as a calendar to subscribe to."""
    meetings = selectors.meetings_public().order_by("-starts_at")[:ICAL_LIMIT]
    url = site_url(reverse("meetings:feed_ical"))
    return _ical_response(meetings_ical(meetings, url=url), "spotkania-z-mieszkancami.ics")
