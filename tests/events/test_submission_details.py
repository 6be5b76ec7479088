"""What an organiser knows about their event reaches the calendar: image with alt text, several dates, audience,
admission and prices, the ticket or registration link, the programme's accessibility.

The details land on the submitted event's own fields; the image waits privately with the case and becomes the
event's public image only when the clerk accepts the submission.
"""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image

from core.models import PrivateDocument, PublicImage
from events.forms import description_as_text
from events.models import Category, District, Event, EventSubmission, Venue
from tests.helpers import form_fields, public_form_data

URL = "/wydarzenia/zglos/"
EVENTS_GROUP = "Wydarzenia i imprezy masowe"
WIDGET_FORMAT = "%Y-%m-%dT%H:%M"
ALT = "Orkiestra dęta na scenie przed Domem Kultury w Halembie"


def png_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def at(days, hour=18):
    return (timezone.localtime() + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def venue(db):
    return Venue.objects.create(
        name="Dom Kultury Bielszowice", street_address="ul. Kokota 170", district=District.BIELSZOWICE
    )


@pytest.fixture
def form_data(venue):
    def make(**changes):
        fields = {
            "title": "Warsztaty tkackie",
            "lead": "Trzy popołudnia przy krosnach.",
            "description": "",
            "category": Category.objects.get(slug="koncerty").pk,
            "organiser_name": "Koło Gospodyń Wiejskich",
            "starts_at": at(10).strftime(WIDGET_FORMAT),
            "ends_at": "",
            "venue": venue.pk,
            "admission": "free",
            "contact_name": "Anna Nowak",
            "contact_email": "anna.nowak@example.pl",
        }
        return public_form_data(**{**fields, **changes})

    return make


def test_every_detail_lands_on_the_events_own_fields(client, form_data):
    """Paid from–to with a ticket link, three dates, two audiences, both accessibility features."""
    response = client.post(
        URL,
        form_data(
            admission="paid",
            price_from="25",
            price_to="49,50",
            ticket_url="https://bilety.example.pl/tkanie",
            starts_at_2=at(17).strftime(WIDGET_FORMAT),
            ends_at_2=at(17, 20).strftime(WIDGET_FORMAT),
            starts_at_4=at(24).strftime(WIDGET_FORMAT),
            audiences=["seniors", "families"],
            sign_language_interpreter="on",
            audio_description="on",
            image_credit="Jan Kowalski",
        ),
    )
    assert response.status_code == 302
    event = EventSubmission.objects.select_related("event").get().event
    assert (event.price_kind, event.price_from, event.price_to) == (Event.PriceKind.PAID, Decimal(25), Decimal("49.5"))
    assert (event.ticket_url, event.registration_url) == ("https://bilety.example.pl/tkanie", "")
    assert (event.for_children, event.for_youth, event.for_seniors, event.for_families) == (False, False, True, True)
    assert (event.sign_language_interpreter, event.audio_description) == (True, True)
    assert event.image_credit == "Jan Kowalski"
    dates = [(o.starts_at, o.ends_at) for o in event.occurrences.order_by("starts_at")]
    assert dates == [(at(10), None), (at(17), at(17, 20)), (at(24), None)]


def test_a_free_event_keeps_its_link_as_the_registration(client, form_data):
    client.post(URL, form_data(ticket_url="https://zapisy.example.pl"))
    event = EventSubmission.objects.get().event
    assert (event.price_kind, event.price_from, event.price_to) == (Event.PriceKind.FREE, None, None)
    assert (event.ticket_url, event.registration_url) == ("", "https://zapisy.example.pl")


INVALID = {
    "paid-without-price": (
        {"admission": "paid"},
        "price_from",
        "Give the price of a ticket (the lowest, if there are several).",
    ),
    "prices-reversed": (
        {"admission": "paid", "price_from": "50", "price_to": "20"},
        "price_to",
        "The highest price must not be lower than the lowest.",
    ),
    "free-with-price": (
        {"price_from": "10"},
        "price_from",
        "Free admission has no price: choose paid admission or clear the price.",
    ),
    "price-with-letters": (
        {"admission": "paid", "price_from": "dwadzieścia"},
        "price_from",
        "Enter the price in złoty, e.g. 25 or 12,50.",
    ),
    "unknown-audience": ({"audiences": ["robots"]}, "audiences", None),
    "unknown-admission": ({"admission": "barter"}, "admission", None),
    "end-without-start": (
        {"ends_at_3": at(12).strftime(WIDGET_FORMAT)},
        "starts_at_3",
        "Give the start of this date, or clear its end.",
    ),
    "further-date-in-the-past": (
        {"starts_at_2": (timezone.localtime() - timedelta(days=2)).strftime(WIDGET_FORMAT)},
        "starts_at_2",
        "The start must be in the future.",
    ),
    "further-date-ending-before-it-starts": (
        {"starts_at_2": at(12).strftime(WIDGET_FORMAT), "ends_at_2": at(11).strftime(WIDGET_FORMAT)},
        "ends_at_2",
        "The end must not be before the start.",
    ),
    "image-without-alt": ({"image": "png"}, "image_alt_text", "Describe what the image shows (alternative text)."),
    "image-that-is-not-an-image": ({"image": "html", "image_alt_text": ALT}, "image", None),
}


@pytest.mark.parametrize("case", INVALID)
def test_bad_details_are_refused_with_a_polish_message_and_nothing_is_stored(case, client, form_data):
    changes, field, message = INVALID[case]
    if changes.get("image") == "png":
        changes["image"] = SimpleUploadedFile("plakat.png", png_bytes(), content_type="image/png")
    elif changes.get("image") == "html":
        changes["image"] = SimpleUploadedFile(
            "plakat.png", b"<html><script>alert(1)</script>", content_type="image/png"
        )
    response = client.post(URL, form_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field]
    page = response.content.decode()
    assert f'href="#id_{field}' in page
    if message:
        assert form.errors[field] == [gettext(message)]
        assert escape(gettext(message)) in page
    assert not EventSubmission.objects.exists()
    assert not Event.objects.exists()
    assert not PrivateDocument.objects.exists()


def test_an_image_waits_privately_and_is_published_with_its_alt_text_when_accepted(client, form_data, clerk_client):
    image = SimpleUploadedFile("plakat.png", png_bytes((1200, 800)), content_type="image/png")
    client.post(URL, form_data(image=image, image_alt_text=ALT))
    submission = EventSubmission.objects.select_related("event", "image_document").get()
    document = submission.image_document
    assert document.content_type == ContentType.objects.get_for_model(EventSubmission)
    assert (document.kind, document.uploaded_by, document.mime_type) == ("attachment", None, "image/png")
    assert submission.image_alt_text == ALT
    assert submission.event.image is None
    assert not PublicImage.objects.exists()
    # The organiser finds it among the case's documents; nothing of it is public yet.
    tracking = client.get(f"/sprawy/{submission.register_entry.tracking_token}/").content.decode()
    assert escape(gettext("Image of the event")) in tracking

    clerk = clerk_client(groups=[EVENTS_GROUP])
    clerk.post(f"/admin/events/eventsubmission/{submission.pk}/sprawa/", {"transition": "accept"})
    event = Event.objects.select_related("image").get(pk=submission.event_id)
    assert event.status == Event.Status.PUBLISHED
    assert event.image.alt_text == ALT
    assert (event.image.width, event.image.height) == (1200, 800)
    page = client.get(event.get_absolute_url()).content.decode()
    assert f'alt="{ALT}"' in page
    assert PrivateDocument.objects.filter(pk=document.pk).exists()  # the case keeps what was sent


def test_the_clerk_corrects_the_alt_text_before_accepting(client, form_data, clerk_client):
    image = SimpleUploadedFile("plakat.jpg", png_bytes(), content_type="image/png")
    client.post(URL, form_data(image=image, image_alt_text="obrazek"))
    submission = EventSubmission.objects.get()
    clerk = clerk_client(groups=[EVENTS_GROUP])
    change_url = f"/admin/events/eventsubmission/{submission.pk}/change/"
    page = clerk.get(change_url).content.decode()
    assert f"/dokumenty/{submission.image_document_id}/pobierz/" in page
    data = form_fields(page, form_id="eventsubmission_form")
    assert data["image_alt_text"] == "obrazek"
    response = clerk.post(change_url, {**data, "image_alt_text": ALT})
    assert response.status_code == 302
    clerk.post(f"/admin/events/eventsubmission/{submission.pk}/sprawa/", {"transition": "accept"})
    assert Event.objects.get(pk=submission.event_id).image.alt_text == ALT


def test_a_rejected_submission_never_publishes_its_image(client, form_data, clerk_client):
    image = SimpleUploadedFile("plakat.png", png_bytes(), content_type="image/png")
    client.post(URL, form_data(image=image, image_alt_text=ALT))
    submission = EventSubmission.objects.get()
    clerk = clerk_client(groups=[EVENTS_GROUP])
    clerk.post(
        f"/admin/events/eventsubmission/{submission.pk}/sprawa/",
        {"transition": "reject", "note": "Wydarzenie poza Rudą Śląską."},
    )
    assert Event.objects.get(pk=submission.event_id).image is None
    assert not PublicImage.objects.exists()


def test_the_description_comes_back_as_the_text_the_organiser_typed():
    from django.utils.html import linebreaks

    text = "Zagra 40 muzyków & chór.\nBilety <w kasie>.\n\nDrugi akapit „w cudzysłowie”."
    assert description_as_text(linebreaks(text, autoescape=True)) == text
    assert description_as_text("") == ""
