from io import StringIO

import pytest
from django.core.management import call_command

from meetings.models import MeetingRegistration, ResidentMeeting

pytestmark = pytest.mark.django_db


def test_the_demo_meetings_load_once_with_registrations_minutes_and_calendar_entries(settings):
    settings.DEBUG = True
    call_command("seed_meetings", stdout=StringIO())
    call_command("seed_meetings", stdout=StringIO())

    meetings = ResidentMeeting.objects.all()
    assert meetings.count() == 4
    assert all(meeting.is_published for meeting in meetings)
    assert meetings.filter(calendar_event__isnull=False).count() == 3
    assert MeetingRegistration.objects.count() == 3
    assert meetings.exclude(minutes="").count() == 1
