"""The Economic Council for tests: a term, members appointed by the Mayor's order, sittings invited by the service."""

import itertools
from datetime import date, timedelta

from django.utils import timezone

from council.models import CouncilMember, CouncilRole, CouncilSitting, CouncilTerm
from council.services import sitting_send_invitations

_serial = itertools.count(1)


def make_term(**fields) -> CouncilTerm:
    values = {
        "name": "2024–2029",
        "starts_on": date(2024, 5, 7),
        "establishing_order": "Zarządzenie nr 512/2024 Prezydenta Miasta Ruda Śląska z dnia 3 czerwca 2024 r.",
        "mayor_email": "prezydent@rudaslaska.example.pl",
    }
    values.update(fields)
    term = CouncilTerm(**values)
    term.full_clean()
    term.save()
    return term


def make_member(term: CouncilTerm, *, role=CouncilRole.MEMBER, **fields) -> CouncilMember:
    n = next(_serial)
    values = {
        "full_name": f"Członek Rady {n}",
        "organisation": f"Przedsiębiorstwo {n} sp. z o.o.",
        "role": role,
        "email": f"czlonek{n}@firma.example.pl",
        "phone": f"600 100 {n:03d}",
        "appointed_on": term.starts_on + timedelta(days=30),
        "appointment_order": f"{600 + n}/2024",
        "appointment_order_date": term.starts_on + timedelta(days=28),
    }
    values.update(fields)
    member = CouncilMember(term=term, **values)
    member.full_clean()
    member.save()
    return member


def make_sitting(term: CouncilTerm, *, days_ahead: float = 7, invited: bool = False, acting_user=None, **fields):
    values = {
        "number": next(_serial),
        "starts_at": timezone.now().replace(microsecond=0) + timedelta(days=days_ahead),
        "place": "Urząd Miasta, sala 213",
        "agenda": "Otwarcie posiedzenia\nPrzyjęcie porządku obrad\nSprawy różne",
    }
    values.update(fields)
    sitting = CouncilSitting(term=term, **values)
    sitting.full_clean()
    sitting.save()
    if invited:
        sitting_send_invitations(sitting=sitting, acting_user=acting_user)
    return sitting


def held(sitting: CouncilSitting, *, days_ago: float = 1) -> CouncilSitting:
    """Move an invited sitting into the past, as time does (the service refuses to invite a past one)."""
    CouncilSitting.objects.filter(pk=sitting.pk).update(starts_at=timezone.now() - timedelta(days=days_ago))
    sitting.refresh_from_db()
    return sitting
