"""Meetings with residents for tests, written as the clerk's admin form writes them and published by the service."""

import itertools
from datetime import timedelta

from django.utils import timezone

from events.models import Venue
from meetings.models import MeetingKind, ResidentMeeting
from meetings.services import meeting_publish

_serial = itertools.count(1)


def make_venue(**fields) -> Venue:
    n = next(_serial)
    values = {
        "name": f"Sala {n}",
        "slug": f"sala-{n}",
        "street_address": "pl. Jana Pawła II 6",
        "district": "nowy_bytom",
        "step_free_entry": True,
    }
    values.update(fields)
    return Venue.objects.create(**values)


def make_meeting(*, published: bool = True, days_ahead: float = 10, acting_user=None, **fields) -> ResidentMeeting:
    """A meeting `days_ahead` from now at a place (no calendar venue unless `venue` is given), published."""
    n = next(_serial)
    values = {
        "kind": MeetingKind.DISTRICT,
        "title": f"Spotkanie z mieszkańcami {n}",
        "starts_at": timezone.now().replace(microsecond=0) + timedelta(days=days_ahead),
        "topics": "<p>Remont ulicy Halembskiej.</p>",
        "accessibility": "Wejście bez schodów.",
    }
    values.update(fields)
    if "venue" not in values:
        values.setdefault("place", "Szkoła Podstawowa nr 3, aula")
    meeting = ResidentMeeting(**values)
    meeting.full_clean()
    meeting.save()
    if published:
        meeting = meeting_publish(meeting=meeting, acting_user=acting_user)
    return meeting
