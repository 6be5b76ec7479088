"""Clerks change a case's status only through the workflow panel; the applicant sees it on the tracking page."""

import pytest
from django.core import mail

from core.models import CaseMessage, Feedback, StatusChange
from core.services import case_open
from tests.helpers import public_form_data

SITE = "Redakcja portalu"


@pytest.fixture
def feedback(db):
    return case_open(
        case=Feedback(message="Proszę o kalendarz dla seniorów.", contact_email="jan.kowalski@example.pl"),
        title="Opinia o portalu",
    )


def change_url(case):
    return f"/admin/core/feedback/{case.pk}/change/"


def workflow_url(case):
    return f"/admin/core/feedback/{case.pk}/sprawa/"


def test_status_cannot_be_typed_in_the_change_form(clerk_client, feedback):
    """The status is read-only: a forged POST of the change form leaves it unchanged."""
    client = clerk_client(groups=[SITE])
    page = client.get(change_url(feedback)).content.decode()
    assert 'name="status"' not in page
    assert 'value="take"' in page  # the allowed transitions are buttons
    client.post(change_url(feedback), {"status": "answered", "handler": ""})
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.NEW


def test_panel_button_moves_the_case_and_writes_history(clerk_client, feedback):
    client = clerk_client(groups=[SITE])
    response = client.post(workflow_url(feedback), {"transition": "take", "note": ""})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.IN_PROGRESS
    change = StatusChange.objects.filter(object_id=feedback.pk).latest("pk")
    assert (change.action, change.actor) == ("core.feedback.take", client.clerk)
    page = client.get(change_url(feedback)).content.decode()
    assert "w toku" in page or "in progress" in page


def test_refused_transition_shows_a_polish_error_and_changes_nothing(clerk_client, feedback):
    client = clerk_client(groups=[SITE])
    client.post(workflow_url(feedback), {"transition": "answer"})
    rows = StatusChange.objects.count()
    response = client.post(workflow_url(feedback), {"transition": "take"}, follow=True)
    assert "nie jest możliwe" in response.content.decode()
    assert StatusChange.objects.count() == rows


def test_read_only_head_of_department_cannot_move_a_case(clerk_client, feedback):
    client = clerk_client(groups=["Naczelnik wydziału (podgląd)"])
    assert client.get(change_url(feedback)).status_code == 200
    response = client.post(workflow_url(feedback), {"transition": "take"})
    assert response.status_code == 403
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.NEW


def test_clerk_message_reaches_the_tracking_page_and_is_announced_by_mail(
    clerk_client, feedback, client, django_capture_on_commit_callbacks
):
    clerk = clerk_client(groups=[SITE])
    with django_capture_on_commit_callbacks(execute=True):
        clerk.post(workflow_url(feedback), {"send_message": "1", "message": "Dziękujemy, kalendarz powstanie."})
    assert CaseMessage.objects.get().author_kind == CaseMessage.Author.CLERK
    assert len(mail.outbox) == 1
    announcement = mail.outbox[0]
    assert announcement.to == ["jan.kowalski@example.pl"]
    assert feedback.case_mark in announcement.subject
    assert "kalendarz powstanie" not in announcement.body  # the message itself stays on the private page
    tracking = f"/sprawy/{feedback.register_entry.tracking_token}/"
    assert tracking in announcement.body
    page = client.get(tracking).content.decode()
    assert "Dziękujemy, kalendarz powstanie." in page


def test_applicant_reply_on_the_tracking_page_reaches_the_clerk(clerk_client, feedback, client):
    tracking = f"/sprawy/{feedback.register_entry.tracking_token}/"
    response = client.post(tracking, public_form_data(body="Dziękuję za odpowiedź!"))
    assert response.status_code == 302
    reply = CaseMessage.objects.get()
    assert (reply.author_kind, reply.body) == (CaseMessage.Author.APPLICANT, "Dziękuję za odpowiedź!")
    page = clerk_client(groups=[SITE]).get(change_url(feedback)).content.decode()
    assert "Dziękuję za odpowiedź!" in page


def test_tracking_page_of_an_unknown_token_is_not_found(client, db):
    assert client.get("/sprawy/nieistniejacy-token/").status_code == 404
    assert client.get("/sprawy/" + "x" * 300 + "/").status_code == 404


def test_opinions_waiting_for_an_answer_appear_in_the_terminarz(clerk_client, feedback):
    """An opinion whose sender asked for an answer is listed; one without an address is not."""
    case_open(case=Feedback(message="Bez odpowiedzi"), title="Opinia o portalu")
    page = clerk_client(groups=[SITE]).get("/admin/terminarz/").content.decode()
    assert feedback.case_mark in page
    assert "Bez odpowiedzi" not in page
