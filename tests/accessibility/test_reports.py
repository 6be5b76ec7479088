"""The plan of action and the 4-yearly report on the state of accessibility (ustawa z 19.07.2019 art. 11, 14).

The report is due every 4 years by 31 March (2029 next) as a Terminarz clock until it is sent to the voivode; its
export in the form's layout holds the figures entered per building; a measure's progress is read from its dates.
"""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from accessibility.deadlines import accessibility_report_due
from accessibility.models import AccessibilityReport, ActionPlan, ActionPlanMeasure, ReportBuilding
from core.deadlines import open_deadlines
from tests.accessibility.conftest import COORDINATOR_GROUP, PRESS_GROUP
from tests.events.factories import VenueFactory
from tests.helpers import export_csv_rows, export_xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2026, 12, 7), date(2029, 3, 31)),
        (date(2025, 3, 31), date(2025, 3, 31)),  # the day itself
        (date(2025, 4, 1), date(2029, 3, 31)),  # the day after: four years on
        (date(2029, 1, 2), date(2029, 3, 31)),
    ],
)
def test_the_report_is_due_every_4_years_by_31_march(today, due):
    assert accessibility_report_due(today) == due


def make_report(**fields):
    hall = VenueFactory(name="Urząd Miasta", street_address="pl. Jana Pawła II 6")
    annex = VenueFactory(name="Budynek B", street_address="ul. Niedurnego 69")
    report = AccessibilityReport.objects.create(
        year=2029, websites=4, websites_full=1, websites_partial=2, alternative_access="Tłumacz PJM online.", **fields
    )
    ReportBuilding.objects.create(
        report=report, venue=hall, barrier_free_spaces=True, access_to_rooms=True, hearing_devices=True
    )
    ReportBuilding.objects.create(report=report, venue=annex, assistance_dog=True, communication_on_request=True)
    return report


def test_the_export_holds_the_figures_entered_per_building(clerk_client):
    report = make_report()
    coordinator = clerk_client(groups=[COORDINATOR_GROUP])
    rows = export_csv_rows(coordinator.get(reverse("admin:accessibility_report_export", args=[report.pk, "csv"])))
    header, body = rows[0], {row[0]: row[2:] for row in rows[1:]}
    assert header[2:] == ["Urząd Miasta, pl. Jana Pawła II 6", "Budynek B, ul. Niedurnego 69"]
    assert body["I.1"] == ["tak", "nie"]
    assert body["I.4"] == ["nie", "tak"]
    assert body["III.2"] == ["tak", "nie"]
    assert body["III.4"] == ["nie", "tak"]
    assert body["II.1"][0] == "4"
    assert body["II.4"][0] == "1"
    assert body["IV"][0] == "Tłumacz PJM online."

    xlsx = export_xlsx_rows(coordinator.get(reverse("admin:accessibility_report_export", args=[report.pk, "xlsx"])))
    assert xlsx[1][:4] == ["I.1", xlsx[1][1], "tak", "nie"]


def test_only_the_coordinator_exports_the_report(clerk_client):
    report = make_report()
    press = clerk_client(groups=[PRESS_GROUP])
    assert press.get(reverse("admin:accessibility_report_export", args=[report.pk, "csv"])).status_code == 403


def test_the_report_is_a_terminarz_clock_until_sent_to_the_voivode():
    due = accessibility_report_due(timezone.localdate())
    rows = [row for row in open_deadlines(section="accessibility") if row.due_date == due and "raport" in row.rule]
    assert len(rows) == 1
    report = make_report(bip_published_on=timezone.localdate(), sent_to_voivode_on=timezone.localdate())
    AccessibilityReport.objects.filter(pk=report.pk).update(year=due.year)
    assert not [row for row in open_deadlines(section="accessibility") if "raport" in row.rule]


def test_a_measure_progress_is_read_from_its_dates():
    plan = ActionPlan.objects.create(
        title="Plan 2026–2029", period_from=date(2026, 1, 1), period_to=date(2029, 12, 31)
    )
    measure = ActionPlanMeasure(
        plan=plan,
        dimension="architectural",
        measure="Pochylnia",
        responsible="Wydział Inwestycji",
        deadline=date(2027, 6, 30),
    )
    assert measure.progress(date(2027, 1, 1)) == "planned"
    measure.started_on = date(2027, 2, 1)
    assert measure.progress(date(2027, 3, 1)) == "in_progress"
    assert measure.progress(date(2027, 7, 1)) == "overdue"
    measure.done_on = date(2027, 7, 10)
    assert measure.progress(date(2027, 8, 1)) == "done"
