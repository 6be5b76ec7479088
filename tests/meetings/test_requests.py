"""Requests (wnioski) raised at a meeting: assigned to a unit, answered within the month, sent, summed up publicly."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.deadlines import open_deadlines
from core.models import OrganisationalUnit, OutboxMessage
from meetings.deadlines import request_answer_due
from meetings.models import MeetingRequest
from meetings.selectors import request_open_deadlines
from meetings.services import MeetingError, request_answer, request_record
from tests.meetings.conftest import EVENTS_GROUP, PROMOTION_GROUP
from tests.meetings.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return OrganisationalUnit.objects.create(symbol="DR", name="Wydział Dróg i Mostów")


@pytest.fixture
def past_meeting():
    return make_meeting(title="Spotkanie w Halembie", days_ahead=-2)


def record(meeting, unit, **fields):
    values = {"raised_by": "Jan Kowalski", "text": "Prosimy o przejście dla pieszych przy szkole.", "unit": unit}
    values.update(fields)
    return request_record(meeting=meeting, acting_user=None, **values)


def test_a_request_is_due_a_month_after_the_meeting_and_waits_in_the_terminarz(past_meeting, unit):
    request = record(past_meeting, unit)

    raised_on = timezone.localdate(past_meeting.starts_at)
    assert (request.raised_on, request.answer_due) == (raised_on, request_answer_due(raised_on))
    (row,) = [row for row in open_deadlines(section="promotion") if row.url.endswith(f"/{request.pk}/change/")]
    assert row.due_date == request.answer_due
    assert "Spotkanie w Halembie" in row.title
    assert "Jan Kowalski" not in row.title
    assert "244" in row.rule


def test_a_request_cannot_be_recorded_before_the_meeting(unit):
    with pytest.raises(MeetingError):
        record(make_meeting(days_ahead=3), unit)


def test_the_answer_is_mailed_to_a_resident_who_left_an_address_and_ends_the_clock(past_meeting, unit):
    request = record(past_meeting, unit, contact_email="jan.kowalski@example.pl")

    request_answer(request=request, answer="Przejście powstanie w maju.", acting_user=None)

    request.refresh_from_db()
    assert request.answered_on == timezone.localdate()
    assert request.answer_sent_at is not None
    (mail,) = OutboxMessage.objects.all()
    assert mail.to == ["jan.kowalski@example.pl"]
    assert "Przejście powstanie w maju." in mail.body_text
    assert "Wydział Dróg i Mostów" in mail.body_text
    assert not list(request_open_deadlines())


def test_without_contact_data_the_answer_is_recorded_and_nothing_is_sent(past_meeting, unit):
    request = record(past_meeting, unit)
    request_answer(request=request, answer="Odpowiedź.", acting_user=None)
    request.refresh_from_db()
    assert request.answered_on is not None
    assert request.answer_sent_at is None
    assert not OutboxMessage.objects.exists()


def test_an_empty_answer_or_a_second_one_is_refused(past_meeting, unit):
    request = record(past_meeting, unit)
    with pytest.raises(MeetingError):
        request_answer(request=request, answer="  ", acting_user=None)
    request_answer(request=request, answer="Odpowiedź.", acting_user=None)
    with pytest.raises(MeetingError):
        request_answer(request=request, answer="Inna.", acting_user=None)


def test_the_meetings_page_sums_up_requests_and_answers_without_who_raised_them(client, past_meeting, unit):
    answered = record(past_meeting, unit, text="Ławki w parku.", contact_email="zofia@example.pl", raised_by="Zofia")
    record(past_meeting, unit, text="Oświetlenie ulicy.")
    request_answer(request=answered, answer="Ławki staną w kwietniu.", acting_user=None)

    content = client.get(past_meeting.get_absolute_url()).content.decode()

    for text in ("Ławki w parku.", "Ławki staną w kwietniu.", "Oświetlenie ulicy.", "Wydział Dróg i Mostów"):
        assert text in content
    assert "zofia@example.pl" not in content
    assert "Jan Kowalski" not in content


def test_the_terminarz_reads_the_requests_in_one_query(past_meeting, unit, django_assert_num_queries):
    for n in range(5):
        record(past_meeting, unit, text=f"Wniosek {n}")
    with django_assert_num_queries(1):
        rows = list(request_open_deadlines())
    assert len(rows) == 5


def test_the_clerk_records_and_answers_a_request_in_the_admin(clerk_client, past_meeting, unit):
    clerk = clerk_client(groups=[PROMOTION_GROUP])
    add = reverse("admin:meetings_meetingrequest_add")
    response = clerk.post(
        add,
        {
            "meeting": past_meeting.pk,
            "raised_by": "Jan Kowalski",
            "contact_email": "jan.kowalski@example.pl",
            "text": "Prosimy o przejście dla pieszych.",
            "unit": unit.pk,
        },
    )
    assert response.status_code == 302
    request = MeetingRequest.objects.get()
    assert request.answer_due == request_answer_due(timezone.localdate(past_meeting.starts_at))

    change = reverse("admin:meetings_meetingrequest_change", args=[request.pk])
    response = clerk.post(
        change,
        {
            "raised_by": "Jan Kowalski",
            "contact_email": "jan.kowalski@example.pl",
            "text": "Prosimy o przejście dla pieszych.",
            "unit": unit.pk,
            "answer_text": "Przejście powstanie w maju.",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.answer, request.answered_by) == ("Przejście powstanie w maju.", clerk.clerk)
    assert OutboxMessage.objects.filter(to=["jan.kowalski@example.pl"]).exists()
    assert clerk_client(groups=[EVENTS_GROUP]).get(change).status_code == 403


def test_a_request_for_a_meeting_to_come_comes_back_on_the_admin_form(clerk_client, unit):
    clerk = clerk_client(groups=[PROMOTION_GROUP])
    meeting = make_meeting(starts_at=timezone.now() + timedelta(days=5))
    response = clerk.post(
        reverse("admin:meetings_meetingrequest_add"),
        {"meeting": meeting.pk, "raised_by": "Jan", "contact_email": "", "text": "Wniosek.", "unit": unit.pk},
    )
    assert response.status_code == 200
    assert not MeetingRequest.objects.exists()
