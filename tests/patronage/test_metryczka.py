"""The register of patronages as public information (BIP regulation, DOMAIN.md §J.2): the register's metryczka,
and for each line a metryczka and a register of changes that show what the register shows, never the contacts."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from core.services import transition_perform
from tests.helpers import metryczka
from tests.patronage.conftest import PATRONAGE_GROUP
from tests.patronage.factories import make_application

WARSAW = ZoneInfo("Europe/Warsaw")


def at(day, hour):
    return time_machine.travel(datetime(2026, 3, day, hour, tzinfo=WARSAW), tick=False)


def test_a_granted_patronage_names_who_granted_it_and_who_changed_its_line(client, make_clerk):
    granting = make_clerk(groups=[PATRONAGE_GROUP], first_name="Maria", last_name="Patronacka")
    correcting = make_clerk(groups=[PATRONAGE_GROUP], first_name="Jerzy", last_name="Poprawny")
    with at(2, 9):
        application = make_application(event_name="Festiwal Bluesowy", days_ahead=60)
    with at(4, 11):
        transition_perform(obj=application, name="grant", acting_user=granting)
    with at(6, 15):
        application.refresh_from_db()
        application.venue = "Dom Kultury Bielszowice"
        application._history_user = correcting
        application.save()

    register = client.get("/patronat/rejestr/").content.decode()

    assert metryczka(register)["Opublikował(a)"] == "Maria Patronacka, 4 marca 2026, 11:00"
    assert metryczka(register)["Ostatnio zmienił(a)"] == "Jerzy Poprawny, 6 marca 2026, 15:00"
    line_url = f"/informacja-publiczna/patronaty/{application.pk}/rejestr-zmian/"
    assert line_url in register
    page = client.get(line_url).content.decode()
    box = metryczka(page)
    assert box["Informację wytworzył(a)"] == "Patronaty i symbole miasta"
    assert box["Data wytworzenia"] == "2 marca 2026, 09:00"  # the application as the organiser sent it
    assert box["Wprowadził(a)"] == "Maria Patronacka, 4 marca 2026, 11:00"
    assert box["Opublikował(a)"] == "Maria Patronacka, 4 marca 2026, 11:00"
    assert box["Ostatnio zmienił(a)"] == "Jerzy Poprawny, 6 marca 2026, 15:00"
    assert "Miejsce imprezy" in page
    assert application.contact_email not in page
    assert application.contact_name not in page


def test_a_refused_application_has_no_public_register_of_changes(client, make_clerk):
    clerk = make_clerk(groups=[PATRONAGE_GROUP])
    application = make_application()
    transition_perform(obj=application, name="refuse", acting_user=clerk, note="Wydarzenie komercyjne.")

    assert client.get(f"/informacja-publiczna/patronaty/{application.pk}/rejestr-zmian/").status_code == 404
