"""A published meeting with residents as public information (BIP regulation, DOMAIN.md §I.3, §J.2): its page names
who published it and who changed it, and its register of changes lists the public versions, not the draft."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from meetings.services import meeting_publish
from tests.helpers import metryczka
from tests.meetings.conftest import PROMOTION_GROUP
from tests.meetings.factories import make_meeting

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


def at(day, hour):
    return time_machine.travel(datetime(2026, 3, day, hour, tzinfo=WARSAW), tick=False)


def test_a_meeting_names_who_published_it_and_who_wrote_the_minutes(client, make_clerk):
    clerk = make_clerk(groups=[PROMOTION_GROUP], first_name="Jolanta", last_name="Spotkaniowa")
    with at(2, 9):
        meeting = make_meeting(published=False, days_ahead=10, title="Spotkanie w Halembie")
    with at(3, 12):
        meeting = meeting_publish(meeting=meeting, acting_user=clerk)
    with at(20, 15):
        meeting.minutes = "<p>Mieszkańcy pytali o remont ulicy.</p>"
        meeting.attendance_estimate = 85  # internal: not in the register of changes
        meeting._history_user = clerk
        meeting.save()

    box = metryczka(client.get(meeting.get_absolute_url()).content.decode())

    assert box["Informację wytworzył(a)"] == "Promocja i gospodarka"
    assert box["Data wytworzenia"] == "2 marca 2026, 09:00"
    assert box["Opublikował(a)"] == "Jolanta Spotkaniowa, 3 marca 2026, 12:00"
    assert box["Ostatnio zmienił(a)"] == "Jolanta Spotkaniowa, 20 marca 2026, 15:00"
    register = client.get(box["link"]).content.decode()
    assert register.count("<tr>") == 3  # the header, the publication and the minutes
    assert "Protokół" in register
    assert "85" not in register


def test_a_draft_meeting_has_no_register_of_changes(client):
    meeting = make_meeting(published=False)

    url = f"/informacja-publiczna/spotkania-z-mieszkancami/{meeting.pk}/rejestr-zmian/"
    assert client.get(url).status_code == 404
