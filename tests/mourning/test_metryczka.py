"""The announcement of a mourning as public information (BIP regulation, DOMAIN.md §F.6, §J.2): published when the
period starts, with who entered and changed it; before its start it has no public register of changes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.helpers import metryczka
from tests.mourning.factories import make_period

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
SITE_GROUP = "Redakcja portalu"


def at(day, hour):
    return time_machine.travel(datetime(2026, 3, day, hour, tzinfo=WARSAW), tick=False)


def test_a_mourning_is_published_at_its_start_and_names_who_entered_and_changed_it(client, make_clerk):
    editor = make_clerk(groups=[SITE_GROUP], first_name="Ewa", last_name="Redaktorska")
    with at(2, 9):
        period = make_period(starts_at=datetime(2026, 3, 4, tzinfo=WARSAW))
        period._history_user = editor
        period.save()
    with at(3, 10):
        assert client.get(f"/informacja-publiczna/zaloba/{period.pk}/rejestr-zmian/").status_code == 404
    with at(4, 12):
        period.condolence_book_place = "Urząd Miasta, hol główny"
        period._history_user = editor
        period.save()
        box = metryczka(client.get(period.get_absolute_url()).content.decode())
        register = client.get(box["link"]).content.decode()

    assert box["Informację wytworzył(a)"] == "Redakcja portalu"
    assert box["Wprowadził(a)"] == "Ewa Redaktorska, 2 marca 2026, 09:00"
    # The page appears at the period's start; the first version here was written outside the admin, by no clerk.
    assert box["Opublikował(a)"] == "4 marca 2026, 00:00"
    assert box["Ostatnio zmienił(a)"] == "Ewa Redaktorska, 4 marca 2026, 12:00"
    assert "Księga kondolencyjna: gdzie" in register
    assert period.ends_at - period.starts_at == timedelta(days=3)
