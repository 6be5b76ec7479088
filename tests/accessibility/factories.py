"""Requests for accessibility and demands for digital accessibility, opened through the services as in real use."""

from datetime import date

from accessibility.models import AccessibilityDeclaration, AccessibilityRequest, DigitalAccessibilityDemand
from accessibility.services import accessibility_case_open

_serial = iter(range(1, 10**6))


def mp4_bytes() -> bytes:
    """The start of an MP4 recording (an ISO base media "ftyp" box, brand isom) and a little more."""
    return b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64


def make_request(*, received_on=None, acting_user=None, **fields) -> AccessibilityRequest:
    n = next(_serial)
    values = {
        "applicant_name": f"Anna Nowak {n}",
        "contact_email": f"wniosek{n}@example.pl",
        "barrier_kind": "architectural",
        "barrier_place": "Urząd Miasta, pl. Jana Pawła II 6, wejście główne",
        "barrier_description": "Schody bez podjazdu przy wejściu głównym.",
        "factual_interest": "Chcę złożyć wniosek w Biurze Obsługi Mieszkańców.",
        **fields,
    }
    return accessibility_case_open(
        case=AccessibilityRequest(**values), received_on=received_on, acting_user=acting_user
    )


def make_demand(*, received_on=None, acting_user=None, **fields) -> DigitalAccessibilityDemand:
    n = next(_serial)
    values = {
        "applicant_name": f"Jan Kowalski {n}",
        "contact_email": f"zadanie{n}@example.pl",
        "page_url": "https://kultura.rudaslaska.pl/wydarzenia/",
        "element": "filtr dat",
        "problem": "Pola daty nie da się obsłużyć klawiaturą.",
        **fields,
    }
    return accessibility_case_open(
        case=DigitalAccessibilityDemand(**values), received_on=received_on, acting_user=acting_user
    )


def make_declaration(*, language="pl", **fields) -> AccessibilityDeclaration:
    """A published declaration with every mandatory item and none of the conditional ones (no review yet, no burden
    assessment, no applications, no separate description of the buildings)."""
    values = {
        "entity_name": "Urząd Miasta Ruda Śląska",
        "site_name": "Portal Wydziału Kultury",
        "site_url": "https://kultura.rudaslaska.pl/",
        "published_on": date(2026, 1, 5),
        "updated_on": date(2026, 11, 30),
        "status": "partial",
        "noncompliance": "Część plików PDF nie ma struktury nagłówków.",
        "prepared_on": date(2026, 1, 5),
        "contact_person": "Koordynator do spraw dostępności",
        "contact_email": "dostepnosc@rudaslaska.pl",
        "contact_phone": "32 244 90 00",
        "communication": "W Biurze Obsługi Mieszkańców jest pętla indukcyjna.",
        "is_published": True,
        **fields,
    }
    return AccessibilityDeclaration.objects.create(language=language, **values)
