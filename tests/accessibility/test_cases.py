"""Requests for accessibility and demands for digital accessibility as cases (DOMAIN.md §G.2, §G.4).

The public forms open cases (with a PJM recording if sent); the answer is due in 14 or 7 days (the Terminarz), may be
put off with a notice to at most 2 months, and ends with accessibility ensured or alternative access, each a letter
that names the complaint path of its act; a case without contact data is left without consideration.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from accessibility.deadlines import (
    accessibility_extension_latest,
    accessibility_request_answer_due,
    digital_demand_answer_due,
)
from accessibility.models import AccessibilityRequest, DigitalAccessibilityDemand
from core.deadlines import open_deadlines
from core.models import CaseMessage, PrivateDocument
from tests.accessibility.conftest import DEMAND_URL, PRESS_GROUP, REQUEST_URL, video_file
from tests.accessibility.factories import make_demand, make_request
from tests.helpers import workflow

Status = AccessibilityRequest.Status
pytestmark = pytest.mark.django_db


def letters(case):
    return list(
        PrivateDocument.objects.filter(object_id=case.pk, kind=PrivateDocument.Kind.LETTER).values_list(
            "description", flat=True
        )
    )


def test_the_request_form_opens_a_case_with_the_pjm_recording(
    client, request_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REQUEST_URL, request_data(video=video_file()))
    assert response.status_code == 302
    request = AccessibilityRequest.objects.get()
    assert request.case_mark.startswith("KSP.0630.")
    assert (request.status, request.received_on) == (Status.RECEIVED, timezone.localdate())
    video = PrivateDocument.objects.get(object_id=request.pk, kind=PrivateDocument.Kind.ATTACHMENT)
    assert (video.description, video.mime_type) == ("Nagranie w polskim języku migowym (PJM)", "video/mp4")
    assert [message.to for message in mail.outbox] == [["anna.nowak@example.pl"]]
    assert request.case_mark in mail.outbox[0].subject


def test_a_file_that_is_no_recording_is_refused_as_the_video(client, request_data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("pjm.mp4", b"<html>not a video</html>", content_type="video/mp4")
    response = client.post(REQUEST_URL, request_data(video=fake))
    assert response.status_code == 200
    assert "video" in response.context["form"].errors
    assert not AccessibilityRequest.objects.exists()


def test_the_form_asks_for_a_way_to_answer(client, request_data):
    response = client.post(REQUEST_URL, request_data(contact_email="", contact_method="phone"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert (
        gettext("Give an e-mail, a phone number or a postal address: without them we cannot answer.")
        in errors["contact_email"]
    )
    assert not AccessibilityRequest.objects.exists()

    response = client.post(REQUEST_URL, request_data(contact_method="post"))
    assert (
        gettext("Fill this in to be contacted the way you chose.")
        in response.context["form"].errors["contact_address"]
    )


def test_the_demand_form_opens_a_case(client, demand_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DEMAND_URL, demand_data())
    assert response.status_code == 302
    demand = DigitalAccessibilityDemand.objects.get()
    assert (demand.status, demand.page_url) == (Status.RECEIVED, "https://kultura.rudaslaska.pl/wydarzenia/")
    assert len(mail.outbox) == 1


def test_the_clocks_are_in_the_terminarz_until_answered(coordinator):
    filed = timezone.localdate() - timedelta(days=2)
    request, demand = make_request(received_on=filed), make_demand(received_on=filed)
    rows = {row.case_mark: row for row in open_deadlines(section="accessibility")}
    assert rows[request.case_mark].due_date == accessibility_request_answer_due(filed)
    assert rows[demand.case_mark].due_date == digital_demand_answer_due(filed)
    assert "14 dni" in rows[request.case_mark].rule
    assert "7 dni" in rows[demand.case_mark].rule

    AccessibilityRequest.objects.filter(pk=request.pk).update(answer="Zamontowano dzwonek przy wejściu.")
    workflow(coordinator, request, "ensure")
    assert request.case_mark not in {row.case_mark for row in open_deadlines(section="accessibility")}


def test_a_delay_needs_the_date_within_2_months_and_the_reason(coordinator, rendered_letters):
    request = make_request(received_on=timezone.localdate() - timedelta(days=3))
    workflow(coordinator, request, "extend")
    assert request.status == Status.RECEIVED

    too_late = accessibility_extension_latest(request.received_on) + timedelta(days=1)
    AccessibilityRequest.objects.filter(pk=request.pk).update(extended_to=too_late, delay_reason="Przetarg.")
    request.refresh_from_db()
    workflow(coordinator, request, "extend")
    assert request.status == Status.RECEIVED
    assert not letters(request)

    new_date = accessibility_extension_latest(request.received_on)
    AccessibilityRequest.objects.filter(pk=request.pk).update(extended_to=new_date)
    request.refresh_from_db()
    workflow(coordinator, request, "extend")
    assert (request.status, request.delay_notified_on) == (Status.EXTENDED, timezone.localdate())
    assert letters(request) == ["Zawiadomienie o opóźnieniu"]
    assert "Przetarg." in rendered_letters[0]
    [row] = [row for row in open_deadlines(section="accessibility") if row.case_mark == request.case_mark]
    assert row.due_date == new_date
    message = CaseMessage.objects.get(object_id=request.pk, author_kind=CaseMessage.Author.CLERK)
    assert new_date.strftime("%d.%m.%Y") in message.body


def test_the_answer_to_a_request_explains_the_complaint_to_pfron(coordinator, rendered_letters):
    request = make_request()
    workflow(coordinator, request, "ensure")
    assert request.status == Status.RECEIVED  # nothing written yet about what was done

    AccessibilityRequest.objects.filter(pk=request.pk).update(answer="Zamontowano dzwonek przy wejściu.")
    request.refresh_from_db()
    workflow(coordinator, request, "ensure")
    assert (request.status, request.answered_on) == (Status.ENSURED, timezone.localdate())
    assert request.closed_at is not None
    assert letters(request) == ["Odpowiedź"]
    html = rendered_letters[0]
    assert "Zamontowano dzwonek przy wejściu." in html
    assert "Prezesa Zarządu Państwowego Funduszu Rehabilitacji Osób Niepełnosprawnych" in html
    assert "Rzecznika Praw Obywatelskich" not in html


def test_the_answer_to_a_demand_with_alternative_access_explains_the_complaint_and_the_rpo(
    coordinator, rendered_letters
):
    demand = make_demand()
    DigitalAccessibilityDemand.objects.filter(pk=demand.pk).update(answer="Program przesyłamy jako plik tekstowy.")
    demand.refresh_from_db()
    workflow(coordinator, demand, "alternative")
    assert demand.status == Status.ALTERNATIVE
    html = rendered_letters[0]
    assert "dostęp alternatywny" in html
    assert "Rzecznika Praw Obywatelskich" in html
    assert "PFRON" not in html
    assert "Rehabilitacji" not in html


def test_only_a_case_without_contact_data_is_left_without_consideration(coordinator):
    with_contact = make_request()
    workflow(coordinator, with_contact, "leave_unconsidered")
    assert with_contact.status == Status.RECEIVED

    on_paper = make_request(contact_email="", channel="paper")
    workflow(coordinator, on_paper, "leave_unconsidered")
    assert on_paper.status == Status.LEFT_UNCONSIDERED
    assert on_paper.closed_at is not None
    # Nobody to answer: no answer may be sent either.
    other = make_demand(contact_email="")
    DigitalAccessibilityDemand.objects.filter(pk=other.pk).update(answer="Poprawiono.")
    other.refresh_from_db()
    workflow(coordinator, other, "ensure")
    assert other.status == Status.RECEIVED


@pytest.mark.parametrize("model", [AccessibilityRequest, DigitalAccessibilityDemand])
def test_only_the_coordinator_may_open_the_cases(model, clerk_client, coordinator):
    case = make_request() if model is AccessibilityRequest else make_demand()
    url = reverse(f"admin:accessibility_{model._meta.model_name}_change", args=[case.pk])
    assert coordinator.get(url).status_code == 200
    press = clerk_client(groups=[PRESS_GROUP])
    assert press.get(url).status_code == 403
    workflow(press, case, "extend", expect=403)
