"""Exports of the lists of mass-event permits and notifications of artistic events (ChangeListExportMixin)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mass_events.deadlines import mass_event_decision_latest
from mass_events.models import EventNotification
from mass_events.services.notifications import notification_ban_deadline
from tests.helpers import export_csv_rows, export_xlsx_rows
from tests.mass_events.factories import EventNotificationFactory, PermitApplicationFactory

EVENTS_GROUP = "Wydarzenia i imprezy masowe"
PERMITS_CSV = reverse("admin:mass_events_masseventpermitapplication_export_csv")
PERMITS_XLSX = reverse("admin:mass_events_masseventpermitapplication_export_xlsx")
NOTIFICATIONS_CSV = reverse("admin:mass_events_eventnotification_export_csv")
NOTIFICATIONS_XLSX = reverse("admin:mass_events_eventnotification_export_xlsx")


@pytest.fixture
def events_clerk(clerk_client):
    return clerk_client(groups=[EVENTS_GROUP])


def when(value) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")


def test_the_permits_export_names_the_event_its_dates_and_the_decision_due(events_clerk, db):
    permit = PermitApplicationFactory(event_name='=HYPERLINK("https://zlo.example/")')
    rows = export_csv_rows(events_clerk.get(PERMITS_CSV))
    assert rows[1][0] == permit.case_mark
    assert rows[1][1] == "'" + permit.event_name
    assert rows[1][4] == when(permit.starts_at)
    assert rows[1][9] == f"{mass_event_decision_latest(permit.starts_at):%d.%m.%Y}"
    assert "Jan Kowalski" not in str(rows)  # the security manager's data stays on the case page
    xlsx = export_xlsx_rows(events_clerk.get(PERMITS_XLSX))
    assert xlsx[0] == rows[0]
    assert xlsx[1][1] == permit.event_name


def test_the_notifications_export_holds_the_ban_deadline_and_only_the_filtered_rows(events_clerk, db):
    other = EventNotificationFactory(event_name="Koncert w Halembie", is_city_institution=False)
    EventNotificationFactory(event_name="Koncert w Wirku")
    rows = export_csv_rows(events_clerk.get(NOTIFICATIONS_CSV, {"is_city_institution__exact": "0"}))
    other.refresh_from_db()
    assert [row[1] for row in rows[1:]] == ["Koncert w Halembie"]
    assert rows[1][8] == ("tak" if other.is_late else "nie")
    assert rows[1][9] == f"{notification_ban_deadline(other):%d.%m.%Y}"
    xlsx = export_xlsx_rows(events_clerk.get(NOTIFICATIONS_XLSX, {"q": "Wirku"}))
    assert [row[1] for row in xlsx[1:]] == ["Koncert w Wirku"]


def test_the_notifications_export_takes_the_same_queries_for_5_and_50_rows(events_clerk, db):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert events_clerk.get(NOTIFICATIONS_CSV).status_code == 200
        return len(queries)

    for _n in range(5):
        EventNotificationFactory()
    five = count()
    for _n in range(45):
        EventNotificationFactory()
    assert EventNotification.objects.count() == 50
    assert count() == five


@pytest.mark.parametrize("url", [PERMITS_CSV, PERMITS_XLSX, NOTIFICATIONS_CSV, NOTIFICATIONS_XLSX])
def test_a_clerk_of_another_section_is_refused(clerk_client, url, db):
    assert clerk_client(groups=["Dotacje, stypendia i nagrody"]).get(url).status_code == 403
