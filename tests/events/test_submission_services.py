"""The services behind "Zgłoś wydarzenie": the submitted event is prepared with the case and received after it opens.

`submission_prepare` runs before the case mark exists (in the transaction that opens the case), so whatever it
creates goes back with a losing double submit; `submission_received` runs once the case is open.
"""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.models import OutboxMessage, PrivateDocument
from core.services import case_open
from core.uploads import IMAGE_KINDS, validate_upload
from events.models import Event, EventSubmission
from events.services import EventError, submission_prepare, submission_received
from tests.events.factories import VenueFactory, at, category

TRACKING_URL = "https://kultura.rudaslaska.pl/sprawy/abc/"


def event_fields(**changes) -> dict:
    return {
        "title": "Koncert Orkiestry Dętej KWK Halemba",
        "lead": "Wieczór marszów, walców i muzyki filmowej.",
        "category": category(),
        "venue": VenueFactory(),
        "organiser_name": "Stowarzyszenie Przyjaciół Halemby",
        **changes,
    }


def unsaved_submission() -> EventSubmission:
    return EventSubmission(contact_name="Anna Nowak", contact_email="anna.nowak@example.pl")


def validated_image():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 90, 160)).save(buffer, "PNG")
    upload = validate_upload(SimpleUploadedFile("plakat.png", buffer.getvalue()), allowed_kinds=IMAGE_KINDS)
    return upload.as_file()


@pytest.mark.django_db
def test_the_submitted_event_waits_unseen_with_its_dates_and_the_submission_is_tied_to_it():
    dates = [(at(14, 18), at(14, 20)), (at(15, 18), None)]
    submission = submission_prepare(
        submission=unsaved_submission(), event_fields=event_fields(), occurrences=dates, image_alt_text="  plakat  "
    )
    assert submission.pk is None
    event = Event.objects.get()
    assert (submission.event, event.status, event.published_at) == (event, Event.Status.SUBMITTED, None)
    assert list(event.occurrences.values_list("starts_at", "ends_at")) == dates
    assert not Event.objects.published().exists()
    # Without an image there is nothing to describe.
    assert submission.image_alt_text == ""


@pytest.mark.django_db
def test_the_alternative_text_is_kept_trimmed_with_an_image():
    submission = submission_prepare(
        submission=unsaved_submission(),
        event_fields=event_fields(),
        occurrences=[(at(14), None)],
        image=validated_image(),
        image_alt_text="  Orkiestra na scenie w parku  ",
    )
    assert submission.image_alt_text == "Orkiestra na scenie w parku"


@pytest.mark.django_db
def test_a_date_that_is_too_long_is_refused_and_no_event_is_left():
    with pytest.raises(EventError, match="Jeden termin może trwać najwyżej rok"):
        submission_prepare(
            submission=unsaved_submission(),
            event_fields=event_fields(),
            occurrences=[(at(14), at(14) + timedelta(days=400))],
        )
    assert not Event.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("with_image", [False, True])
def test_a_received_submission_keeps_its_image_privately_and_the_organiser_gets_only_the_mark_and_link(
    with_image,
):
    image = validated_image() if with_image else None
    submission = submission_prepare(
        submission=unsaved_submission(),
        event_fields=event_fields(),
        occurrences=[(at(14), None)],
        image=image,
        image_alt_text="Plakat koncertu",
    )
    case = case_open(
        case=submission,
        title="Zgłoszenie wydarzenia",
        on_open=lambda case: submission_received(submission=case, image=image),
        tracking_url_for=lambda case: TRACKING_URL,
    )

    message = OutboxMessage.objects.get()
    assert message.to == ["anna.nowak@example.pl"]
    assert case.case_mark in message.subject
    assert TRACKING_URL in message.body_text
    assert "Koncert Orkiestry" not in message.body_text
    case.refresh_from_db()
    if with_image:
        document = PrivateDocument.objects.get()
        assert (case.image_document, document.mime_type, document.original_name) == (
            document,
            "image/png",
            "plakat.png",
        )
    else:
        assert case.image_document is None
        assert not PrivateDocument.objects.exists()
