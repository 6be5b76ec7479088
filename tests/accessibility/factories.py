"""Requests for accessibility and demands for digital accessibility, opened through the services as in real use."""

from accessibility.models import AccessibilityRequest, DigitalAccessibilityDemand
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
