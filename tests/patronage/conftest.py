"""Fixtures of the patronage tests: the forms' data as a person sends them, the clerks and the workflow's steps.

Cases a test needs without sending the form come from tests/patronage/factories.py (through the services).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.helpers import pdf_file, public_form_data

APPLICATION_URL = "/patronat/wniosek/"
SYMBOL_REQUEST_URL = "/symbole-miasta/wniosek/"
REGISTER_URL = "/patronat/rejestr/"
SYMBOLS_URL = "/symbole-miasta/"
PATRONAGE_GROUP = "Patronaty i symbole miasta"
PRESS_GROUP = "Biuro prasowe"


def in_days(days: int):
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def clerk(clerk_client):
    """A clerk of the patronage section, logged in."""
    return clerk_client(groups=[PATRONAGE_GROUP])


@pytest.fixture
def application_data():
    """POST data of a complete patronage application 60 days ahead; keyword arguments change fields."""

    def make(days_ahead=60, **changes):
        fields = {
            "organiser_name": "Stowarzyszenie Rudzka Kultura",
            "organiser_address": "ul. Niedurnego 69, 41-709 Ruda Śląska",
            "contact_name": "Ewa Zielińska",
            "contact_email": "ewa@rudzkakultura.example.pl",
            "contact_phone": "600 100 200",
            "event_name": "Festiwal Pieśni Śląskiej",
            "starts_on": in_days(days_ahead).isoformat(),
            "ends_on": in_days(days_ahead + 1).isoformat(),
            "venue": "Park Strzelnica, Ruda Śląska",
            "scope": "regional",
            "description": "Dwudniowy festiwal chórów z całego Śląska.",
            "programme": "Sobota: przesłuchania; niedziela: koncert laureatów.",
            "permits_confirmed": "on",
        }
        fields.update(changes)
        return public_form_data(**{key: value for key, value in fields.items() if value is not None})

    return make


@pytest.fixture
def symbol_request_data():
    """POST data of a complete request to use the city's logo, with the design file."""

    def make(**changes):
        fields = {
            "applicant_name": "Drukarnia Halemba sp. z o.o.",
            "applicant_address": "ul. Kłodnicka 10, 41-706 Ruda Śląska",
            "contact_name": "Jan Nowak",
            "contact_email": "biuro@drukarnia-halemba.example.pl",
            "symbol": "logo",
            "purpose": "Koszulki na bieg miejski.",
            "medium": "koszulki bawełniane",
            "quantity": "500",
            "period_from": in_days(10).isoformat(),
            "period_to": in_days(100).isoformat(),
            "design": pdf_file("projekt.pdf"),
        }
        fields.update(changes)
        return public_form_data(**{key: value for key, value in fields.items() if value is not None})

    return make
