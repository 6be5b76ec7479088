"""Asked for changes, the organiser changes the submission itself from the tracking link and sends it back.

The event is corrected in place, the case returns to the clerk's queue as "awaiting review" with a history row,
and the clerk sees what was sent first and what changed.
"""

import io
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image

from core.applicant_changes import UNCHANGED
from core.models import ApplicantChange, CaseMessage, PrivateDocument, StatusChange
from core.public_cases import PRIVATE_REFERRER_POLICY
from core.public_forms import HONEYPOT_FIELD
from events.models import Category, District, Event, EventSubmission, Venue
from tests.helpers import public_form_data

URL = "/wydarzenia/zglos/"
EVENTS_GROUP = "Wydarzenia i imprezy masowe"
WIDGET = "%Y-%m-%dT%H:%M"
NOTE = "Prosimy podać godzinę zakończenia i cenę biletów."


def at(days, hour=18):
    return (timezone.localtime() + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def venue(db):
    return Venue.objects.create(name="MCK", street_address="ul. Niedurnego 69", district=District.NOWY_BYTOM)


@pytest.fixture
def submission(client, venue):
    data = public_form_data(
        title="Koncert kolęd",
        lead="Kolędy w wykonaniu chóru parafialnego.",
        description="Wstęp wolny.",
        category=Category.objects.get(slug="koncerty").pk,
        organiser_name="Chór Cantate",
        starts_at=at(20).strftime(WIDGET),
        venue=venue.pk,
        admission="free",
        contact_name="Anna Nowak",
        contact_email="anna.nowak@example.pl",
    )
    assert client.post(URL, data).status_code == 302
    return EventSubmission.objects.select_related("event", "register_entry").get()


@pytest.fixture
def clerk(clerk_client):
    return clerk_client(groups=[EVENTS_GROUP])


@pytest.fixture
def asked(submission, clerk):
    """The clerk has asked for changes from the admin's workflow panel."""
    response = clerk.post(
        f"/admin/events/eventsubmission/{submission.pk}/sprawa/", {"transition": "request_changes", "note": NOTE}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == EventSubmission.Status.CHANGES_REQUESTED
    return submission


def tracking(submission):
    return f"/sprawy/{submission.register_entry.tracking_token}/"


def changes_url(submission):
    return tracking(submission) + "zmiany/"


def changed_data(client, submission, **changes):
    """The changes form as the organiser finds it (filled in with the submission), with `changes` typed in."""
    form = client.get(changes_url(submission)).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.get_initial_for_field(field, name)
        if value in (None, False) or name in (HONEYPOT_FIELD, "form_started", "image"):
            continue
        if hasattr(value, "strftime"):
            value = timezone.localtime(value).strftime(WIDGET)
        data[name] = value
    return public_form_data(**{**data, **changes})


def test_the_tracking_page_offers_the_change_only_while_it_is_asked_for(submission, client, clerk):
    page = client.get(tracking(submission)).content.decode()
    assert changes_url(submission) not in page
    response = client.get(changes_url(submission))
    assert response.status_code == 302
    assert response["Location"] == tracking(submission)

    clerk.post(
        f"/admin/events/eventsubmission/{submission.pk}/sprawa/", {"transition": "request_changes", "note": NOTE}
    )
    page = client.get(tracking(submission)).content.decode()
    assert f'href="{changes_url(submission)}"' in page
    assert escape(gettext("The department has asked you for changes")) in page
    assert NOTE in page


def test_the_form_comes_filled_in_with_the_submission_and_stays_private(asked, client):
    response = client.get(changes_url(asked))
    assert response.status_code == 200
    assert response["Referrer-Policy"] == PRIVATE_REFERRER_POLICY
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert 'value="Koncert kolęd"' in page
    assert at(20).strftime(WIDGET) in page
    assert 'value="anna.nowak@example.pl"' in page
    assert NOTE in page
    assert 'enctype="multipart/form-data"' in page


def test_sent_changes_correct_the_event_and_return_the_case_to_the_clerk(
    asked, client, clerk, django_capture_on_commit_callbacks
):
    image = SimpleUploadedFile("plakat.png", png_bytes(), content_type="image/png")
    data = changed_data(
        client,
        asked,
        title="Koncert kolęd i pastorałek",
        ends_at=at(20, 20).strftime(WIDGET),
        starts_at_2=at(27).strftime(WIDGET),
        admission="paid",
        price_from="20",
        ticket_url="https://bilety.example.pl/koledy",
        image=image,
        image_alt_text="Chór Cantate w kościele",
        comment="Dodałam drugi koncert i cenę.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(changes_url(asked), data)
    assert response.status_code == 302
    assert response["Location"] == tracking(asked)

    asked.refresh_from_db()
    assert asked.status == EventSubmission.Status.SUBMITTED
    history = StatusChange.objects.filter(object_id=asked.pk, content_type__model="eventsubmission").latest("pk")
    assert (history.action, history.from_status, history.to_status, history.actor) == (
        "events.submission.resubmit",
        "changes_requested",
        "submitted",
        None,
    )
    assert history.note == gettext("Changes sent by the applicant.")
    event = Event.objects.get(pk=asked.event_id)
    assert (event.title, event.price_kind, event.status) == ("Koncert kolęd i pastorałek", "paid", "submitted")
    assert [(o.starts_at, o.ends_at) for o in event.occurrences.order_by("starts_at")] == [
        (at(20), at(20, 20)),
        (at(27), None),
    ]
    assert asked.image_document.original_name == "plakat.png"
    message = CaseMessage.objects.get(object_id=asked.pk, author_kind=CaseMessage.Author.APPLICANT)
    assert message.body == "Dodałam drugi koncert i cenę."

    change = ApplicantChange.objects.get()
    differences = {label: (old, new) for label, old, new in change.differences()}
    assert differences[gettext("Title of the event")] == ("Koncert kolęd", "Koncert kolęd i pastorałek")
    assert differences[gettext("Admission")] == (gettext("free admission"), gettext("paid admission"))
    assert differences[gettext("Image")] == ("—", "plakat.png")
    assert "Anna Nowak" in [text for _key, _label, text in change.before]

    page = client.get(tracking(asked)).content.decode()
    assert changes_url(asked) not in page
    assert escape(gettext("Your changes have been sent. The department will look at them again.")) in page

    admin_page = clerk.get(f"/admin/events/eventsubmission/{asked.pk}/change/").content.decode()
    assert "Koncert kolęd i pastorałek" in admin_page
    assert '<td class="applicant-change__old">Koncert kolęd</td>' in admin_page
    assert escape(gettext("See what they sent first and what they changed")) in admin_page
    assert 'value="accept"' in admin_page


def test_nothing_changed_is_refused_and_the_case_still_waits(asked, client):
    response = client.post(changes_url(asked), changed_data(client, asked))
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert response.context["form"].non_field_errors() == [str(UNCHANGED)]
    asked.refresh_from_db()
    assert asked.status == EventSubmission.Status.CHANGES_REQUESTED
    assert not ApplicantChange.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"starts_at": (timezone.localtime() - timedelta(days=1)).strftime(WIDGET)}, "starts_at"),
        ({"title": ""}, "title"),
        ({"admission": "paid"}, "price_from"),
        ({"contact_email": "anna@"}, "contact_email"),
        ({"comment": "Zmiana\x07"}, "comment"),
    ],
)
def test_bad_changes_get_the_form_back_with_a_message_and_change_nothing(asked, client, changes, field):
    response = client.post(changes_url(asked), changed_data(client, asked, **{"title": "Nowy tytuł", **changes}))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert 'class="error-summary"' in response.content.decode()
    asked.refresh_from_db()
    assert asked.status == EventSubmission.Status.CHANGES_REQUESTED
    assert Event.objects.get(pk=asked.event_id).title == "Koncert kolęd"
    assert not ApplicantChange.objects.exists()


def test_an_image_already_sent_keeps_needing_its_description(asked, client):
    image = SimpleUploadedFile("plakat.png", png_bytes(), content_type="image/png")
    first = changed_data(client, asked, image=image, image_alt_text="Chór w kościele")
    assert client.post(changes_url(asked), first).status_code == 302
    asked.refresh_from_db()
    assert PrivateDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(EventSubmission), object_id=asked.pk
    ).exists()
    # Asked again, the organiser clears the description of the image already sent.
    EventSubmission.objects.filter(pk=asked.pk).update(status=EventSubmission.Status.CHANGES_REQUESTED)
    response = client.post(changes_url(asked), changed_data(client, asked, image_alt_text=""))
    assert response.status_code == 200
    assert response.context["form"].errors["image_alt_text"]


def test_a_filled_honeypot_changes_nothing(asked, client):
    response = client.post(
        changes_url(asked), changed_data(client, asked, title="Spam", **{HONEYPOT_FIELD: "http://spam"})
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == EventSubmission.Status.CHANGES_REQUESTED
    assert not ApplicantChange.objects.exists()


def test_changes_are_rate_limited(asked, client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    client.post(changes_url(asked), changed_data(client, asked, title=""))
    assert client.post(changes_url(asked), changed_data(client, asked, title="")).status_code == 429


def test_an_unknown_or_overlong_token_is_not_found(client, db):
    assert client.get("/sprawy/nieznany-token/zmiany/").status_code == 404
    assert client.get("/sprawy/" + "x" * 80 + "/zmiany/").status_code == 404


def test_a_closed_case_cannot_be_changed(asked, client, clerk):
    data = changed_data(client, asked, title="Nowy tytuł")
    clerk.post(f"/admin/events/eventsubmission/{asked.pk}/sprawa/", {"transition": "reject", "note": "Poza miastem."})
    response = client.post(changes_url(asked), data)
    assert response.status_code == 302
    assert Event.objects.get(pk=asked.event_id).title == "Koncert kolęd"
