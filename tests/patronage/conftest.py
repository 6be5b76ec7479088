"""Fixtures of the patronage tests: the forms' data as a person sends them, the clerks and the workflow's steps.

Cases a test needs without sending the form come from tests/patronage/factories.py (through the services).
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.core.upload_corpus import png_bytes, valid_pdf
from tests.helpers import public_form_data

APPLICATION_URL = "/patronat/wniosek/"
SYMBOL_REQUEST_URL = "/symbole-miasta/wniosek/"
REGISTER_URL = "/patronat/rejestr/"
SYMBOLS_URL = "/symbole-miasta/"
PATRONAGE_GROUP = "Patronaty i symbole miasta"
PRESS_GROUP = "Biuro prasowe"


def pdf_file(name="dokument.pdf"):
    return SimpleUploadedFile(name, valid_pdf(), content_type="application/pdf")


def png_file(name="zdjecie.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def in_days(days: int):
    return timezone.localdate() + timedelta(days=days)


def workflow(clerk, case, name, note="", expect=302):
    """Perform the transition `name` from the case's workflow panel in the admin, as the clerk does."""
    url = reverse(f"admin:{case._meta.app_label}_{case._meta.model_name}_workflow", args=[case.pk])
    response = clerk.post(url, {"transition": name, "note": note})
    assert response.status_code == expect
    case.refresh_from_db()
    return response


def tracking_path(case) -> str:
    return f"/sprawy/{case.register_entry.tracking_token}/"


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


@pytest.fixture
def rendered_letters(monkeypatch):
    """The HTML source of every PDF letter rendered during the test."""
    from core import documents as core_documents

    sources = []
    original = core_documents.render_letter_html

    def spy(**kwargs):
        html = original(**kwargs)
        sources.append(html)
        return html

    monkeypatch.setattr(core_documents, "render_letter_html", spy)
    return sources
