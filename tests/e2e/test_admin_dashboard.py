"""The clerk's dashboard (Pulpit) in Chromium: it passes axe-core, works with the keyboard alone and fits 320 px.

A clerk of the portal's editors signs in with password and code and lands on the dashboard, where a resident's new
opinion waits; a second opinion carries the resident's unanswered question. With the keyboard alone the clerk takes
the first opinion ("Przyjmij"), finds it among their own cases, opens it, and reaches the list of every module.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from core.models import CaseMessage, Feedback
from core.services import case_message_add, case_open
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.test_keyboard import ACTIVE_ELEMENT, press_tab_until

EDITORS = "Redakcja portalu"


@pytest.fixture
def opinions(site_url):
    """Two opinions of residents: the first just received, the second with a question the department owes."""
    first = case_open(
        case=Feedback(message="Proszę o dłuższe godziny otwarcia czytelni."), title="Opinia", acknowledge=False
    )
    second = case_open(
        case=Feedback(message="Brakuje mapy dojazdu.", contact_email="jan.kowalski@example.pl"),
        title="Opinia",
        acknowledge=False,
    )
    case_message_add(case=second, body="Czy mapa już jest?", author_kind=CaseMessage.Author.APPLICANT)
    return first, second


def test_the_dashboard_passes_axe_and_leads_by_keyboard_to_the_new_case(site_url, opinions, new_page):
    first, second = opinions
    page = clerk_signs_in(new_page, site_url, groups=[EDITORS]).page

    assert page.locator("h1").inner_text() == "Pulpit"
    assert page.locator("#dashboard-new").inner_text() == "Nowe sprawy (2)"
    assert page.locator("#dashboard-replies + p + ul").get_by_text(second.case_mark).is_visible()
    assert page.locator("svg.clerk-dashboard__svg rect").count() == 12
    assert_no_axe_violations(page)

    take = reverse("admin:core_case_take", args=[ContentType.objects.get_for_model(Feedback).pk, first.pk])
    press_tab_until(page, lambda element: element["tag"] == "button" and element["form"] == take)
    page.keyboard.press("Enter")
    page.locator(".messagelist .success").wait_for()
    assert page.url == site_url + reverse("admin:index")
    assert page.locator("#dashboard-mine").inner_text() == "Moje sprawy (1)"
    assert page.locator("#dashboard-new").inner_text() == "Nowe sprawy (1)"
    assert_no_axe_violations(page)

    change = reverse("admin:core_feedback_change", args=[first.pk])
    press_tab_until(page, lambda element: element["href"] == change)
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + change)
    assert first.case_mark in page.locator("#content").inner_text()

    page.goto(site_url + reverse("admin:index"))
    press_tab_until(page, lambda element: element["href"] == reverse("admin:module_index"))
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + reverse("admin:module_index"))
    assert page.locator("h1").inner_text() == "Wszystkie moduły"
    assert page.evaluate(ACTIVE_ELEMENT)["tag"] == "body"


def test_the_dashboard_fits_a_320_px_screen(site_url, opinions, new_page):
    clerk = clerk_signs_in(new_page, site_url, groups=[EDITORS])
    page = clerk.page
    page.set_viewport_size({"width": 320, "height": 700})
    page.reload()

    assert_no_horizontal_scrolling(page)
    assert page.locator(".clerk-dashboard__panel").first.is_visible()
    assert_no_axe_violations(page)
