"""Public information in a browser: the metryczka leads to the register of changes and to an earlier version;
each page is accessible (axe-core, WCAG 2.x A/AA), reachable by keyboard and fits 320 px."""

import pytest

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto

INSTITUTION_URL = "/rejestr-instytucji-kultury/2/"
NARROW = {"viewport": {"width": 320, "height": 640}}


def open_change_register(page, site_url):
    goto(page, site_url + INSTITUTION_URL)
    page.locator(".metryczka").get_by_role("link", name="Rejestr zmian").click()
    page.locator("#versions-heading").wait_for()


def test_the_metryczka_leads_to_the_register_of_changes_and_an_earlier_version(read_only_site_url, page):
    open_change_register(page, read_only_site_url)
    assert_no_axe_violations(page)
    page.locator("tbody tr th a").last.click()
    page.locator(".definition-list").first.wait_for()
    assert "/rejestr-zmian/" in page.url
    assert_no_axe_violations(page)


def test_the_register_of_changes_is_reached_by_keyboard(read_only_site_url, page):
    goto(page, read_only_site_url + INSTITUTION_URL)
    link = page.locator(".metryczka").get_by_role("link", name="Rejestr zmian")
    link.focus()
    page.keyboard.press("Enter")
    page.locator("#versions-heading").wait_for()


@pytest.mark.parametrize("step", ["register", "version"])
def test_the_register_of_changes_fits_320px(read_only_site_url, new_page, step):
    page = new_page(**NARROW)
    open_change_register(page, read_only_site_url)
    if step == "version":
        page.locator("tbody tr th a").first.click()
        page.locator(".definition-list").first.wait_for()
    assert_no_horizontal_scrolling(page)


def test_the_register_of_patronages_has_its_metryczka_and_no_axe_violations(read_only_site_url, page):
    goto(page, read_only_site_url + "/patronat/rejestr/")
    page.locator(".metryczka").wait_for()
    assert_no_axe_violations(page)
