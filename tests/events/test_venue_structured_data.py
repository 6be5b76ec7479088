"""schema.org data of a venue's page: a Place with its address and, when known, its coordinates."""

from decimal import Decimal

import pytest

from tests.events.factories import mck_venue
from tests.helpers import json_ld_blocks


@pytest.mark.django_db
def test_a_venue_is_a_place_with_its_address_and_coordinates(client):
    venue = mck_venue(latitude=Decimal("50.292800"), longitude=Decimal("18.884700"))

    (data,) = json_ld_blocks(client.get(venue.get_absolute_url()).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Place"
    assert data["name"] == "Miejskie Centrum Kultury im. Henryka Bisty"
    assert data["url"] == f"http://testserver{venue.get_absolute_url()}"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "ul. Niedurnego 69",
        "postalCode": "41-709",
        "addressLocality": "Ruda Śląska",
        "addressCountry": "PL",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": "50.292800", "longitude": "18.884700"}
