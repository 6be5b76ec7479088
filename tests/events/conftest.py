"""Fixtures shared by the events tests: the public site's address and the venues of the feeds' events."""

from decimal import Decimal

import pytest

from events.models import Venue
from tests.events.feed_data import SITE


@pytest.fixture
def public_site_url(settings):
    """The public site's address that feeds and open data link to."""
    settings.SITE_URL = SITE
    return SITE


@pytest.fixture
def venue(db):
    return Venue.objects.create(
        name="Dom Kultury „Bykowina”",
        street_address="ul. Niedurnego 69",
        postal_code="41-709",
        district="bykowina",
        latitude=Decimal("50.255123"),
        longitude=Decimal("18.855456"),
        step_free_entry=True,
        induction_loop=True,
    )


@pytest.fixture
def other_venue(db):
    return Venue.objects.create(name="Filia nr 5", street_address="ul. Gwarków 1", district="halemba")
