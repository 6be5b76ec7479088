"""The coordinator's accessibility monitoring in Chromium (issue 22 item 4): axe-core is run over public page types
as `manage.py check_accessibility` runs it, the results are kept, and the coordinator reads them with an open demand
and its clock on a page that itself passes axe-core and fits 320 px."""

from django.urls import reverse

from accessibility import monitoring
from accessibility.models import AccessibilityCheck
from tests.accessibility.factories import make_demand
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.site_check import run_checks

COORDINATOR = "Koordynator dostępności"
CHECKED = {"list:home", "list:accessibility_declaration", "list:department"}


def test_the_checks_are_kept_and_the_coordinator_reads_them_with_the_open_demands(site_url, browser, new_page):
    pages = [page for page in monitoring.page_types() if page.key in CHECKED]
    assert {page.key for page in pages} == CHECKED

    results = run_checks(site_url, pages, browser=browser)
    monitoring.store_results(results)
    demand = make_demand()

    assert [(result.page.key, result.error, result.violations, result.fits_320) for result in results] == [
        (page.key, "", [], True) for page in pages
    ]
    assert AccessibilityCheck.objects.count() == 3
    page = clerk_signs_in(new_page, site_url, groups=[COORDINATOR]).page
    page.goto(site_url + reverse("admin:accessibility_accessibilitydeclaration_changelist"))
    page.get_by_role("link", name="Monitorowanie dostępności").click()
    page.locator("#checks-heading").wait_for()
    assert page.locator("#accessibility-checks tbody tr").count() == 3
    assert page.locator("#accessibility-checks").get_by_text("Brak naruszeń").count() == 3
    assert demand.case_mark in page.locator("#accessibility-open-cases").inner_text()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scrolling(page)
