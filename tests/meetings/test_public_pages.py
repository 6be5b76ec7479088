"""What residents see: the schedule, a meeting's page, the minutes and photos afterwards, the iCal; never the list."""

from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from meetings.models import MeetingKind, ResidentMeeting
from meetings.services import meeting_register
from tests.meetings.factories import make_meeting, make_venue

pytestmark = pytest.mark.django_db
LIST_URL = "/spotkania-z-mieszkancami/"


def test_the_list_shows_published_meetings_to_come_and_past_and_filters_by_kind(client):
    coming = make_meeting(title="Spotkanie w Halembie", kind=MeetingKind.DISTRICT)
    seniors = make_meeting(title="Rada Seniorów", kind=MeetingKind.SENIORS_COUNCIL, days_ahead=3)
    past = make_meeting(title="Spotkanie z organizacjami", kind=MeetingKind.NGOS, days_ahead=-20)
    draft = make_meeting(title="Szkic spotkania", published=False)

    content = client.get(LIST_URL).content.decode()
    filtered = client.get(LIST_URL, {"rodzaj": "seniors_council"}).content.decode()

    assert content.index(seniors.title) < content.index(coming.title) < content.index("Minione spotkania")
    assert content.index("Minione spotkania") < content.index(past.title)
    assert draft.title not in content
    assert seniors.title in filtered
    assert coming.title not in filtered


def test_the_list_reads_the_database_a_fixed_number_of_times(client, django_assert_max_num_queries):
    venue = make_venue()
    for n in range(3):
        make_meeting(venue=venue, days_ahead=n + 1)
        make_meeting(days_ahead=-n - 1)
    with django_assert_max_num_queries(6) as few:
        client.get(LIST_URL)
    for n in range(20):
        make_meeting(venue=venue, days_ahead=n + 5)
        make_meeting(days_ahead=-n - 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST_URL)


def test_a_meetings_page_shows_date_place_topics_and_accessibility_but_no_attendance_list(client):
    venue = make_venue(name="Sala sesyjna", induction_loop=True)
    meeting = make_meeting(
        venue=venue,
        topics="<p>Budżet obywatelski</p>",
        accessibility="Tłumacz PJM na życzenie.",
        registration_required=True,
        capacity=50,
    )
    meeting_register(meeting=meeting, full_name="Zofia Tajna", email="zofia@example.pl")

    content = client.get(meeting.get_absolute_url()).content.decode()

    for text in ("Sala sesyjna", "Budżet obywatelski", "Tłumacz PJM na życzenie.", "pętla indukcyjna", "49 miejsc"):
        assert text in content
    assert "Zofia Tajna" not in content
    assert "zofia@example.pl" not in content


def test_an_unpublished_meeting_has_no_page(client):
    meeting = make_meeting(published=False)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert client.get(meeting.get_absolute_url() + "kalendarz.ics").status_code == 404


def test_the_minutes_show_once_the_meeting_is_over(client):
    coming = make_meeting(minutes="<p>Protokół przyszły</p>")
    past = make_meeting(days_ahead=-2, minutes="<p>Ustalono remont chodnika.</p>")

    assert "Protokół przyszły" not in client.get(coming.get_absolute_url()).content.decode()
    assert "Ustalono remont chodnika." in client.get(past.get_absolute_url()).content.decode()


def test_one_meeting_as_ical_and_all_meetings_to_subscribe(client):
    venue = make_venue(name="Sala sesyjna", street_address="pl. Jana Pawła II 6")
    meeting = make_meeting(venue=venue, title="Spotkanie; z, mieszkańcami", ends_at=None)
    other = make_meeting(days_ahead=30)
    make_meeting(published=False, title="Szkic")

    one = client.get(meeting.get_absolute_url() + "kalendarz.ics")
    every = client.get(LIST_URL + "kalendarz.ics")

    assert one["Content-Type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(one.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Spotkanie; z, mieszkańcami"]
    assert events[0]["DTSTART"].dt == meeting.starts_at
    assert "pl. Jana Pawła II 6" in str(events[0]["LOCATION"])
    assert str(events[0]["UID"]).startswith(f"meeting-{meeting.pk}@")
    summaries = {str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(every.content).walk("VEVENT")}
    assert summaries == {meeting.title, other.title}


def test_a_change_of_time_in_the_admin_raises_the_calendar_sequence(clerk_client):
    from tests.meetings.conftest import PROMOTION_GROUP

    clerk = clerk_client(groups=[PROMOTION_GROUP])
    meeting = make_meeting()
    url = f"/admin-test/meetings/residentmeeting/{meeting.pk}/change/"
    page = clerk.get(url.replace("/admin-test/", _admin_prefix()))
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name, "") or "" for name in form.fields}
    new_start = timezone.localtime(meeting.starts_at + timedelta(hours=1))
    data.update(
        starts_at_0=new_start.strftime("%d.%m.%Y"),
        starts_at_1=new_start.strftime("%H:%M:%S"),
        ends_at_0="",
        ends_at_1="",
        capacity="",
        attendance_estimate="",
        **_empty_inlines(),
    )
    response = clerk.post(url.replace("/admin-test/", _admin_prefix()), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    meeting.refresh_from_db()
    assert meeting.starts_at == new_start
    assert meeting.ical_sequence == 1


def _admin_prefix():
    from django.urls import reverse

    return reverse("admin:index")


def _empty_inlines():
    data = {}
    for prefix in ("photos", "registrations"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def test_the_sitemap_lists_published_meetings_only(client):
    meeting = make_meeting()
    draft = make_meeting(published=False)
    content = client.get("/sitemap.xml").content.decode()
    assert meeting.get_absolute_url() in content
    assert draft.get_absolute_url() not in content
    assert ResidentMeeting.objects.count() == 2
