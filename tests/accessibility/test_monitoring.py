"""The coordinator's accessibility monitoring (issue 22 item 4; ustawa z 4.04.2019 art. 10, DOMAIN.md §G.4): the last
automated check of each type of public page with its date, and the open requests and demands with their clocks;
only the coordinator's section reads it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from accessibility import monitoring
from accessibility.models import AccessibilityCheck
from core import roles
from tests.accessibility.conftest import COORDINATOR_GROUP
from tests.accessibility.factories import make_demand, make_request

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


def url():
    return reverse("admin:accessibility_monitoring")


def result(key, label, path, *, violations=(), fits_320=True, error=""):
    return monitoring.Result(monitoring.PageType(key, label, path), list(violations), fits_320, error)


COLOUR = {
    "id": "color-contrast",
    "impact": "serious",
    "help": "Elements must meet minimum color contrast ratio thresholds",
    "helpUrl": "https://dequeuniversity.com/rules/axe/4.10/color-contrast",
    "nodes": 2,
    "target": [".button"],
}


def test_the_page_shows_each_page_types_last_check_failing_first(coordinator):
    monitoring.store_results(
        [result("list:home", "Strona główna", "/"), result("record:events", "Wydarzenie", "/wydarzenia/koncert/")],
        checked_at=datetime(2026, 3, 2, 9, 0, tzinfo=WARSAW),
    )
    monitoring.store_results(
        [result("record:events", "Wydarzenie", "/wydarzenia/koncert/", violations=[COLOUR], fits_320=False)],
        checked_at=datetime(2026, 3, 9, 22, 30, tzinfo=WARSAW),
    )

    page = coordinator.get(url()).content.decode()

    assert AccessibilityCheck.objects.count() == 2  # the last result of a page type replaces the one before
    assert page.index("/wydarzenia/koncert/") < page.index("<code>/</code>")
    assert "9 marca 2026, 22:30" in page
    assert "2 marca 2026, 09:00" in page
    assert "color-contrast" in page
    assert "1 naruszenie" in page
    assert "przewija się w poziomie przy 320 px" in page
    assert "Brak naruszeń" in page


def test_the_open_requests_and_demands_show_their_clocks(coordinator):
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=WARSAW), tick=False):
        request = make_request(received_on=date(2026, 3, 2))
        demand = make_demand(received_on=date(2026, 2, 20))
        page = coordinator.get(url()).content.decode()

    assert request.case_mark in page
    assert demand.case_mark in page
    assert page.index(demand.case_mark) < page.index(request.case_mark)  # the earliest answer first
    assert "16 marca 2026" in page  # 14 days (ustawa z 19.07.2019 art. 31 ust. 1)
    assert "dni po terminie" in page or "dzień po terminie" in page  # the demand's 7 days have passed
    assert reverse("admin:accessibility_accessibilityrequest_change", args=[request.pk]) in page


@pytest.mark.parametrize(
    ("group", "status"),
    [(COORDINATOR_GROUP, 200)]
    + [(section.group_name, 403) for section in roles.SECTIONS if section.code != "accessibility"],
)
def test_only_the_coordinators_section_reads_the_monitoring(clerk_client, group, status):
    clerk = clerk_client(groups=[group])

    assert clerk.get(url()).status_code == status
    changelist = clerk.get(reverse("admin:accessibility_accessibilitydeclaration_changelist"))
    if status == 200:
        assert url() in changelist.content.decode()


def test_an_anonymous_reader_is_sent_to_sign_in(client):
    response = client.get(url())

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_page_types_are_the_lists_and_one_record_of_each_sitemap_section(settings):
    from tests.promotion.factories import make_site

    site = make_site()
    pages = {page.key: page for page in monitoring.page_types()}

    assert pages["list:home"].path == "/"
    assert pages["list:accessibility_declaration"].path == "/deklaracja-dostepnosci/"
    assert pages["record:investment_sites"].path == site.get_absolute_url()
    assert len({page.path for page in pages.values()}) == len(pages)
