"""Reads of the public pages of the meetings with residents."""

from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext

from core.deadlines import OpenDeadline
from meetings.deadlines import REQUEST_ANSWER_RULE
from meetings.models import MEETING_LISTED_AS_UPCOMING_HOURS, MeetingPhoto, MeetingRequest, ResidentMeeting

SECTION = "promotion"

UPCOMING = timedelta(hours=MEETING_LISTED_AS_UPCOMING_HOURS)


def meetings_public() -> QuerySet[ResidentMeeting]:
    return ResidentMeeting.objects.public().select_related("venue")


def meetings_upcoming(*, now=None) -> QuerySet[ResidentMeeting]:
    """Published meetings still to come (or going on now), soonest first."""
    return meetings_public().upcoming(now).order_by("starts_at", "pk")


def meetings_past(*, now=None) -> QuerySet[ResidentMeeting]:
    """Published meetings that took place, latest first."""
    return meetings_public().past(now).order_by("-starts_at", "-pk")


def meeting_get_public_or_404(slug: str) -> ResidentMeeting:
    photos = MeetingPhoto.objects.select_related("image").order_by("position", "pk")
    requests = MeetingRequest.objects.select_related("unit").order_by("pk")
    return get_object_or_404(
        meetings_public().prefetch_related(
            Prefetch("photos", queryset=photos), Prefetch("requests", queryset=requests)
        ),
        slug=slug,
    )


def next_meeting_change(now) -> datetime | None:
    """When public pages change by the clock: a meeting starts (registration closes) or leaves the upcoming ones."""
    public = ResidentMeeting.objects.public()
    next_start = public.filter(starts_at__gt=now).order_by("starts_at").values_list("starts_at", flat=True).first()
    running = public.upcoming(now).order_by("starts_at").values_list("starts_at", flat=True).first()
    moments = [moment for moment in (next_start, running and running + UPCOMING) if moment and moment > now]
    return min(moments, default=None)


def request_open_deadlines():
    """The answer to each request raised at a meeting, due a month after it (k.p.a. art. 244 § 1 [K]); one query.

    Named by the meeting and the unit, never by who raised it (the Terminarz's title travels in clerks' digests).
    """
    rows = (
        MeetingRequest.objects.filter(answered_on__isnull=True)
        .select_related("meeting", "unit")
        .only("pk", "answer_due", "meeting__title", "unit__name", "unit__symbol")
    )
    for request in rows:
        yield OpenDeadline(
            due_date=request.answer_due,
            title=gettext("Answer the request from the meeting “%(meeting)s” (%(unit)s)")
            % {"meeting": request.meeting.title[:80], "unit": request.unit.symbol},
            case_mark="",
            url=reverse("admin:meetings_meetingrequest_change", args=[request.pk]),
            section=SECTION,
            handler_id=None,
            rule=REQUEST_ANSWER_RULE,
        )
