"""The declaration of accessibility as public information (BIP regulation; ustawa z 4.04.2019 art. 10; DOMAIN.md
§G.4, §J.2): its page names who published and reviewed it, and the register of changes lists its public versions."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.accessibility.conftest import COORDINATOR_GROUP
from tests.accessibility.factories import make_declaration
from tests.helpers import metryczka

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


def at(day, hour):
    return time_machine.travel(datetime(2026, 3, day, hour, tzinfo=WARSAW), tick=False)


def test_the_declaration_names_who_published_and_reviewed_it(client, make_clerk):
    coordinator = make_clerk(groups=[COORDINATOR_GROUP], first_name="Irena", last_name="Dostępna")
    with at(2, 9):
        declaration = make_declaration(is_published=False)
    with at(3, 12):
        declaration.is_published = True
        declaration._history_user = coordinator
        declaration.save()
    with at(25, 10):
        declaration.reviewed_on = date(2026, 3, 25)
        declaration._history_user = coordinator
        declaration.save()

    box = metryczka(client.get("/deklaracja-dostepnosci/").content.decode())

    assert box["Informację wytworzył(a)"] == "Koordynator dostępności"
    assert box["Data wytworzenia"] == "2 marca 2026, 09:00"
    assert box["Opublikował(a)"] == "Irena Dostępna, 3 marca 2026, 12:00"
    assert box["Ostatnio zmienił(a)"] == "Irena Dostępna, 25 marca 2026, 10:00"
    register = client.get(box["link"]).content.decode()
    assert register.count("<tr>") == 3
    assert "Data ostatniego przeglądu" in register
