"""Grants in a browser: the calls list, a call page and the offer form (empty, with errors, submitted) pass axe,
and the offer page fits 320 px without horizontal scrolling of the page (the tables scroll in their own region)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from grants import services
from grants.models import GrantOffer
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view
from tests.grants.factories import make_call

NARROW = {"viewport": {"width": 320, "height": 640}}


@pytest.fixture
def call(site_url):
    today = timezone.localdate()
    call = make_call(
        slug="konkurs-e2e",
        published_bip_on=today,
        published_board_on=today,
        published_web_on=today,
        implementation_from=today + timedelta(days=40),
        implementation_to=today + timedelta(days=120),
        deadline=timezone.now() + timedelta(days=30),
    )
    services.call_publish(call=call, acting_user=None)
    return call


def fill_offer(page, call):
    start = call.implementation_from
    values = {
        "#id_organisation_name": "Fundacja Śląskie Dziedzictwo",
        "#id_register_number": "KRS 0000654321",
        "#id_address": "ul. Niedurnego 69, Ruda Śląska",
        "#id_email": "fundacja.e2e@example.pl",
        "#id_contact_name": "Anna Nowak",
        "#id_contact_email": "anna.e2e@example.pl",
        "#id_title": "Warsztaty gwary",
        "#id_start_date": start.isoformat(),
        "#id_end_date": (start + timedelta(days=30)).isoformat(),
        "#id_place": "Ruda Śląska",
        "#id_description": "Warsztaty dla dzieci.",
        "#id_expected_results": "40 uczestników.",
        "#id_experience": "Od 2015 r.",
        "#id_resources": "Dwóch instruktorów.",
        "#id_actions-0-name": "Warsztaty",
        "#id_actions-0-planned_period": "lato",
        "#id_results-0-name": "Uczestnicy",
        "#id_results-0-target_value": "40",
        "#id_results-0-monitoring": "listy obecności",
        "#id_costs-0-name": "Honoraria",
        "#id_costs-0-unit": "godzina",
        "#id_costs-0-unit_cost": "100",
        "#id_costs-0-units": "50",
        "#id_requested_amount": "4500",
        "#id_own_financial": "500",
    }
    page.locator("#id_legal_form").select_option("foundation")
    for selector, value in values.items():
        page.locator(selector).fill(value)
    for name in ("public_benefit", "no_arrears", "register", "truth", "gdpr"):
        page.locator(f"#id_statement_{name}").check()


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
