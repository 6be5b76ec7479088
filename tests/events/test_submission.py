"""The "Zgłoś wydarzenie" journey: an organiser's event becomes a case, a clerk accepts, asks for changes or rejects.

The organiser follows the case on the private tracking page; the event reaches the public calendar only
when the clerk accepts it.
"""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from core.models import CaseMessage, InformationClause, StatusChange
from core.public_forms import HONEYPOT_FIELD
from events.models import Category, Event, EventOccurrence, EventSubmission
from tests.events.factories import mck_venue
from tests.helpers import public_form_data, started_seconds_ago

URL = "/wydarzenia/zglos/"
EVENTS_GROUP = "Wydarzenia i imprezy masowe"
WIDGET_FORMAT = "%Y-%m-%dT%H:%M"


@pytest.fixture
def venue(db):
    return mck_venue()


@pytest.fixture
def submission_data(venue):
    """POST data of a complete submission, as a person would send it; keyword arguments change fields."""

    def make(**changes):
        start = (timezone.localtime() + timedelta(days=14)).replace(hour=18, minute=0, second=0, microsecond=0)
        fields = {
            "title": "Koncert Orkiestry Dętej KWK Halemba",
            "lead": "Wieczór marszów, walców i muzyki filmowej na świeżym powietrzu.",
            "description": "Zagra 40 muzyków.\n\nWstęp wolny, liczba miejsc siedzących ograniczona.",
            "category": Category.objects.get(slug="koncerty").pk,
            "organiser_name": "Stowarzyszenie Przyjaciół Halemby",
            "starts_at": start.strftime(WIDGET_FORMAT),
            "ends_at": (start + timedelta(hours=2)).strftime(WIDGET_FORMAT),
            "venue": venue.pk,
            "admission": "free",
            "ticket_url": "",
            "contact_name": "Anna Nowak",
            "contact_email": "anna.nowak@example.pl",
            "contact_phone": "+48 32 244 90 00",
        }
        return public_form_data(**{**fields, **changes})

    return make


def tracking_path(submission):
    return f"/sprawy/{submission.register_entry.tracking_token}/"


def workflow_url(submission):
    return f"/admin/events/eventsubmission/{submission.pk}/sprawa/"


@pytest.fixture
def submission(client, submission_data):
    """A submission sent through the public form."""
    response = client.post(URL, submission_data())
    assert response.status_code == 302
    return EventSubmission.objects.select_related("event", "register_entry").get()


# The public form -----------------------------------------------------------------------------------------


def test_form_shows_grouped_fields_and_the_information_clause(client, venue):
    page = client.get(URL).content.decode()
    for legend in ["The event", "Image", "Date and place", "Audience and admission", "Contact with the organiser"]:
        assert f"<legend>{escape(gettext(legend))}</legend>" in page
    assert 'enctype="multipart/form-data"' in page
    for name in ["title", "lead", "starts_at", "ends_at", "starts_at_2", "venue", "admission", "contact_email"]:
        assert f'name="{name}"' in page
    clause = InformationClause.objects.get(form_key="events.submission", version=1)
    assert clause.legal_basis == InformationClause.LegalBasis.PUBLIC_TASK
    assert "art. 6 ust. 1 lit. e RODO" in page
    assert f'name="{HONEYPOT_FIELD}"' in page
    assert 'name="submission_token"' in page


def test_valid_submission_opens_a_case_with_a_submitted_event(
    client, submission_data, django_capture_on_commit_callbacks
):
    """Case mark KSP.0430.N.YEAR, an event awaiting review with its one date, the clause shown and one e-mail."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, submission_data())
    assert response.status_code == 302
    submission = EventSubmission.objects.select_related("event", "register_entry").get()
    assert response["Location"] == f"/sprawy/{submission.register_entry.tracking_token}/potwierdzenie/"
    year = timezone.localdate().year
    assert re.fullmatch(rf"KSP\.0430\.\d+\.{year}", submission.case_mark)
    assert submission.status == EventSubmission.Status.SUBMITTED
    assert submission.info_clause == InformationClause.objects.get(form_key="events.submission", version=1)
    assert (submission.contact_name, submission.contact_email) == ("Anna Nowak", "anna.nowak@example.pl")
    assert StatusChange.objects.filter(object_id=submission.pk, action="events.submission.open").count() == 1

    event = submission.event
    assert event.status == Event.Status.SUBMITTED
    assert event.title == "Koncert Orkiestry Dętej KWK Halemba"
    assert event.is_free
    assert event.description == (
        "<p>Zagra 40 muzyków.</p>\n\n<p>Wstęp wolny, liczba miejsc siedzących ograniczona.</p>"
    )
    occurrence = EventOccurrence.objects.get(event=event)
    assert timezone.localtime(occurrence.starts_at).hour == 18
    assert occurrence.ends_at - occurrence.starts_at == timedelta(hours=2)
    assert event not in Event.objects.published()

    assert len(mail.outbox) == 1
    confirmation_mail = mail.outbox[0]
    assert confirmation_mail.to == ["anna.nowak@example.pl"]
    assert submission.case_mark in confirmation_mail.subject
    assert tracking_path(submission) in confirmation_mail.body

    confirmation = client.get(response["Location"])
    page = confirmation.content.decode()
    assert submission.case_mark in page
    assert tracking_path(submission) in page
    assert confirmation["X-Robots-Tag"] == "noindex, nofollow"


def test_markup_in_the_description_stays_text(client, submission_data):
    response = client.post(URL, submission_data(description='<a href="https://spam.example">Tanie bilety</a>'))
    assert response.status_code == 302
    assert EventSubmission.objects.get().event.description == (
        '<p>&lt;a href="https://spam.example"&gt;Tanie bilety&lt;/a&gt;</p>'
    )


def _past():
    return (timezone.localtime() - timedelta(days=1)).strftime(WIDGET_FORMAT)


def _soon(hours):
    return (timezone.localtime() + timedelta(days=3, hours=hours)).strftime(WIDGET_FORMAT)


INVALID = {
    "start-in-the-past": ({"starts_at": _past, "ends_at": ""}, "starts_at", "The start must be in the future."),
    "no-start": ({"starts_at": "", "ends_at": ""}, "starts_at", None),
    "end-before-start": (
        {"starts_at": lambda: _soon(5), "ends_at": lambda: _soon(2)},
        "ends_at",
        "The end must not be before the start.",
    ),
    "title-too-long": ({"title": "Ł" * 201}, "title", None),
    "lead-too-long": ({"lead": "a" * 301}, "lead", None),
    "description-too-long": ({"description": "a" * 5001}, "description", None),
    "control-characters": (
        {"lead": "Koncert\x1b[31m\x07"},
        "lead",
        "The text contains control characters that are not allowed.",
    ),
    "control-characters-in-name": (
        {"contact_name": "Anna\x08 Nowak"},
        "contact_name",
        "The text contains control characters that are not allowed.",
    ),
    "bad-url": ({"ticket_url": "javascript:alert(1)"}, "ticket_url", None),
    "invalid-email": ({"contact_email": "anna@"}, "contact_email", None),
    "no-email": ({"contact_email": ""}, "contact_email", None),
    "bad-phone": (
        {"contact_phone": "zadzwoń po 18"},
        "contact_phone",
        "Enter a phone number using digits, spaces and the signs + ( ) - only.",
    ),
    "unknown-venue": ({"venue": "999999"}, "venue", None),
}


@pytest.mark.parametrize("case", INVALID)
def test_invalid_submission_is_refused_with_a_message_and_stores_nothing(case, client, submission_data):
    changes, field, message = INVALID[case]
    changes = {name: value() if callable(value) else value for name, value in changes.items()}
    response = client.post(URL, submission_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field]
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert f'href="#id_{field}"' in page
    if message:
        assert form.errors[field] == [gettext(message)]
        assert escape(gettext(message)) in page
    if case.endswith("too-long"):
        assert re.search(r"\b(200|300|5000|5 000)\b", form.errors[field][0])
    assert not EventSubmission.objects.exists()
    assert not Event.objects.exists()


def test_filled_honeypot_pretends_success_and_stores_nothing(client, submission_data):
    response = client.post(URL, submission_data(**{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 302
    assert response["Location"] == "/sprawy/przyjeto/"
    assert not EventSubmission.objects.exists()
    assert not Event.objects.exists()


def test_form_sent_too_fast_asks_to_wait(client, submission_data):
    data = submission_data()
    data["form_started"] = started_seconds_ago(0)
    response = client.post(URL, data)
    assert response.status_code == 200
    assert escape(gettext("The form was sent too quickly. Please wait a moment and send it again.")) in (
        response.content.decode()
    )
    assert not Event.objects.exists()


def test_flood_of_posts_gets_429_after_the_limit(client, submission_data):
    limit = settings.PUBLIC_FORM_RATE_LIMIT
    statuses = [client.post(URL, submission_data(title="")).status_code for _ in range(limit + 2)]
    assert statuses == [200] * limit + [429] * 2
    assert client.post(URL, submission_data()).status_code == 429
    assert not Event.objects.exists()


def test_double_submit_opens_one_case_and_one_event(client, submission_data):
    """The same form sent twice (double click, back button) opens one case and leaves no orphan event."""
    data = submission_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert EventSubmission.objects.count() == 1
    assert Event.objects.count() == 1
    assert EventOccurrence.objects.count() == 1


# The clerk's decision ------------------------------------------------------------------------------------


def test_accepting_publishes_the_event_and_tells_the_organiser(
    submission, clerk_client, client, django_capture_on_commit_callbacks
):
    clerk = clerk_client(groups=[EVENTS_GROUP])
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(workflow_url(submission), {"transition": "accept", "note": ""})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.ACCEPTED
    assert submission.closed_at is not None
    event = Event.objects.get(pk=submission.event_id)
    assert event.status == Event.Status.PUBLISHED
    assert event.published_at is not None
    assert event in Event.objects.published()

    accepted = gettext("Your event has been accepted and published in the city's calendar.")
    message = CaseMessage.objects.get(object_id=submission.pk)
    assert (message.author_kind, message.body) == (CaseMessage.Author.CLERK, accepted)
    page = client.get(tracking_path(submission)).content.decode()
    assert escape(accepted) in page
    assert escape(str(EventSubmission.Status.ACCEPTED.label)) in page
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna.nowak@example.pl"]
    assert submission.case_mark in mail.outbox[0].subject


def test_the_tracking_page_links_to_the_event_while_it_is_public(submission, clerk_client, client):
    """Accepted, the organiser follows a link from the case page to the event in the calendar; unpublished, it goes."""
    link = escape(gettext("See your event in the city's calendar"))
    assert link not in client.get(tracking_path(submission)).content.decode()
    clerk = clerk_client(groups=[EVENTS_GROUP])
    clerk.post(workflow_url(submission), {"transition": "accept", "note": ""})
    page = client.get(tracking_path(submission)).content.decode()
    assert f'<a href="/wydarzenia/{submission.event.slug}/">{link}</a>' in page
    assert client.get(f"/wydarzenia/{submission.event.slug}/").status_code == 200

    clerk.post(f"/admin/events/event/{submission.event_id}/sprawa/", {"transition": "unpublish"})
    assert link not in client.get(tracking_path(submission)).content.decode()


def test_asking_for_changes_needs_a_note(submission, clerk_client):
    clerk = clerk_client(groups=[EVENTS_GROUP])
    response = clerk.post(workflow_url(submission), {"transition": "request_changes", "note": "  "}, follow=True)
    assert "Ta czynność wymaga adnotacji z uzasadnieniem." in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.SUBMITTED
    assert not CaseMessage.objects.exists()


def test_asking_for_changes_shows_the_note_on_the_tracking_page(submission, clerk_client, client):
    note = "Prosimy o podanie godziny zakończenia i informacji o dostępności sceny."
    clerk = clerk_client(groups=[EVENTS_GROUP])
    clerk.post(workflow_url(submission), {"transition": "request_changes", "note": note})
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.CHANGES_REQUESTED
    page = client.get(tracking_path(submission)).content.decode()
    assert note in page
    assert submission.event not in Event.objects.published()


def test_rejecting_the_event_from_its_panel_rejects_the_submission_and_tells_the_organiser(
    submission, clerk_client, client
):
    reason = "Termin pokrywa się z Industriadą."
    clerk = clerk_client(groups=[EVENTS_GROUP])
    response = clerk.post(
        f"/admin/events/event/{submission.event_id}/sprawa/", {"transition": "reject", "note": reason}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.REJECTED
    assert submission.closed_at is not None
    assert Event.objects.get(pk=submission.event_id).status == Event.Status.REJECTED
    assert reason in client.get(tracking_path(submission)).content.decode()


def test_publishing_the_event_from_its_panel_accepts_the_submission(submission, clerk_client, client):
    clerk = clerk_client(groups=[EVENTS_GROUP])
    clerk.post(f"/admin/events/event/{submission.event_id}/sprawa/", {"transition": "publish"})
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.ACCEPTED
    assert Event.objects.published().filter(pk=submission.event_id).exists()
    accepted = gettext("Your event has been accepted and published in the city's calendar.")
    assert escape(accepted) in client.get(tracking_path(submission)).content.decode()


def test_rejected_event_never_becomes_public(submission, clerk_client, client):
    reason = "Wydarzenie odbywa się poza Rudą Śląską."
    clerk = clerk_client(groups=[EVENTS_GROUP])
    clerk.post(workflow_url(submission), {"transition": "reject", "note": reason})
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.REJECTED
    event = Event.objects.get(pk=submission.event_id)
    # The event leaves the "submitted" queue with the same reason in its history.
    assert event.status == Event.Status.REJECTED
    assert StatusChange.objects.get(object_id=event.pk, action="events.event.reject").note == reason
    assert event.published_at is None
    assert not Event.objects.published().exists()
    assert reason in client.get(tracking_path(submission)).content.decode()
    # A rejected case is closed: accepting it afterwards is refused.
    clerk.post(workflow_url(submission), {"transition": "accept"})
    assert not Event.objects.published().exists()
