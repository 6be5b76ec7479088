"""Mourning in Chromium: the black ribbon on a public page is a link a screen reader reads whole, reached by the
keyboard, and the pages with it pass axe-core and fit a 320 px phone; the clerk's screen of events in the period
passes axe-core too.
"""

import re

import pytest
from django.urls import reverse

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto
from tests.mourning.factories import local_midnight, make_period

EVENTS_GROUP = "Wydarzenia i imprezy masowe"


@pytest.fixture
def period(site_url):
    return make_period(
        starts_at=local_midnight(-1),
        ends_at=local_midnight(2),
        condolence_book_place="Urząd Miasta Ruda Śląska, pl. Jana Pawła II 6, hol główny",
        condolence_book_hours="w godzinach pracy urzędu",
    )


def test_the_ribbon_is_read_out_reached_by_keyboard_and_passes_axe(site_url, period, page):
    for path in ("/", "/wydarzenia/", "/prasa/"):
        goto(page, site_url + path)
        ribbon = page.get_by_role("link", name=re.compile(r"^Żałoba w mieście: dla uczczenia ofiar .* włącznie\."))
        assert ribbon.count() == 1
        assert page.locator("body.is-mourning").count() == 1
        assert_no_axe_violations(page)

    page.set_viewport_size({"width": 320, "height": 640})
    goto(page, site_url + "/")
    assert_no_horizontal_scrolling(page)
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the ribbon comes first in the header
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + period.get_absolute_url())
    assert page.get_by_role("heading", name="Księga kondolencyjna").count() == 1
    assert_no_axe_violations(page)
    assert_no_horizontal_scrolling(page)


def test_the_clerks_screen_of_events_in_the_period_passes_axe(site_url, period, new_page):
    clerk = clerk_signs_in(new_page, site_url, groups=[EVENTS_GROUP])
    goto(clerk.page, site_url + reverse("admin:mourning_mourningperiod_events", args=[period.pk]))
    assert clerk.page.get_by_role("heading", name="Wydarzenia w czasie żałoby").count() == 1
    assert_no_axe_violations(clerk.page)
