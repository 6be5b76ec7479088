"""Grants in a browser: the calls list, a call page and the offer form (empty, with errors, submitted) pass axe,
and the offer page fits 320 px without horizontal scrolling of the page (the tables scroll in their own region)."""

import pytest
from django.utils.translation import gettext

from grants.models import GrantOffer
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import fill_offer
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view

NARROW = {"viewport": {"width": 320, "height": 640}}


@pytest.mark.usefixtures("fast_forms")
def test_public_grant_pages_have_no_axe_violations(site_url, call, page):
    for path in ("/dotacje/", call.get_absolute_url(), "/dotacje/archiwum/", "/dotacje/wyniki/"):
        goto(page, site_url + path)
        assert_no_axe_violations(page)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("state", ["empty", "errors", "submitted"])
def test_offer_form_has_no_axe_violations(state, site_url, call, page):
    goto(page, site_url + f"/dotacje/konkursy/{call.slug}/oferta/")
    if state == "errors":
        fill_offer(page, call)
        page.locator("#id_costs-0-total").fill("4000")  # 100 × 50 = 5 000
        page.get_by_role("button", name=gettext("Submit the offer")).click()
        page.locator(".error-summary").wait_for()
        assert page.locator('.error-summary a[href="#id_costs-0-total"]').count() == 1
    elif state == "submitted":
        fill_offer(page, call)
        page.get_by_role("button", name=gettext("Submit the offer")).click()
        wait_for_view(page, CONFIRMATION_VIEW)
        offer = GrantOffer.objects.get(email="fundacja.e2e@example.pl")
        assert page.locator(".case-mark").first.inner_text() == offer.case_mark
    assert_no_axe_violations(page)


@pytest.mark.usefixtures("fast_forms")
def test_offer_form_fits_a_narrow_screen(site_url, call, new_page):
    page = new_page(**NARROW)
    goto(page, site_url + f"/dotacje/konkursy/{call.slug}/oferta/")
    assert_no_horizontal_scrolling(page)
