"""Fixtures of the accessibility tests: the forms' data as a person sends them, the coordinator and the workflow."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.accessibility.factories import mp4_bytes
from tests.helpers import public_form_data

REQUEST_URL = "/dostepnosc/wniosek/"
DEMAND_URL = "/dostepnosc/zadanie/"
OVERVIEW_URL = "/dostepnosc/"
COORDINATOR_GROUP = "Koordynator dostępności"
PRESS_GROUP = "Biuro prasowe"


def video_file(name="pjm.mp4"):
    return SimpleUploadedFile(name, mp4_bytes(), content_type="video/mp4")


@pytest.fixture
def coordinator(clerk_client):
    """A clerk of the accessibility coordinator's section, logged in."""
    return clerk_client(groups=[COORDINATOR_GROUP])


@pytest.fixture
def request_data():
    """POST data of a complete request for accessibility; keyword arguments change fields (None drops one)."""

    def make(**changes):
        fields = {
            "applicant_name": "Anna Nowak",
            "contact_email": "anna.nowak@example.pl",
            "contact_method": "email",
            "barrier_kind": "architectural",
            "barrier_place": "Urząd Miasta, pl. Jana Pawła II 6",
            "barrier_description": "Schody bez podjazdu przy wejściu głównym.",
            "factual_interest": "Chcę złożyć wniosek w Biurze Obsługi Mieszkańców.",
            "preferred_solution": "Pochylnia albo dzwonek przy wejściu.",
        }
        fields.update(changes)
        return public_form_data(**{key: value for key, value in fields.items() if value is not None})

    return make


@pytest.fixture
def demand_data():
    """POST data of a complete demand for digital accessibility."""

    def make(**changes):
        fields = {
            "applicant_name": "Jan Kowalski",
            "contact_email": "jan.kowalski@example.pl",
            "contact_method": "email",
            "page_url": "https://kultura.rudaslaska.pl/wydarzenia/",
            "element": "filtr dat",
            "problem": "Pola daty nie da się obsłużyć klawiaturą.",
        }
        fields.update(changes)
        return public_form_data(**{key: value for key, value in fields.items() if value is not None})

    return make
