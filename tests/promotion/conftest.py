"""Fixtures of the promotion tests: the investor's inquiry as the form sends it, and the section's clerk."""

import pytest

from tests.helpers import public_form_data

SITES_URL = "/tereny-inwestycyjne/"
INQUIRY_URL = "/tereny-inwestycyjne/zapytanie/"
PROMOTION_GROUP = "Promocja i gospodarka"


@pytest.fixture
def clerk(clerk_client):
    """A clerk of the promotion section, logged in."""
    return clerk_client(groups=[PROMOTION_GROUP])


@pytest.fixture
def inquiry_data():
    """POST data of a complete investor inquiry; keyword arguments change fields (None leaves one out)."""

    def make(**changes):
        fields = {
            "company_name": "Autoparts Silesia sp. z o.o.",
            "country": "Polska",
            "contact_name": "Katarzyna Lis",
            "contact_email": "k.lis@autoparts.example.pl",
            "contact_phone": "600 100 200",
            "sector": "części samochodowe",
            "needed_area_ha": "10",
            "needs": "Zakład produkcyjny, 250 miejsc pracy.",
        }
        fields.update(changes)
        return public_form_data(**{key: value for key, value in fields.items() if value is not None})

    return make
