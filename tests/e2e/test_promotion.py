"""Investment sites and plans in Chromium: an investor filters the list, opens a card, downloads its PDF and sends an
inquiry that the promotion clerk answers on the investor's tracking page; a clerk records a plan's yearly value and the
public summary shows it in the chart and the table. The list, a card (in Polish and English), the inquiry form, empty
and with errors, and the plans' pages pass axe-core and fit a 320 px phone.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext

from promotion.models import InvestorInquiry, PlanAction
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    PDF_MAGIC,
    applicant_sees_on_tracking_page,
    clerk_signs_in,
    confirmation_reached,
    downloaded,
    mailed_tracking_link,
    send_form,
    tracking_link_followed,
)
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto, wait_for_view

pytestmark = pytest.mark.usefixtures("fast_forms")

PROMOTION_GROUP = "Promocja i gospodarka"
SITES_URL = "/tereny-inwestycyjne/"
INVESTOR_EMAIL = "inwestor.e2e@example.pl"
ANSWER = "Teren przy A4 ma przyłącze 2,5 MW; zapraszamy na wizję lokalną we wtorek o 10:00."


def seed_sites() -> None:
    call_command("seed_promotion", "--allow-outside-debug", stdout=io.StringIO())


def test_an_investor_filters_opens_a_card_downloads_it_and_the_clerk_answers_the_inquiry(site_url, page, new_page):
    seed_sites()
    goto(page, site_url + SITES_URL)
    assert_no_axe_violations(page)
    page.get_by_label(gettext("Area from (ha)")).fill("10")
    page.get_by_label(gettext("gas"), exact=True).check()
    page.get_by_label(gettext("Only in a special economic zone")).check()
    page.get_by_role("button", name=gettext("Filter")).click()
    page.get_by_role("status").get_by_text("Znaleziono 2 tereny.").wait_for()
    assert_no_axe_violations(page)
    assert page.get_by_role("link", name="Park Biznesu Szyb Walenty").count() == 0  # 5,2 ha, no gas, no zone

    page.get_by_role("link", name="Teren inwestycyjny Halemba — przy autostradzie A4").click()
    wait_for_view(page, "promotion:site_detail")
    page.get_by_role("heading", name=gettext("Utilities")).wait_for()
    assert_no_axe_violations(page)
    assert downloaded(page, gettext("Download the card (PDF)")).startswith(PDF_MAGIC)

    page.get_by_role("link", name=gettext("Ask about this site")).click()
    wait_for_view(page, "promotion:inquiry_create")
    assert page.get_by_label("Teren inwestycyjny Halemba — przy autostradzie A4").is_checked()
    page.fill("#id_company_name", "Śląskie Zakłady Precyzyjne sp. z o.o.")
    page.fill("#id_contact_name", "Tomasz Grabowski")
    page.fill("#id_contact_email", INVESTOR_EMAIL)
    page.fill("#id_sector", "obróbka metali")
    page.fill("#id_needed_area_ha", "10")
    page.fill("#id_needs", "Hala produkcyjna 12 000 m², 150 miejsc pracy, moc 2 MW.")
    send_form(page, gettext("Send the inquiry"))
    confirmation_reached(page)
    inquiry = InvestorInquiry.objects.get(contact_email=INVESTOR_EMAIL)
    assert [site.slug for site in inquiry.sites.all()] == ["halemba-a4"]
    tracking_url = tracking_link_followed(page)
    assert mailed_tracking_link(INVESTOR_EMAIL) == tracking_url

    clerk = clerk_signs_in(new_page, site_url, groups=[PROMOTION_GROUP])
    clerk.perform(inquiry, gettext("Answer the investor"), note=ANSWER)
    applicant_sees_on_tracking_page(page, tracking_url, gettext("answered"), ANSWER)
    inquiry.refresh_from_db()
    assert inquiry.status == InvestorInquiry.Status.ANSWERED


def test_the_inquiry_form_empty_and_with_errors_has_no_axe_violations(site_url, page):
    goto(page, site_url + SITES_URL + "zapytanie/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name=gettext("Send the inquiry")).click()
    page.locator(".error-summary").wait_for()
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path", [SITES_URL, SITES_URL + "halemba-a4/", "/en" + SITES_URL + "halemba-a4/", SITES_URL + "?strefa=on"]
)
def test_the_public_pages_have_no_axe_violations_and_fit_a_phone(site_url, page, path):
    seed_sites()
    goto(page, site_url + path)
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scrolling(page)


def test_a_clerk_records_a_years_value_and_the_public_summary_shows_it(site_url, page, new_page):
    seed_sites()
    action = PlanAction.objects.get(title="Zwiedzanie Szybu Andrzej i Szybu Wilson")
    year = action.years.get(year=2026)
    clerk = clerk_signs_in(new_page, site_url, groups=[PROMOTION_GROUP])
    clerk.page.goto(site_url + reverse("admin:promotion_planaction_change", args=[action.pk]))
    row = clerk.page.locator(f'input[name$="-id"][value="{year.pk}"]').get_attribute("name").removesuffix("-id")
    clerk.page.locator(f"#id_{row}-value").fill("7340")
    clerk.page.locator(f"#id_{row}-spent").fill("95000")
    clerk.page.locator('input[name="_continue"]').click()
    clerk.page.locator(".messagelist .success").wait_for()

    goto(page, site_url + "/plany/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Program rozwoju kultury Miasta Ruda Śląska na lata 2025–2028").click()
    wait_for_view(page, "promotion:plan_detail")
    table = page.get_by_role("table", name="zwiedzający (osób) w kolejnych latach")
    table.get_by_role("row", name="2026").get_by_text("7\u00a0340").wait_for()
    page.locator("svg.plan-chart__svg text").get_by_text("7\u00a0340", exact=True).wait_for()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scrolling(page)
