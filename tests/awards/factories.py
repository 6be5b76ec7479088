"""Scholarship and award calls and applications for tests: calls directly, applications through the public form."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from awards.models import AwardCall, Kind

GRANTS_GROUP = "Dotacje, stypendia i nagrody"
OTHER_GROUP = "Biuro prasowe"


def make_call(*, kind=Kind.SCHOLARSHIP, title=None, days_left=30, **fields) -> AwardCall:
    values = {
        "kind": kind,
        "year": timezone.localdate().year,
        "title": title or ("Stypendia artystyczne" if kind == Kind.SCHOLARSHIP else "Nagrody Prezydenta Miasta"),
        "resolution": "Uchwała nr PR.0007.120.2026 Rady Miasta Ruda Śląska (Dz. Urz. Woj. Śl. 2026 poz. 4321)",
        "rules": "<p>Stypendia przyznaje Prezydent Miasta po zaopiniowaniu przez komisję.</p>",
        "deadline": timezone.now() + timedelta(days=days_left),
        "budget": Decimal("20000.00"),
        "max_amount": Decimal("10000.00") if kind == Kind.SCHOLARSHIP else Decimal("5000.00"),
        "is_published": True,
    }
    values.update(fields)
    return AwardCall.objects.create(**values)


def scholarship_data(**fields) -> dict:
    data = {
        "submitter_kind": "self",
        "submitter_name": "Joanna Kowalczyk",
        "email": "j.kowalczyk@example.pl",
        "phone": "",
        "candidate_name": "Joanna Kowalczyk",
        "candidate_address": "ul. Niedurnego 10, 41-709 Ruda Śląska",
        "field_of_art": "music",
        "project_title": "Pieśni Górnego Śląska na nowo",
        "programme": "Nagranie płyty z opracowaniami pieśni; koncerty w trzech dzielnicach.",
        "period_from": "2027-01-01",
        "period_to": "2027-10-31",
        "requested_amount": "8000",
        "achievements": "Laureatka konkursu kompozytorskiego 2025; dwie płyty.",
        "justification": "Projekt popularyzuje śląską muzykę ludową wśród młodzieży.",
    }
    return {**data, **fields}


def nomination_data(**fields) -> dict:
    data = {
        "submitter_kind": "institution",
        "submitter_name": "Miejskie Centrum Kultury im. Henryka Bisty",
        "email": "sekretariat@mck.example.pl",
        "phone": "",
        "candidate_name": "Henryk Malarz",
        "candidate_address": "",
        "field_of_art": "visual_arts",
        "category": "za całokształt twórczości",
        "achievements": "Czterdzieści lat malarstwa, wystawy w kraju i za granicą.",
        "justification": "Twórca związany z Rudą Śląską od urodzenia.",
    }
    return {**data, **fields}
