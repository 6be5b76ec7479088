"""Meetings with residents: meetings, registrations and the requests raised."""

from meetings.models import MeetingRegistration, MeetingRequest, ResidentMeeting
from meetings.services import meeting_register, request_record
from tests.core.admin_rows import in_days, row_maker, serial
from tests.core.admin_rows.core import unit


@row_maker(ResidentMeeting)
def resident_meeting():
    n = next(serial)
    return ResidentMeeting.objects.create(
        kind="district",
        title=f"Spotkanie z mieszkańcami {n}",
        starts_at=in_days(10 + n % 20),
        place="Szkoła Podstawowa nr 3",
        registration_required=True,
        is_published=True,
    )


@row_maker(MeetingRegistration)
def meeting_registration():
    n = next(serial)
    return meeting_register(meeting=resident_meeting(), full_name=f"Mieszkaniec {n}", email=f"m{n}@example.pl")


@row_maker(MeetingRequest)
def meeting_request():
    n = next(serial)
    meeting = resident_meeting()
    ResidentMeeting.objects.filter(pk=meeting.pk).update(starts_at=in_days(-(n % 20) - 1))
    meeting.refresh_from_db()
    return request_record(
        meeting=meeting, raised_by=f"Mieszkaniec {n}", text=f"Wniosek {n}", unit=unit(), acting_user=None
    )
