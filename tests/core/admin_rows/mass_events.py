"""Mass events: notifications of artistic events and permit applications."""

from datetime import timedelta

from django.utils import timezone

from core.services import case_open
from mass_events.models import EventNotification, MassEventPermitApplication
from tests.core.admin_rows import in_days, row_maker, serial

# A valid PESEL (born 14.05.1944, check digit 9): the textbook example, not a real person's number.
PESEL = "44051401359"


def _event_case_fields(n):
    return {
        "organiser_name": f"Stowarzyszenie {n}",
        "organiser_address": "ul. Kokota 1, 41-711 Ruda Śląska",
        "contact_name": "Anna Nowak",
        "contact_email": "anna.nowak@example.pl",
        "event_name": f"Festiwal {n}",
        "venue": "Park Dworski",
        "starts_at": in_days(60 + n),
        "ends_at": in_days(60 + n) + timedelta(hours=4),
        "expected_participants": 400,
        "received_on": timezone.localdate(),
    }


@row_maker(EventNotification)
def event_notification():
    n = next(serial)
    notified = EventNotification(
        event_type="koncert plenerowy",
        character="otwarty",
        safety_measures="Ochrona.",
        accessibility_measures="Strefa dla osób na wózkach.",
        **_event_case_fields(n),
    )
    return case_open(case=notified, title=f"Zawiadomienie o imprezie {n}")


@row_maker(MassEventPermitApplication)
def permit_application():
    n = next(serial)
    application = MassEventPermitApplication(
        organiser_kind="organisation",
        contact_phone="600 100 200",
        event_type="artistic",
        programme="Koncerty.",
        venue_kind="open_area",
        places_total=5000,
        places_available=3000,
        stewards=60,
        info_staff=20,
        threats="Upał.",
        security_manager_name="Jan Kowalski",
        security_manager_pesel=PESEL,
        security_manager_certificate="KB/123/2024",
        security_manager_phone="600 200 300",
        timeliness="on_time",
        **_event_case_fields(n),
    )
    return case_open(case=application, title=f"Wniosek o zezwolenie {n}")
