"""The public register in a browser: accessible (axe-core, WCAG 2.x A/AA), fits 320 px, the extract request works."""

import pytest
from django.utils.translation import gettext

from institutions.models import CulturalInstitution, ExtractRequest
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view

LIST_URL = "/rejestr-instytucji-kultury/"
FORM_URL = "/rejestr-instytucji-kultury/odpis/"
NARROW = {"viewport": {"width": 320, "height": 640}}
EMAIL = "wniosek.e2e@example.pl"


def submit_empty(page, site_url):
    goto(page, site_url + FORM_URL)
    page.get_by_role("button", name=gettext("Send the request")).click()
    page.locator(".error-summary").wait_for()


def submit_filled(page, site_url):
    goto(page, site_url + FORM_URL)
    library = CulturalInstitution.objects.get(entry_no=2)
    page.locator("#id_institution").select_option(str(library.pk))
    page.get_by_label(gettext("abridged extract (current entries of the register)")).check()
    page.locator("#id_applicant_name").fill("Jan Kowalski")
    page.locator("#id_applicant_address").fill("ul. Halembska 10\n41-717 Ruda Śląska")
    page.locator("#id_contact_email").fill(EMAIL)
    page.get_by_label(gettext("by registered post")).check()
    page.get_by_role("button", name=gettext("Send the request")).click()
    wait_for_view(page, CONFIRMATION_VIEW)


@pytest.mark.parametrize("path", [LIST_URL, LIST_URL + "2/", LIST_URL + "?szukaj=muzeum&stan=wpisane"])
def test_register_pages_have_no_axe_violations(read_only_site_url, page, path):
    goto(page, read_only_site_url + path)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", [LIST_URL, LIST_URL + "1/"])
def test_register_pages_do_not_scroll_sideways_at_320px(read_only_site_url, new_page, path):
    page = new_page(**NARROW)
    goto(page, read_only_site_url + path)
    assert_no_horizontal_scrolling(page)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("state", ["empty", "errors", "confirmation"])
def test_extract_request_pages_have_no_axe_violations(state, site_url, page):
    if state == "empty":
        goto(page, site_url + FORM_URL)
    elif state == "errors":
        submit_empty(page, site_url)
    else:
        submit_filled(page, site_url)
        request = ExtractRequest.objects.get(contact_email=EMAIL)
        assert page.locator(".case-mark").inner_text() == request.case_mark
        assert request.kind == ExtractRequest.Kind.ABRIDGED
    assert_no_axe_violations(page)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("state", ["empty", "errors"])
def test_extract_request_form_does_not_scroll_sideways_at_320px(state, site_url, new_page):
    page = new_page(**NARROW)
    if state == "empty":
        goto(page, site_url + FORM_URL)
    else:
        submit_empty(page, site_url)
    assert_no_horizontal_scrolling(page)
