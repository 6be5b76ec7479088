"""The event page and the venue page: what a resident reads, schema.org data, drafts never leak, query counts."""

import io
import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from PIL import Image

from core.public_images import public_image_create
from events.models import District, Event, EventOccurrence
from events.services import occurrence_cancel, occurrence_move
from tests.events.factories import EventFactory, PaidEventFactory, VenueFactory, at, bulk_events, category

# Shell (department, footer pages, mourning notice), the event with venue, category and image, its dates,
# its attachments.
EVENT_QUERIES = 6
# Shell, the venue, the count and the page of its upcoming dates.
VENUE_QUERIES = 6


def body(response) -> str:
    return response.content.decode()


def json_ld(html: str):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def venue(db):
    return VenueFactory(
        name="Miejskie Centrum Kultury im. Henryka Bisty",
        street_address="ul. Niedurnego 69",
        postal_code="41-709",
        district=District.NOWY_BYTOM,
        step_free_entry=True,
        accessible_toilet=True,
        accessibility_notes="Winda przy wejściu od ul. Niedurnego.",
        latitude=Decimal("50.293600"),
        longitude=Decimal("18.855700"),
    )


@pytest.fixture
def concert(venue):
    return PaidEventFactory(
        title="Koncert noworoczny Orkiestry Dętej",
        lead="Walce, polki i marsze na powitanie roku.",
        description='<p>Gra <strong>Orkiestra Dęta KWK Halemba</strong>.</p><script>alert("x")</script>',
        venue=venue,
        category=category("koncerty"),
        organiser_name="Miejskie Centrum Kultury",
        organiser_url="https://mck.rudaslaska.pl/",
        co_organised_by_city=True,
        capacity=350,
        registration_url="https://mck.rudaslaska.pl/zapisy",
        for_seniors=True,
        for_families=True,
        sign_language_interpreter=True,
        dates=[(at(3, 18), at(3, 20)), (at(10, 18), at(10, 20)), (at(-20, 18), at(-20, 20))],
    )


def test_event_page_shows_what_where_when_and_for_how_much(client, concert):
    response = client.get(concert.get_absolute_url())
    assert response.status_code == 200
    html = body(response)
    assert "Koncert noworoczny Orkiestry Dętej</h1>" in html
    assert "Walce, polki i marsze na powitanie roku." in html
    # The description was sanitised on save; it is shown as HTML.
    assert "<strong>Orkiestra Dęta KWK Halemba</strong>" in html
    assert 'alert("x")' not in html
    assert (
        'href="/miejsca/miejskie-centrum-kultury-im-henryka-bisty/">Miejskie Centrum Kultury im. Henryka Bisty</a>'
        in html
    )
    assert "ul. Niedurnego 69<br>41-709 Ruda Śląska" in html
    assert "Nowy Bytom" in html
    assert gettext("%(low)s–%(high)s PLN") % {"low": "25", "high": "40"} in html
    assert 'href="https://bilety.mck.rudaslaska.pl/"' in html
    assert 'href="https://mck.rudaslaska.pl/zapisy"' in html
    assert "<dd>350</dd>" in html
    assert gettext("Co-organised by the City of Ruda Śląska") in html
    assert 'href="https://mck.rudaslaska.pl/" rel="external">Miejskie Centrum Kultury</a>' in html
    assert f'href="{reverse("events:event_ical", kwargs={"slug": concert.slug})}"' in html
    assert gettext("Add to calendar") in html
    for field in ("for_seniors", "for_families"):
        assert str(Event._meta.get_field(field).verbose_name) in html.lower()


def test_breadcrumbs_lead_back_to_the_list(client, concert):
    html = body(client.get(concert.get_absolute_url()))
    crumbs = html[
        html.index('<nav class="breadcrumbs"') : html.index("</nav>", html.index('<nav class="breadcrumbs"'))
    ]
    assert f'<a href="{reverse("events:occurrence_list")}">{gettext("Events")}</a>' in crumbs
    assert '<li aria-current="page">Koncert noworoczny Orkiestry Dętej</li>' in crumbs


def test_every_date_upcoming_first_then_past_with_markers(client, concert):
    past, first, second = concert.occurrences.order_by("starts_at")
    occurrence_cancel(occurrence=first, acting_user=None, note="Choroba dyrygenta.")
    second = occurrence_move(
        occurrence=second, starts_at=at(11, 19), ends_at=None, acting_user=None, note="Nowa godzina."
    )
    response = client.get(concert.get_absolute_url())
    assert response.context["upcoming"] == [first, second]
    assert response.context["past"] == [past]
    html = body(response)
    dates = html[html.index('class="event__dates"') :]
    positions = [
        dates.index(f'datetime="{timezone.localtime(o.starts_at).isoformat()}"') for o in (first, second, past)
    ]
    assert positions == sorted(positions)
    assert f'status-badge--cancelled">{pgettext("event", "Cancelled")}</strong>' in html
    assert f'status-badge--moved">{pgettext("event", "Moved")}</strong>' in html
    assert "Choroba dyrygenta." in html
    assert "Nowa godzina." in html
    # The next date is the first one that still takes place.
    assert response.context["next_date"] == second


def test_accessibility_lists_venue_features_and_the_events_own(client, concert):
    html = body(client.get(concert.get_absolute_url()))
    section = html[html.index('class="event__accessibility"') :]
    section = section[: section.index("</section>")]
    for label in ("step-free entry", "accessible toilet", "Polish Sign Language interpreter"):
        assert gettext(label)[0].upper() + gettext(label)[1:] in section
    assert "audio" not in section.lower()
    assert "Winda przy wejściu od ul. Niedurnego." in section
    assert 'href="/miejsca/miejskie-centrum-kultury-im-henryka-bisty/"' in section


def _price(text, **numbers):
    return lambda: gettext(text) % numbers


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"price_kind": Event.PriceKind.FREE}, _price("Free admission")),
        ({"price_from": Decimal("25.00"), "price_to": Decimal("25.00")}, _price("%(price)s PLN", price="25")),
        ({"price_from": Decimal("12.50"), "price_to": None}, _price("%(price)s PLN", price="12,50")),
        (
            {"price_from": Decimal("1200.00"), "price_to": Decimal("1500.50")},
            _price("%(low)s–%(high)s PLN", low="1\xa0200", high="1\xa0500,50"),
        ),
        ({"price_from": None, "price_to": Decimal("30.00")}, _price("up to %(price)s PLN", price="30")),
        ({"price_from": None, "price_to": None}, _price("Paid admission")),
    ],
    ids=["free", "one-price", "decimals", "grouped-range", "up-to", "paid-unknown"],
)
def test_price_in_polish_number_format(client, venue, fields, expected):
    event = PaidEventFactory(venue=venue, **fields)
    assert expected() in body(client.get(event.get_absolute_url()))


def test_cancelled_and_postponed_events_have_a_banner(client, venue):
    cancelled = EventFactory(title="Odwołane", venue=venue, status=Event.Status.CANCELLED)
    postponed = EventFactory(title="Przełożone", venue=venue, status=Event.Status.POSTPONED)
    html = body(client.get(cancelled.get_absolute_url()))
    assert 'class="event-banner event-banner--cancelled"' in html
    assert gettext("This event has been cancelled.") in html
    html = body(client.get(postponed.get_absolute_url()))
    assert 'class="event-banner event-banner--postponed"' in html
    assert pgettext("event", "Postponed") in html


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.SUBMITTED])
def test_drafts_and_submissions_are_not_found(client, venue, status):
    event = EventFactory(title="Szkic", venue=venue, status=status)
    response = client.get(event.get_absolute_url())
    assert response.status_code == 404
    assert "Nie znaleziono strony" in body(response)
    assert "Szkic" not in body(response)


def test_event_scheduled_for_later_is_not_found_yet(client, venue):
    event = EventFactory(title="Za tydzień", venue=venue, status=Event.Status.DRAFT)
    Event.objects.filter(pk=event.pk).update(status=Event.Status.PUBLISHED, publish_at=timezone.now() + timedelta(7))
    assert client.get(event.get_absolute_url()).status_code == 404


def test_archived_event_stays_readable(client, venue):
    event = EventFactory(title="Dawny festyn", venue=venue, status=Event.Status.ARCHIVED, dates=[(at(-40), None)])
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert gettext("This event has no upcoming dates.") in body(response)


def test_unknown_event_is_a_404(client, db):
    assert client.get(reverse("events:event_detail", kwargs={"slug": "nie-ma-takiego"})).status_code == 404


def test_json_ld_has_one_event_per_upcoming_date_with_the_required_properties(client, concert):
    second = concert.occurrences.order_by("starts_at")[2]
    occurrence_cancel(occurrence=second, acting_user=None, note="")
    data = json_ld(body(client.get(concert.get_absolute_url())))
    assert len(data) == 2
    first, cancelled = data
    assert first["@context"] == "https://schema.org"
    assert first["@type"] == "Event"
    assert first["name"] == "Koncert noworoczny Orkiestry Dętej"
    assert first["description"] == "Walce, polki i marsze na powitanie roku."
    assert first["startDate"] == timezone.localtime(at(3, 18)).isoformat()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT18:00:00\+0[12]:00", first["startDate"])
    assert first["endDate"] == timezone.localtime(at(3, 20)).isoformat()
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert first["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert first["location"] == {
        "@type": "Place",
        "name": "Miejskie Centrum Kultury im. Henryka Bisty",
        "url": "http://testserver/miejsca/miejskie-centrum-kultury-im-henryka-bisty/",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "ul. Niedurnego 69",
            "postalCode": "41-709",
            "addressLocality": "Ruda Śląska",
            "addressCountry": "PL",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": "50.293600", "longitude": "18.855700"},
    }
    assert first["offers"] == {
        "@type": "AggregateOffer",
        "lowPrice": "25.00",
        "highPrice": "40.00",
        "priceCurrency": "PLN",
        "url": "https://bilety.mck.rudaslaska.pl/",
    }
    assert first["organizer"][0] == {
        "@type": "Organization",
        "name": "Miejskie Centrum Kultury",
        "url": "https://mck.rudaslaska.pl/",
    }
    assert first["organizer"][1]["@type"] == "GovernmentOrganization"
    assert first["isAccessibleForFree"] is False
    assert first["url"] == "http://testserver" + concert.get_absolute_url()
    assert "image" not in first


def test_json_ld_of_a_free_postponed_event_and_of_a_past_one(client, venue):
    free = EventFactory(title="Festyn", venue=venue, status=Event.Status.POSTPONED, organiser_url="")
    data = json_ld(body(client.get(free.get_absolute_url())))
    assert data["offers"] == {"@type": "Offer", "price": "0", "priceCurrency": "PLN", "url": data["url"]}
    assert data["isAccessibleForFree"] is True
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["organizer"] == {"@type": "Organization", "name": free.organiser_name}

    past = EventFactory(title="Było", venue=venue, dates=[(at(-9, 17), None), (at(-2, 17), None)])
    data = json_ld(body(client.get(past.get_absolute_url())))
    assert data["startDate"] == timezone.localtime(at(-2, 17)).isoformat()
    assert "endDate" not in data


def test_json_ld_cannot_close_its_script_element(client, venue):
    title = "</script><script>alert(1)</script> & <!-- „Koncert”"
    event = EventFactory(title=title, lead="</SCRIPT>", venue=venue)
    html = body(client.get(event.get_absolute_url()))
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    for character in "<>&":
        assert character not in block
    data = json.loads(block)
    assert data["name"] == title
    assert data["description"] == "</SCRIPT>"
    assert "<script>alert(1)" not in html


def small_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_image_with_alt_text_and_credit(client, venue):
    upload = SimpleUploadedFile("koncert.jpg", small_jpeg(), content_type="image/jpeg")
    image = public_image_create(uploaded_file=upload, alt_text="Orkiestra na scenie MCK", acting_user=None)
    event = EventFactory(venue=venue, image=image, image_credit="Jan Kowalski")
    html = body(client.get(event.get_absolute_url()))
    assert 'alt="Orkiestra na scenie MCK"' in html
    assert 'type="image/webp"' in html
    assert "Jan Kowalski" in html
    assert json_ld(html)["image"][0].startswith("http://testserver/media/images/renditions/")


@pytest.mark.parametrize("size", [20, 2000])
def test_event_page_query_count_does_not_grow_with_events_or_dates(client, venue, django_assert_num_queries, size):
    bulk_events(size, venue=venue)
    event = EventFactory(venue=venue, dates=[(at(n % 60 - 10, 18), None) for n in range(size // 10)])
    with django_assert_num_queries(EVENT_QUERIES):
        response = client.get(event.get_absolute_url())
    assert len(response.context["upcoming"]) + len(response.context["past"]) == size // 10


# The venue page


def test_venue_page_shows_address_district_accessibility_and_a_plain_map_link(client, venue):
    response = client.get(venue.get_absolute_url())
    assert response.status_code == 200
    html = body(response)
    assert "Miejskie Centrum Kultury im. Henryka Bisty</h1>" in html
    assert "<address>ul. Niedurnego 69<br>41-709 Ruda Śląska</address>" in html
    assert "Nowy Bytom" in html
    assert "Winda przy wejściu od ul. Niedurnego." in html
    assert html.count('class="access-feature access-feature--') == 2
    assert 'href="https://www.openstreetmap.org/?mlat=50.293600&amp;mlon=18.855700#map=18/50.293600/18.855700"' in html
    # No embedded map and no third-party script.
    assert "<iframe" not in html
    assert not re.search(r"<script(?! type=\"application/ld\+json\")", html)


def test_venue_without_coordinates_links_to_an_address_search(client, db):
    venue = VenueFactory(name="Dom Kultury Wirek", street_address="ul. 1 Maja 32", postal_code="41-706")
    html = body(client.get(venue.get_absolute_url()))
    assert 'href="https://www.openstreetmap.org/search?query=ul.+1+Maja+32%2C+41-706+Ruda+%C5%9Al%C4%85ska"' in html
    assert gettext("The venue has not declared any accessibility features. Ask the organiser of the event.") in html


def test_venue_page_lists_upcoming_public_events_there_paginated(client, venue):
    other = VenueFactory(name="Dom Kultury Halemba")
    bulk_events(25, venue=venue)
    EventFactory(title="Gdzie indziej", venue=other)
    EventFactory(title="Już było", venue=venue, dates=[(at(-3), at(-3, 20))])
    EventFactory(title="Szkic w MCK", venue=venue, status=Event.Status.DRAFT)
    EventFactory(title="Zgłoszenie w MCK", venue=venue, status=Event.Status.SUBMITTED)
    response = client.get(venue.get_absolute_url())
    html = body(response)
    assert response.context["page_obj"].paginator.count == 25
    assert 'href="?page=2" rel="next"' in html
    for title in ("Gdzie indziej", "Już było", "Szkic w MCK", "Zgłoszenie w MCK"):
        assert title not in html
    page_two = client.get(venue.get_absolute_url(), {"page": "2"})
    assert len(page_two.context["page_obj"].object_list) == 5


def test_unknown_venue_is_a_404(client, db):
    assert client.get(reverse("events:venue_detail", kwargs={"slug": "nie-ma"})).status_code == 404


@pytest.mark.parametrize("size", [20, 2000])
def test_venue_page_query_count_does_not_grow(client, venue, django_assert_num_queries, size):
    bulk_events(size, venue=venue)
    with django_assert_num_queries(VENUE_QUERIES):
        response = client.get(venue.get_absolute_url())
    assert len(response.context["page_obj"].object_list) == 20


def test_dates_of_an_event_are_read_with_the_event_cached(client, concert, django_assert_num_queries):
    """The status of each date needs its event: it comes from the related cache, not a query per date."""
    EventOccurrence.objects.bulk_create(EventOccurrence(event=concert, starts_at=at(20 + n, 18)) for n in range(50))
    with django_assert_num_queries(EVENT_QUERIES):
        client.get(concert.get_absolute_url())
