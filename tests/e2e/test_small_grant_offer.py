"""The simplified offer of a small grant (u.d.p.p. art. 19a; Dz.U. 2018 poz. 2055) in a browser: empty and sent back
with errors it passes axe, and it fits 320 px without horizontal scrolling of the page."""

import pytest
from django.utils.translation import gettext

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto

URL = "/dotacje/male-granty/oferta/"
NARROW = {"viewport": {"width": 320, "height": 640}}


@pytest.mark.usefixtures("fast_forms")
def test_the_simplified_offer_has_no_axe_violations_empty_or_with_errors(read_only_site_url, page):
    goto(page, read_only_site_url + URL)
    page.get_by_role("heading", name=gettext("Simplified offer to carry out a public task")).wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=gettext("Submit the offer")).click()
    page.locator(".error-summary").wait_for()
    assert page.locator('.error-summary a[href="#id_title"]').count() == 1
    assert_no_axe_violations(page)


def test_the_simplified_offer_fits_a_narrow_screen(read_only_site_url, new_page):
    page = new_page(**NARROW)
    goto(page, read_only_site_url + URL)
    assert_no_horizontal_scrolling(page)
