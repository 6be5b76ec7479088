"""The production record of the city's own events: its budget in sum, its tasks as clocks in the Terminarz, the links
to the calendar entry, the release and the permit from its admin page, and its agreement and report as PDFs."""

import io
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.deadlines import open_deadlines
from promotion.deadlines import checklist_task_due
from promotion.models import EventProduction, ProductionPartner, ProductionTask
from promotion.selectors import production_budget, production_task_open_deadlines
from tests.events.factories import EventFactory
from tests.mass_events.factories import PermitApplicationFactory
from tests.press.factories import PressReleaseFactory
from tests.promotion.conftest import PROMOTION_GROUP
from tests.promotion.factories import make_kind, make_production

CHANGELIST = "/admin/promotion/eventproduction/"


def change_url(production) -> str:
    return reverse("admin:promotion_eventproduction_change", args=[production.pk])


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def page_text(response) -> str:
    """The page's text with no-break spaces as spaces (amounts are written "12 345,67 zł" with them)."""
    return response.content.decode().replace("\xa0", " ").replace("&nbsp;", " ")


# The checklist and its due dates, read off the 2027 calendar: the festival starts on Saturday 12 June 2027.


@pytest.mark.parametrize(
    ("days_before", "due"),
    [
        (60, date(2027, 4, 13)),  # Tuesday
        (45, date(2027, 4, 28)),  # Wednesday
        (7, date(2027, 6, 4)),  # Saturday 5 June: the Friday before
        (0, date(2027, 6, 11)),  # the first day is a Saturday: the Friday before
        (-2, date(2027, 6, 14)),  # Monday after the event
        (-14, date(2027, 6, 28)),  # Saturday 26 June: the Monday after
    ],
)
def test_a_checklist_task_is_due_on_the_working_day_its_days_before_the_event_give(days_before, due):
    assert checklist_task_due(date(2027, 6, 12), days_before) == due


def test_the_checklist_of_the_kind_becomes_the_coordinators_tasks(db, make_clerk):
    coordinator = make_clerk(groups=[PROMOTION_GROUP])
    kind = make_kind(checklist=[("Umowy z artystami", 60), ("Wniosek o zezwolenie na imprezę masową", 45)])
    production = make_production(kind=kind, coordinator=coordinator)
    assert list(production.tasks.values_list("title", "due_on", "owner", "done_on")) == [
        ("Umowy z artystami", date(2027, 4, 13), coordinator.pk, None),
        ("Wniosek o zezwolenie na imprezę masową", date(2027, 4, 28), coordinator.pk, None),
    ]


# The budget in sum.


def test_the_budget_sums_the_lines_and_shows_what_remains(db):
    production = make_production(
        budget=[("Scena i nagłośnienie", "48000.00", "47500.50"), ("Honoraria artystów", "120000.00", "95000.00")]
    )
    totals = production_budget(production)
    assert (totals.planned, totals.spent, totals.remaining, totals.overspent) == (
        pytest.approx(168000),
        pytest.approx(142500.50),
        pytest.approx(25499.50),
        False,
    )


def test_an_overspent_budget_is_named_so_on_the_record(db, clerk):
    production = make_production(budget=[("Ochrona", "10000.00", "12500.00")])
    page = page_text(clerk.get(change_url(production)))
    assert "przekroczenie budżetu" in page
    assert "2 500,00 zł" in page


def test_the_record_and_the_list_show_the_clerk_the_budget_sums(db, clerk):
    clerk.clerk.first_name, clerk.clerk.last_name = "Anna", "Nowak"
    clerk.clerk.save()
    production = make_production(
        title="Industriada w Rudzie",
        coordinator=clerk.clerk,
        budget=[("Scena i nagłośnienie", "48000.00", "47500.50"), ("Honoraria artystów", "120000.00", "95000.00")],
        tasks=[("Zamówić toalety", date(2027, 5, 1), None), ("Plakat", date(2027, 4, 1), date(2027, 3, 30))],
    )
    page = page_text(clerk.get(change_url(production)))
    assert "168 000,00 zł" in page
    assert "142 500,50 zł" in page
    assert "25 499,50 zł" in page
    listing = page_text(clerk.get(CHANGELIST))
    row = re.search(r"Industriada w Rudzie.*?</tr>", listing, re.S).group(0)
    assert "168 000,00 zł" in row
    assert "142 500,50 zł" in row
    assert re.search(r">1</td>", row)  # one task still open
    assert "Anna Nowak" in row


def test_an_event_without_budget_lines_sums_to_zero(db):
    totals = production_budget(make_production())
    assert (totals.planned, totals.spent, totals.remaining) == (0, 0, 0)


def test_the_list_reads_the_same_number_of_queries_for_5_and_50_events(db, clerk):
    kind = make_kind(name="Koncert")

    def make(count):
        for _n in range(count):
            make_production(
                kind=kind,
                coordinator=clerk.clerk,
                budget=[("Scena", "1000.00", "500.00"), ("Ochrona", "800.00", "0")],
                tasks=[("Plakat", date(2027, 4, 1), None)],
            )

    make(5)
    with CaptureQueriesContext(connection) as five:
        assert clerk.get(CHANGELIST).status_code == 200
    make(45)
    with CaptureQueriesContext(connection) as fifty:
        response = clerk.get(CHANGELIST)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 50
    assert len(fifty.captured_queries) == len(five.captured_queries)


# The tasks' clocks in the Terminarz.


def test_an_overdue_and_a_near_task_wait_in_the_owners_terminarz_and_a_done_task_leaves_it(db, clerk):
    today = timezone.localdate()
    production = make_production(
        title="Dni Rudy",
        coordinator=clerk.clerk,
        tasks=[
            ("Zamówić scenę", today - timedelta(days=2), None),
            ("Wysłać zaproszenia", today + timedelta(days=3), None),
            ("Zamówić plakaty", today - timedelta(days=10), today - timedelta(days=11)),
        ],
    )
    mine = {row.title: row for row in open_deadlines(handler_id=clerk.clerk.pk) if row.url == change_url(production)}
    assert set(mine) == {"Zamówić scenę — Dni Rudy", "Wysłać zaproszenia — Dni Rudy"}
    assert mine["Zamówić scenę — Dni Rudy"].is_overdue(today)
    assert mine["Wysłać zaproszenia — Dni Rudy"].days_left(today) == 3
    page = clerk.get("/admin/terminarz/?scope=mine").content.decode()
    assert "Zamówić scenę — Dni Rudy" in page
    assert "Wysłać zaproszenia — Dni Rudy" in page
    assert "Zamówić plakaty" not in page

    ProductionTask.objects.filter(title="Zamówić scenę").update(done_on=today)
    page = clerk.get("/admin/terminarz/?scope=mine").content.decode()
    assert "Zamówić scenę" not in page
    assert "Wysłać zaproszenia — Dni Rudy" in page


def test_a_task_done_in_the_admin_leaves_the_terminarz(db, clerk):
    today = timezone.localdate()
    production = make_production(
        coordinator=clerk.clerk, tasks=[("Zamówić scenę", today - timedelta(days=1), None)], title="Dni Rudy"
    )
    task = production.tasks.get()
    data = {
        "title": production.title,
        "kind": production.kind_id,
        "role": production.role,
        "starts_on": production.starts_on.isoformat(),
        "ends_on": production.ends_on.isoformat(),
        "place": production.place,
        "coordinator": clerk.clerk.pk,
        **{f"{prefix}-TOTAL_FORMS": "0" for prefix in ("budget_lines", "partners")},
        **{f"{prefix}-INITIAL_FORMS": "0" for prefix in ("budget_lines", "partners")},
        "tasks-TOTAL_FORMS": "1",
        "tasks-INITIAL_FORMS": "1",
        "tasks-0-id": task.pk,
        "tasks-0-production": production.pk,
        "tasks-0-title": task.title,
        "tasks-0-owner": clerk.clerk.pk,
        "tasks-0-due_on": task.due_on.isoformat(),
        "tasks-0-done_on": today.isoformat(),
    }
    response = clerk.post(change_url(production), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert not [row for row in open_deadlines() if row.url == change_url(production)]


def test_the_terminarz_reads_the_tasks_in_one_query(db, django_assert_num_queries):
    for _n in range(3):
        make_production(tasks=[("Plakat", date(2027, 4, 1), None), ("Scena", date(2027, 4, 2), None)])
    with django_assert_num_queries(1):
        assert len(list(production_task_open_deadlines())) == 6


# Adding the record in the admin.


def test_a_clerk_adds_a_record_and_finds_the_checklists_tasks_on_its_page(db, clerk):
    kind = make_kind(name="Dni miasta", checklist=[("Umowy z artystami", 60)])
    response = clerk.post(
        reverse("admin:promotion_eventproduction_add"),
        {
            "title": "Dni Rudy 2027",
            "kind": kind.pk,
            "role": "own",
            "starts_on": "2027-06-12",
            "ends_on": "2027-06-13",
            "place": "Park Strzelnica",
            "coordinator": clerk.clerk.pk,
        },
    )
    production = EventProduction.objects.get(title="Dni Rudy 2027")
    assert response.status_code == 302
    assert response["Location"] == change_url(production)
    page = page_text(clerk.get(change_url(production)))
    assert "Umowy z artystami" in page
    assert "2027-04-13" in page or "13.04.2027" in page


def test_a_clerk_of_another_section_sees_neither_the_record_nor_its_report(db, clerk_client):
    production = make_production()
    press_clerk = clerk_client(groups=["Biuro prasowe"])
    assert press_clerk.get(change_url(production)).status_code in (302, 403)
    report = reverse("admin:promotion_eventproduction_report", args=[production.pk])
    assert press_clerk.get(report).status_code == 403


# The linked records.


def test_the_calendar_entry_the_release_and_the_permit_are_reached_from_the_record(db, clerk):
    event = EventFactory(title="Industriada 2027 w Rudzie Śląskiej")
    release = PressReleaseFactory(title="Industriada wraca do Rudy")
    production = make_production(calendar_event=event, press_release=release)
    page = clerk.get(change_url(production)).content.decode()
    assert f'href="{reverse("admin:events_event_change", args=[event.pk])}"' in page
    assert f'href="{reverse("admin:press_pressrelease_change", args=[release.pk])}"' in page
    assert "Industriada 2027 w Rudzie Śląskiej" in page
    assert "Industriada wraca do Rudy" in page
    # The section's clerk may open both.
    assert clerk.get(reverse("admin:events_event_change", args=[event.pk])).status_code == 200
    assert clerk.get(reverse("admin:press_pressrelease_change", args=[release.pk])).status_code == 200


def test_the_permit_is_linked_with_its_case_mark_and_status(db, clerk):
    permit = PermitApplicationFactory()
    production = make_production(mass_event_permit=permit)
    page = clerk.get(change_url(production)).content.decode()
    assert reverse("admin:mass_events_masseventpermitapplication_change", args=[permit.pk]) in page
    assert permit.case_mark in page


# The documents.


def test_the_agreement_names_the_parties_their_obligations_and_contributions(db, clerk):
    production = make_production(title="Festiwal Bluesowy", starts_on=date(2027, 8, 20), ends_on=date(2027, 8, 21))
    partner = ProductionPartner.objects.create(
        production=production,
        name="Stowarzyszenie Rudzki Blues",
        address="ul. Niedurnego 36, 41-709 Ruda Śląska",
        representative="Jan Nowak, prezes",
        city_obligations="Udostępnić scenę i nagłośnienie.\nZapewnić ochronę.",
        partner_obligations="Zaprosić artystów.\n\nProwadzić wydarzenie.",
        city_contribution="35000.00",
        partner_contribution="12000.00",
        agreement_number="KP.526.3.2027",
        agreement_signed_on=date(2027, 5, 10),
    )
    url = reverse("admin:promotion_eventproduction_agreement", args=[production.pk, partner.pk])
    assert url in clerk.get(change_url(production)).content.decode()
    response = clerk.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content).replace("\xa0", " ")
    for expected in (
        "Porozumienie o współorganizacji Nr KP.526.3.2027",
        "Festiwal Bluesowy",
        "Stowarzyszenie Rudzki Blues",
        "Jan Nowak, prezes",
        "20.08.2027",
        "21.08.2027",
        "Udostępnić scenę i nagłośnienie.",
        "Prowadzić wydarzenie.",
        "35 000,00 zł",
        "12 000,00 zł",
        "Ruda Śląska, 10 maja 2027 r.",
    ):
        assert expected in text, expected


def test_the_report_gives_the_attendance_and_the_costs(db, clerk):
    production = make_production(
        title="Dni Rudy 2027",
        budget=[("Scena i nagłośnienie", "48000.00", "47500.50"), ("Honoraria artystów", "120000.00", "95000.00")],
        tasks=[("Plakat", date(2027, 4, 1), date(2027, 3, 30)), ("Rozliczyć faktury", date(2027, 6, 28), None)],
        attendance=18500,
        report_summary="Dwa dni koncertów, bez zdarzeń.",
        reported_on=date(2027, 6, 30),
    )
    response = clerk.get(reverse("admin:promotion_eventproduction_report", args=[production.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content).replace("\xa0", " ")
    for expected in (
        "Sprawozdanie z wydarzenia: Dni Rudy 2027",
        "18500",
        "Dwa dni koncertów, bez zdarzeń.",
        "Scena i nagłośnienie 48 000,00 zł 47 500,50 zł 499,50 zł",
        "Wartość razem 168 000,00 zł 142 500,50 zł 25 499,50 zł",
        "1 zadanie wykonane",
        "Rozliczyć faktury (28.06.2027)",
        "30 czerwca 2027",
    ):
        assert expected in text, expected
