"""Reflow (WCAG 1.4.10): no page scrolls sideways at 320 or 375 CSS px or at 1280 px zoomed to 200 %;
on a phone the menu folds behind a button that works from the keyboard without JavaScript.

200 % zoom is emulated with a 640×360 viewport and device_scale_factor=2. That is what browser zoom
does to a 1280×720 window: the layout viewport shrinks to 640 CSS px, devicePixelRatio doubles and
media queries, vw units and clamp() react to the narrower viewport. CSS `zoom` on <html> would leave
the viewport at 1280 px, so media queries would still see a wide screen: a layout no visitor gets.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

from core.roles import SECTIONS
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import READ_ONLY_PAGES, WRITING_PAGES, goto
from tests.grants.competition import grant_competition

VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    "375px": {"viewport": {"width": 375, "height": 667}},
    "1280px-zoom-200": {"viewport": {"width": 640, "height": 360}, "device_scale_factor": 2},
}


def assert_page_fits(page, open_page, site_url):
    """The page's content width fits the viewport: document.documentElement.scrollWidth <= clientWidth."""
    open_page(page, site_url)
    page.keyboard.press("Tab")  # the skip link, shown on focus, must fit too
    assert_no_horizontal_scrolling(page)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", READ_ONLY_PAGES)
def test_page_does_not_scroll_horizontally(name, viewport, read_only_site_url, new_page):
    assert_page_fits(new_page(**VIEWPORTS[viewport]), READ_ONLY_PAGES[name], read_only_site_url)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", WRITING_PAGES)
def test_page_after_a_sent_form_does_not_scroll_horizontally(name, viewport, site_url, new_page):
    assert_page_fits(new_page(**VIEWPORTS[viewport]), WRITING_PAGES[name], site_url)


PHONES = {"320px": {"viewport": {"width": 320, "height": 640}}, "375px": {"viewport": {"width": 375, "height": 667}}}


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("phone", PHONES)
def test_tracking_page_and_grants_results_fit_a_phone(phone, site_url, new_page):
    """A case with documents (a granted offer: offer PDF, agreement) and the results tables fit 320 and 375 px."""
    clerk = get_user_model().objects.create_user("urzednik-dotacji", is_staff=True)
    clerk.groups.set(Group.objects.filter(name__in=[section.group_name for section in SECTIONS]))
    offer = grant_competition(Client(), clerk)
    page = new_page(**PHONES[phone])
    tracking = reverse("core:case_tracking", args=[offer.register_entry.tracking_token])
    for path in (tracking, "/dotacje/wyniki/", offer.call.get_absolute_url()):
        goto(page, site_url + path)
        assert_no_horizontal_scrolling(page)
        assert_no_axe_violations(page)
    goto(page, site_url + tracking)
    assert page.locator(".attachment-list li").count() >= 1


def test_on_a_phone_the_menu_is_folded_and_opens_from_the_keyboard(read_only_site_url, new_page):
    """At 375 px the header takes under a third of the screen; Tab reaches "Menu", Enter opens it, Tab enters it."""
    page = new_page(**PHONES["375px"])
    goto(page, read_only_site_url + "/")
    first_link = page.locator(".main-nav__link").first
    assert not first_link.is_visible()
    assert not page.locator("#site-search").is_visible()
    assert page.locator("header.site-header").bounding_box()["height"] < 667 / 3
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('site-menu__toggle')"):
            break
    assert page.evaluate("document.activeElement.textContent") == gettext("Menu and search")
    page.keyboard.press("Enter")
    assert first_link.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('main-nav__link')")
    assert_no_horizontal_scrolling(page)
    assert_no_axe_violations(page)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert not first_link.is_visible()


def test_on_a_wide_screen_the_menu_and_search_show_without_a_button(read_only_site_url, page):
    goto(page, read_only_site_url + "/")
    assert page.locator(".main-nav__link").first.is_visible()
    assert page.locator("#site-search").is_visible()
    assert not page.locator(".site-menu__toggle").is_visible()
