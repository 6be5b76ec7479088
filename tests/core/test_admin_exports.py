"""Exports of admin changelists (core.admin_mixins.ChangeListExportMixin), shown on the list of events.

The export is the changelist as the clerk searched and filtered it, every page, in Polish cells; it reads the
database in a bounded number of queries and only a clerk who may view the model gets it.
"""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from core.exports import Money, clerk_csv_cell, clerk_xlsx_cell
from events.models import Event
from tests.events.factories import EventFactory, VenueFactory, bulk_events, mck_venue
from tests.helpers import export_csv_rows, export_xlsx_rows

EVENTS_GROUP = "Wydarzenia i imprezy masowe"
CHANGELIST = reverse("admin:events_event_changelist")
CSV_URL = reverse("admin:events_event_export_csv")
XLSX_URL = reverse("admin:events_event_export_xlsx")
FORMULA = '=HYPERLINK("https://zlo.example/";"Kliknij")'
HEADER = [
    "Tytuł",
    "Pierwszy termin",
    "Miejsce",
    "Dzielnica",
    "Kategoria",
    "Organizator",
    "Współorganizowane przez Miasto Ruda Śląska",
    "Wstęp",
    "Status",
    "Polecane",
    "Data publikacji",
]


@pytest.fixture
def events_clerk(clerk_client):
    return clerk_client(groups=[EVENTS_GROUP])


def test_the_changelist_offers_both_exports_of_its_current_search(events_clerk, db):
    page = events_clerk.get(CHANGELIST, {"q": "Halemba", "status__exact": "published"}).content.decode()
    assert f'href="{CSV_URL}?q=Halemba&amp;status__exact=published"' in page
    assert f'href="{XLSX_URL}?q=Halemba&amp;status__exact=published"' in page
    assert "Eksport do CSV" in page
    assert "Eksport do XLSX" in page


def test_the_csv_has_polish_headers_labels_and_dates(events_clerk, db):
    event = EventFactory(title="Koncert Orkiestry Dętej", venue=mck_venue(), co_organised_by_city=True)
    rows = export_csv_rows(events_clerk.get(CSV_URL))
    assert rows[0] == HEADER
    first = timezone.localtime(event.occurrences.order_by("starts_at").first().starts_at)
    published = timezone.localtime(event.published_at)
    assert rows[1] == [
        "Koncert Orkiestry Dętej",
        first.strftime("%d.%m.%Y %H:%M"),
        event.venue.name,
        event.venue.get_district_display(),
        event.category.name,
        "Miejskie Centrum Kultury im. Henryka Bisty",
        "tak",
        "wstęp wolny",
        "opublikowane",
        "nie",
        published.strftime("%d.%m.%Y %H:%M"),
    ]


def test_the_xlsx_holds_the_same_rows_with_dates_as_dates(events_clerk, db):
    event = EventFactory(title="Koncert Orkiestry Dętej")
    rows = export_xlsx_rows(events_clerk.get(XLSX_URL))
    assert rows[0] == HEADER
    assert rows[1][0] == "Koncert Orkiestry Dętej"
    first = timezone.localtime(event.occurrences.order_by("starts_at").first().starts_at)
    assert rows[1][1] == first.replace(tzinfo=None, microsecond=0)
    assert rows[1][8] == "opublikowane"


def test_a_typed_in_formula_stays_text(events_clerk, db):
    EventFactory(title=FORMULA, organiser_name="@SUMA(A1:A9)")
    rows = export_csv_rows(events_clerk.get(CSV_URL))
    assert rows[1][0] == "'" + FORMULA
    assert rows[1][5] == "'@SUMA(A1:A9)"
    response = events_clerk.get(XLSX_URL)
    assert export_xlsx_rows(response)[1][0] == FORMULA  # a text cell, never a formula
    assert b"<f>" not in response.content


def test_the_export_holds_only_the_searched_and_filtered_rows(events_clerk, db):
    EventFactory(title="Koncert w Halembie")
    EventFactory(title="Koncert w Wirku")
    EventFactory(title="Wystawa w Halembie", status=Event.Status.DRAFT)
    rows = export_csv_rows(events_clerk.get(CSV_URL, {"q": "Halembie"}))
    assert sorted(row[0] for row in rows[1:]) == ["Koncert w Halembie", "Wystawa w Halembie"]
    rows = export_csv_rows(events_clerk.get(CSV_URL, {"q": "Halembie", "status__exact": "draft"}))
    assert [row[0] for row in rows[1:]] == ["Wystawa w Halembie"]
    rows = export_xlsx_rows(events_clerk.get(XLSX_URL, {"status__exact": "draft"}))
    assert [row[0] for row in rows[1:]] == ["Wystawa w Halembie"]


def test_every_page_of_the_changelist_is_exported(events_clerk, db):
    bulk_events(120, venue=VenueFactory())
    assert len(export_csv_rows(events_clerk.get(CSV_URL))) == 121


def test_invalid_filters_lead_back_to_the_list_with_a_polish_message(events_clerk, db):
    response = events_clerk.get(CSV_URL, {"status__exact": "x", "nie_ma": "1"}, follow=True)
    assert response.status_code == 200
    assert "Filtry listy są nieprawidłowe; wybierz je ponownie." in response.content.decode()


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_the_query_count_does_not_grow_with_the_rows(events_clerk, url, db):
    venue = VenueFactory()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = events_clerk.get(url)
        assert response.status_code == 200
        return len(queries)

    bulk_events(5, venue=venue)
    five = count()
    bulk_events(45, venue=venue)
    assert Event.objects.count() == 50
    assert count() == five


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_a_clerk_of_another_section_is_refused(clerk_client, url, db):
    EventFactory()
    assert clerk_client(groups=["Biuro prasowe"]).get(url).status_code == 403


def test_clerks_cells_are_written_the_polish_way(settings):
    assert clerk_csv_cell(Money("12345.6")) == "12\u00a0345,60\u00a0zł"
    assert clerk_csv_cell(Decimal("87.50")) == "87,50"
    assert clerk_csv_cell(date(2026, 12, 7)) == "07.12.2026"
    aware = datetime(2026, 12, 7, 18, 30, tzinfo=ZoneInfo("Europe/Warsaw"))
    assert clerk_csv_cell(aware) == "07.12.2026 18:30"
    assert [clerk_csv_cell(value) for value in (True, False, None, 3)] == ["tak", "nie", "", "3"]
    assert clerk_csv_cell("+48 600 100 200") == "'+48 600 100 200"
    sheet = Workbook(write_only=True).create_sheet()
    amount = clerk_xlsx_cell(sheet, Money("4000.00"))
    assert (amount.value, amount.number_format) == (Decimal("4000.00"), '#,##0.00 "zł"')
    assert clerk_xlsx_cell(sheet, date(2026, 12, 7)).number_format == "DD.MM.YYYY"
    assert clerk_xlsx_cell(sheet, aware).value == aware.replace(tzinfo=None)
    assert clerk_xlsx_cell(sheet, FORMULA).data_type == "s"
