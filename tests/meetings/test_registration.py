"""A resident registers for a meeting on its page; registration closes at capacity, with a refusal, never a 5xx."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings.models import MeetingRegistration
from meetings.services import MeetingError, meeting_register
from tests.meetings.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_a_resident_registers_and_sees_the_confirmation(client, registration_data):
    meeting = make_meeting(registration_required=True, capacity=2)

    page = client.get(meeting.get_absolute_url())
    assert "2 miejsca" in page.content.decode()
    response = client.post(meeting.get_absolute_url(), registration_data(needs="Tłumacz PJM"))

    assert response.status_code == 302
    assert response["Location"].endswith("/zapisano/")
    registration = MeetingRegistration.objects.get()
    assert (registration.full_name, registration.needs, registration.meeting) == (
        "Jan Kowalski",
        "Tłumacz PJM",
        meeting,
    )
    meeting.refresh_from_db()
    assert meeting.registered_count == 1
    confirmation = client.get(response["Location"])
    assert "kalendarz.ics" in confirmation.content.decode()


def test_the_last_place_taken_closes_the_registration(client, registration_data):
    meeting = make_meeting(registration_required=True, capacity=1)
    meeting_register(meeting=meeting, full_name="Maria Nowak")

    page = client.get(meeting.get_absolute_url())
    response = client.post(meeting.get_absolute_url(), registration_data())

    assert 'name="full_name"' not in page.content.decode()
    assert "wszystkie miejsca są zajęte" in page.content.decode()
    assert response.status_code == 409
    assert MeetingRegistration.objects.count() == 1


def test_the_service_refuses_a_place_beyond_the_capacity():
    meeting = make_meeting(registration_required=True, capacity=1)
    meeting_register(meeting=meeting, full_name="Maria Nowak")

    with pytest.raises(MeetingError) as refusal:
        meeting_register(meeting=meeting, full_name="Jan Kowalski")

    assert refusal.value.code == "full"
    meeting.refresh_from_db()
    assert meeting.registered_count == 1


def test_without_a_capacity_everyone_may_register():
    meeting = make_meeting(registration_required=True, capacity=None)
    for n in range(5):
        meeting_register(meeting=meeting, full_name=f"Mieszkaniec {n}")
    meeting.refresh_from_db()
    assert meeting.registered_count == 5


@pytest.mark.parametrize(
    "fields",
    [
        {"registration_required": False},
        {"days_ahead": -1},
    ],
    ids=["no registration", "meeting started"],
)
def test_a_meeting_without_registration_or_that_started_takes_none(client, registration_data, fields):
    meeting = make_meeting(**{"registration_required": True, "capacity": 10, **fields})

    response = client.post(meeting.get_absolute_url(), registration_data())

    assert response.status_code == 409
    assert not MeetingRegistration.objects.exists()


def test_an_unpublished_meeting_takes_no_registration():
    meeting = make_meeting(published=False, registration_required=True)
    with pytest.raises(MeetingError):
        meeting_register(meeting=meeting, full_name="Jan Kowalski")


def test_a_form_without_a_name_comes_back_in_polish(client, registration_data):
    meeting = make_meeting(registration_required=True, capacity=10)

    response = client.post(meeting.get_absolute_url(), registration_data(full_name="", phone="abc"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "To pole jest wymagane." in content
    assert "cyfr" in content
    assert not MeetingRegistration.objects.exists()


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_stored(client, registration_data):
    meeting = make_meeting(registration_required=True, capacity=10)

    response = client.post(meeting.get_absolute_url(), registration_data(hp_website="http://spam.example"))

    assert response.status_code == 302
    assert not MeetingRegistration.objects.exists()
    meeting.refresh_from_db()
    assert meeting.registered_count == 0


def test_the_capacity_cannot_be_lowered_below_the_registered(client):
    meeting = make_meeting(registration_required=True, capacity=3, starts_at=timezone.now() + timedelta(days=3))
    meeting_register(meeting=meeting, full_name="Maria Nowak")
    meeting_register(meeting=meeting, full_name="Jan Kowalski")
    meeting.refresh_from_db()

    meeting.capacity = 1
    with pytest.raises(ValidationError) as refusal:
        meeting.full_clean()
    assert refusal.value.message_dict["capacity"] == ["Zapisało się już 2 osób."]
