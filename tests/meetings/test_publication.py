"""A meeting published by the section's clerk is announced in the events calendar and so on the home page."""

import pytest
from django.urls import reverse

from events.models import Event
from meetings.models import ResidentMeeting
from meetings.services import MeetingError, meeting_publish
from tests.meetings.conftest import EVENTS_GROUP, PROMOTION_GROUP
from tests.meetings.factories import make_meeting, make_venue

pytestmark = pytest.mark.django_db


def test_a_meeting_at_a_venue_is_announced_in_the_calendar_and_on_the_home_page(client):
    venue = make_venue(name="Sala sesyjna")
    meeting = make_meeting(venue=venue, title="Spotkanie z Radą Seniorów", days_ahead=2)

    event = meeting.calendar_event
    assert (event.status, event.title, event.venue, event.for_seniors) == (
        Event.Status.PUBLISHED,
        "Spotkanie z Radą Seniorów",
        venue,
        False,
    )
    assert event.occurrences.get().starts_at == meeting.starts_at
    assert "Spotkanie z Radą Seniorów" in client.get("/").content.decode()
    assert "Spotkanie z Radą Seniorów" in client.get(reverse("events:occurrence_list")).content.decode()


def test_a_meeting_at_another_place_is_published_on_its_page_only():
    meeting = make_meeting(place="Szkoła Podstawowa nr 3")
    assert meeting.is_published
    assert meeting.calendar_event is None
    assert not Event.objects.exists()


def test_a_meeting_is_published_once():
    meeting = make_meeting()
    with pytest.raises(MeetingError):
        meeting_publish(meeting=meeting, acting_user=None)


def test_the_promotion_clerk_publishes_from_the_admin_and_another_section_may_not(clerk_client):
    meeting = make_meeting(published=False, venue=make_venue())
    changelist = reverse("admin:meetings_residentmeeting_changelist")
    other = clerk_client(groups=[EVENTS_GROUP])
    assert other.get(changelist).status_code == 403

    clerk = clerk_client(groups=[PROMOTION_GROUP])
    response = clerk.post(changelist, {"action": "publish", "_selected_action": [meeting.pk]})

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.calendar_event.status == Event.Status.PUBLISHED
    assert meeting.history.count() >= 1


def test_the_attendance_list_is_for_the_section_only(clerk_client):
    meeting = make_meeting(registration_required=True)
    from meetings.services import meeting_register

    registration = meeting_register(meeting=meeting, full_name="Jan Kowalski")
    url = reverse("admin:meetings_meetingregistration_change", args=[registration.pk])
    assert clerk_client(groups=[EVENTS_GROUP]).get(url).status_code == 403
    clerk = clerk_client(groups=[PROMOTION_GROUP])
    assert "Jan Kowalski" in clerk.get(url).content.decode()
    assert ResidentMeeting.objects.get().registered_count == 1


def test_a_published_meeting_moved_in_the_admin_moves_its_calendar_event(clerk_client):
    from datetime import timedelta

    from django.utils import timezone

    from events.models import EventOccurrence

    meeting = make_meeting(venue=make_venue(), title="Spotkanie z mieszkańcami Wirku", days_ahead=5)
    occurrence = EventOccurrence.objects.get(event=meeting.calendar_event)
    sequence = occurrence.sequence
    clerk = clerk_client(groups=[PROMOTION_GROUP])
    url = reverse("admin:meetings_residentmeeting_change", args=[meeting.pk])
    new_start = timezone.localtime(meeting.starts_at + timedelta(days=2))
    data = {
        "kind": meeting.kind,
        "title": meeting.title,
        "slug": meeting.slug,
        "starts_at_0": new_start.date().isoformat(),
        "starts_at_1": new_start.strftime("%H:%M:%S"),
        "ends_at_0": "",
        "ends_at_1": "",
        "venue": meeting.venue_id,
        "place": "",
        "district": "",
        "accessibility": meeting.accessibility,
        "topics": meeting.topics,
        "capacity": "",
        "minutes": "",
        "attendance_estimate": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
    }

    response = clerk.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    occurrence.refresh_from_db()
    assert occurrence.starts_at == new_start
    assert occurrence.status == EventOccurrence.Status.MOVED
    assert occurrence.sequence == sequence + 1
