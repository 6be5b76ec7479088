"""Patronage applications and symbol requests in a given state, made through the services as in real use."""

from datetime import timedelta

from django.utils import timezone

from core.services import transition_perform
from patronage.models import PatronageApplication, SymbolUseRequest
from patronage.services.applications import application_open
from patronage.services.symbols import symbol_request_open

_serial = iter(range(1, 10**6))


def make_application(*, days_ahead=60, received_on=None, acting_user=None, **fields) -> PatronageApplication:
    n = next(_serial)
    starts_on = timezone.localdate() + timedelta(days=days_ahead)
    values = {
        "organiser_name": f"Stowarzyszenie {n}",
        "organiser_address": "ul. Niedurnego 69, Ruda Śląska",
        "contact_name": "Ewa Zielińska",
        "contact_email": f"organizator{n}@example.pl",
        "event_name": f"Festiwal {n}",
        "starts_on": starts_on,
        "ends_on": starts_on,
        "venue": "Park Strzelnica",
        "scope": "local",
        "description": "Festiwal.",
        "programme": "Koncerty.",
        "permits_confirmed": True,
        **fields,
    }
    return application_open(
        application=PatronageApplication(**values), received_on=received_on, acting_user=acting_user
    )


def make_granted(*, clerk, publish=True, **fields) -> PatronageApplication:
    application = make_application(publish_in_register=publish, **fields)
    transition_perform(obj=application, name="grant", acting_user=clerk)
    application.refresh_from_db()
    return application


def make_symbol_request(*, received_on=None, acting_user=None, **fields) -> SymbolUseRequest:
    n = next(_serial)
    today = timezone.localdate()
    values = {
        "applicant_name": f"Firma {n}",
        "applicant_address": "ul. Kłodnicka 10, Ruda Śląska",
        "contact_name": "Jan Nowak",
        "contact_email": f"firma{n}@example.pl",
        "symbol": "logo",
        "purpose": "Koszulki.",
        "medium": "koszulki",
        "period_from": today,
        "period_to": today + timedelta(days=90),
        **fields,
    }
    return symbol_request_open(request=SymbolUseRequest(**values), received_on=received_on, acting_user=acting_user)
