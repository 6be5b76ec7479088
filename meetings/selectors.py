"""Reads of the public pages of the meetings with residents."""

from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from meetings.models import MEETING_LISTED_AS_UPCOMING_HOURS, MeetingPhoto, ResidentMeeting

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
    return get_object_or_404(meetings_public().prefetch_related(Prefetch("photos", queryset=photos)), slug=slug)


def next_meeting_change(now) -> datetime | None:
    """When public pages change by the clock: a meeting starts (registration closes) or leaves the upcoming ones."""
    public = ResidentMeeting.objects.public()
    next_start = public.filter(starts_at__gt=now).order_by("starts_at").values_list("starts_at", flat=True).first()
    running = public.upcoming(now).order_by("starts_at").values_list("starts_at", flat=True).first()
    moments = [moment for moment in (next_start, running and running + UPCOMING) if moment and moment > now]
    return min(moments, default=None)
