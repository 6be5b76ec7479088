"""The metryczka of an institution's page in the register (BIP regulation, DOMAIN.md §J.2): who entered the
institution, who made the later entries, and when, read from the versions the register's services save."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from tests.helpers import metryczka
from tests.institutions import factories

WARSAW = ZoneInfo("Europe/Warsaw")


def test_the_institution_page_names_who_entered_it_and_who_made_the_last_entry(client, db):
    first = factories.register_clerk(first_name="Anna", last_name="Nowak")
    second = factories.register_clerk(first_name="Piotr", last_name="Wieczorek")
    with time_machine.travel(datetime(2026, 3, 2, 9, 15, tzinfo=WARSAW), tick=False):
        institution = factories.institution(clerk=first, entry_date=date(2026, 3, 2))
    with time_machine.travel(datetime(2026, 3, 9, 13, 40, tzinfo=WARSAW), tick=False):
        factories.entry(
            institution, clerk=second, entry_date=date(2026, 3, 9), values={"address": "ul. Niedurnego 70"}
        )

    html = client.get(institution.get_absolute_url()).content.decode()

    box = metryczka(html)
    assert box["Informację wytworzył(a)"] == "Rejestr instytucji kultury"
    assert box["Data wytworzenia"] == "2 marca 2026, 09:15"
    assert box["Wprowadził(a)"] == "Anna Nowak, 2 marca 2026, 09:15"
    assert box["Opublikował(a)"] == "Anna Nowak, 2 marca 2026, 09:15"
    assert box["Ostatnio zmienił(a)"] == "Piotr Wieczorek, 9 marca 2026, 13:40"
    register = client.get(box["link"]).content.decode()
    rows = register[register.index("<tbody>") : register.index("</tbody>")]
    assert "Piotr Wieczorek" in rows
    assert "Adres" in rows
    assert "Data ostatniego wpisu" in rows
