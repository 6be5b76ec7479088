"""Fixtures of the mass-events tests: the forms' data as a person sends them, the clerk, and the workflow's steps.

Cases a test needs without sending the form come from tests/mass_events/factories.py (through the services).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.helpers import pdf_file, public_form_data

PERMIT_URL = "/imprezy-masowe/wniosek/"
NOTIFICATION_URL = "/zawiadomienie-o-imprezie/"
EVENTS_GROUP = "Wydarzenia i imprezy masowe"
WIDGET_FORMAT = "%Y-%m-%dT%H:%M"
# A valid PESEL (born 14.05.1944, check digit 9) — the textbook example, not a real person's number.
PESEL = "44051401359"
REQUIRED_FILES = ("site_plan", "regulations", "fire_instruction", "fee_proof")
OPINION_FILES = ("opinion_police", "opinion_fire", "opinion_medical", "opinion_sanitary")


def start_in(days: int):
    return (timezone.localtime() + timedelta(days=days)).replace(hour=16, minute=0, second=0, microsecond=0)


@pytest.fixture
def clerk(clerk_client):
    """A clerk of the events and mass-events section, logged in."""
    return clerk_client(groups=[EVENTS_GROUP])


@pytest.fixture
def permit_data():
    """POST data of a complete permit application 60 days ahead; keyword arguments change fields."""

    def make(days_ahead=60, with_files=True, with_opinions=True, **changes):
        start = start_in(days_ahead)
        fields = {
            "organiser_kind": "organisation",
            "organiser_name": "Stowarzyszenie Rudzkie Lato",
            "organiser_address": "ul. Kokota 1, 41-711 Ruda Śląska",
            "correspondence_address": "",
            "contact_name": "Anna Nowak",
            "contact_email": "anna.nowak@example.pl",
            "contact_phone": "+48 600 100 200",
            "event_name": "Festiwal Rudzkie Lato",
            "event_type": "artistic",
            "programme": "Koncerty zespołów lokalnych i gwiazdy wieczoru.",
            "venue": "Park Dworski, ul. Kokota 1, Ruda Śląska",
            "venue_kind": "open_area",
            "starts_at": start.strftime(WIDGET_FORMAT),
            "ends_at": (start + timedelta(hours=6)).strftime(WIDGET_FORMAT),
            "places_total": "5000",
            "places_available": "3000",
            "expected_participants": "2500",
            "stewards": "60",
            "info_staff": "20",
            "threats": "Duże zgromadzenie, upał, ruch uliczny.",
            "cctv": "on",
            "security_manager_name": "Jan Kowalski",
            "security_manager_pesel": PESEL,
            "security_manager_certificate": "KB/123/2024 z 12.03.2024",
            "security_manager_licence": "",
            "security_manager_phone": "600 200 300",
            "shortened_deadline_justification": "",
        }
        data = public_form_data(**{**fields, **changes})
        if with_files:
            for name in REQUIRED_FILES:
                data.setdefault(name, pdf_file(f"{name}.pdf"))
        if with_opinions:
            for name in OPINION_FILES:
                data.setdefault(name, pdf_file(f"{name}.pdf"))
        return data

    return make


@pytest.fixture
def notification_data():
    """POST data of a complete notification 45 days ahead; keyword arguments change fields."""

    def make(days_ahead=45, **changes):
        start = start_in(days_ahead)
        fields = {
            "organiser_name": "Miejskie Centrum Kultury im. Henryka Bisty",
            "organiser_address": "ul. Niedurnego 69, 41-709 Ruda Śląska",
            "correspondence_address": "",
            "is_city_institution": "on",
            "contact_name": "Ewa Zielińska",
            "contact_email": "ewa.zielinska@example.pl",
            "contact_phone": "",
            "event_name": "Koncert plenerowy na Placu Jana Pawła II",
            "event_type": "koncert plenerowy",
            "character": "otwarty, bezpłatny",
            "venue": "Plac Jana Pawła II, Ruda Śląska",
            "starts_at": start.strftime(WIDGET_FORMAT),
            "ends_at": (start + timedelta(hours=3)).strftime(WIDGET_FORMAT),
            "expected_participants": "400",
            "safety_measures": "Ochrona, barierki, punkt medyczny.",
            "accessibility_measures": "Strefa dla osób na wózkach, tłumacz PJM.",
            "cycle_description": "",
        }
        return public_form_data(**{**fields, **changes})

    return make
