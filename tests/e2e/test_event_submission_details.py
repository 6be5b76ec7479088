"""What an organiser knows, sent from Chromium: an image with its description, three dates, audience, a paid
admission with a price range and ticket link, the programme's accessibility. Once the clerk accepts, the event page
shows all of it (axe-clean); the form with everything unfolded and its errors fits 320 px.
"""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.translation import gettext
from PIL import Image

from core.services import transition_perform
from events.models import District, Event, EventSubmission, Venue
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view

URL = "/wydarzenia/zglos/"
EMAIL = "kgw.bielszowice.e2e@example.pl"
ALT = "Krosna tkackie ustawione w sali Domu Kultury"
WIDGET = "%Y-%m-%dT%H:%M"


def poster_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (180, 60, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def at(days, hour=17):
    return (timezone.localtime() + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def venue(site_url):
    return Venue.objects.create(
        name="Dom Kultury Bielszowice", street_address="ul. Kokota 170", district=District.BIELSZOWICE
    )


def fill_everything(page, venue):
    page.get_by_label(gettext("Title of the event")).fill("Warsztaty tkackie dla seniorów")
    page.get_by_label(gettext("In one sentence")).fill("Trzy popołudnia przy krosnach z Kołem Gospodyń.")
    page.get_by_label(gettext("Category")).select_option(label="Koncerty")
    page.locator("#id_organiser_name").fill("Koło Gospodyń Wiejskich Bielszowice")
    page.locator("#id_image").set_input_files(
        files=[{"name": "plakat.png", "mimeType": "image/png", "buffer": poster_png()}]
    )
    page.get_by_label(gettext("What the image shows")).fill(ALT)
    page.locator("#id_starts_at").fill(at(9).strftime(WIDGET))
    page.get_by_text(gettext("More dates (up to 5)")).click()
    page.locator("#id_starts_at_2").fill(at(16).strftime(WIDGET))
    page.locator("#id_ends_at_2").fill(at(16, 19).strftime(WIDGET))
    page.locator("#id_starts_at_3").fill(at(23).strftime(WIDGET))
    page.locator("#id_venue").select_option(str(venue.pk))
    page.get_by_label(gettext("seniors")).check()
    page.get_by_label(gettext("paid admission")).check()
    page.locator("#id_price_from").fill("15")
    page.locator("#id_price_to").fill("22,50")
    page.locator("#id_ticket_url").fill("https://bilety.example.pl/tkanie")
    page.get_by_label(gettext("Polish Sign Language interpreter")).check()
    page.locator("#id_contact_name").fill("Helena Kokot")
    page.locator("#id_contact_email").fill(EMAIL)


def test_the_organisers_details_reach_the_published_event(fast_forms, site_url, venue, page):
    goto(page, site_url + URL)
    fill_everything(page, venue)
    page.get_by_role("button", name=gettext("Submit the event")).click()
    wait_for_view(page, CONFIRMATION_VIEW)

    submission = EventSubmission.objects.select_related("event", "image_document").get(contact_email=EMAIL)
    event = submission.event
    assert (event.price_kind, event.price_from, event.price_to) == ("paid", Decimal(15), Decimal("22.5"))
    assert event.ticket_url == "https://bilety.example.pl/tkanie"
    assert (event.for_seniors, event.for_children, event.sign_language_interpreter) == (True, False, True)
    assert event.occurrences.count() == 3
    assert submission.image_document.mime_type == "image/png"
    assert event.image is None

    transition_perform(obj=submission, name="accept", acting_user=None)
    event = Event.objects.select_related("image").get(pk=event.pk)
    goto(page, site_url + event.get_absolute_url())
    assert page.locator(f'img[alt="{ALT}"]').count() == 1
    facts = page.locator(".event-facts").inner_text()
    assert "15" in facts
    assert "22,50" in facts
    assert page.locator(".date-list li").count() == 3
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", [320, 375])
def test_the_unfolded_form_with_errors_fits_a_narrow_screen(fast_forms, site_url, venue, new_page, width):
    page = new_page(viewport={"width": width, "height": 700})
    goto(page, site_url + URL)
    page.get_by_text(gettext("More dates (up to 5)")).click()
    page.get_by_label(gettext("paid admission")).check()
    page.locator("#id_ends_at_2").fill(at(16).strftime(WIDGET))
    page.get_by_role("button", name=gettext("Submit the event")).click()
    page.locator(".error-summary").wait_for()
    assert page.locator("details.form__more[open]").count() == 1
    assert_no_horizontal_scrolling(page)
    assert_no_axe_violations(page)
