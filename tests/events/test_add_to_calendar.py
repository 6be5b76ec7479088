"""'Dodaj do kalendarza': Google Calendar and Outlook.com links for one date, and a subscription (webcal:, Google,
Outlook) for any filtered list, besides the iCal file."""

import html
import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from events.models import Category
from tests.events.factories import EventFactory, VenueFactory

WARSAW_EVENING = datetime(2027, 3, 12, 18, 0, tzinfo=UTC)  # 19:00 in Warsaw


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = "https://kultura.rudaslaska.pl"


def link(page: str, text: str) -> str:
    match = re.search(r'<a href="([^"]+)"[^>]*>' + re.escape(text) + "</a>", page)
    assert match, text
    return html.unescape(match.group(1))


def test_an_event_page_offers_google_outlook_and_the_ical_file(client, db):
    venue = VenueFactory(name="Dom Kultury Bielszowice", street_address="ul. Kokota 170", postal_code="41-711")
    event = EventFactory(title="Koncert kolęd", venue=venue, dates=[(WARSAW_EVENING, WARSAW_EVENING.replace(hour=20))])

    page = client.get(event.get_absolute_url()).content.decode()

    google = urlsplit(link(page, gettext("Google Calendar")))
    assert (google.scheme, google.netloc) == ("https", "calendar.google.com")
    google_query = parse_qs(google.query)
    assert google_query["text"] == ["Koncert kolęd"]
    assert google_query["dates"] == ["20270312T180000Z/20270312T200000Z"]
    assert google_query["location"] == ["Dom Kultury Bielszowice, ul. Kokota 170, 41-711 Ruda Śląska"]
    assert f"https://kultura.rudaslaska.pl{event.get_absolute_url()}" in google_query["details"][0]
    outlook = urlsplit(link(page, gettext("Outlook.com")))
    assert outlook.netloc == "outlook.live.com"
    assert parse_qs(outlook.query)["startdt"] == ["2027-03-12T18:00:00+00:00"]
    assert reverse("events:event_ical", kwargs={"slug": event.slug}) in page


def test_a_filtered_list_can_be_subscribed_to_by_webcal_google_and_outlook(client, db):
    EventFactory(category=Category.objects.get(slug="koncerty"))

    page = client.get("/wydarzenia/", {"kategoria": "koncerty"}).content.decode()

    webcal = link(page, gettext("Subscribe in your phone's or computer's calendar (webcal)"))
    assert webcal == "webcal://kultura.rudaslaska.pl/wydarzenia/kalendarz.ics?kategoria=koncerty"
    google = parse_qs(urlsplit(link(page, gettext("Subscribe in Google Calendar"))).query)
    assert google["cid"] == [webcal]
    outlook = parse_qs(urlsplit(link(page, gettext("Subscribe in Outlook.com"))).query)
    assert outlook["url"] == ["https://kultura.rudaslaska.pl/wydarzenia/kalendarz.ics?kategoria=koncerty"]
