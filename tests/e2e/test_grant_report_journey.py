"""The final report on a subsidised task, in Chromium: filed by the organisation, returned by the clerk, filed again.

From the offer's private tracking link the organisation opens the report on the statutory form (annex 5 to Dz.U.
2018 poz. 2057), fills the merits and the cost table as executed (rows prefilled from its offer), attaches a file
and files it; the confirmation offers the report's PDF. The clerk returns it with a note from the admin; the
organisation reads the note on its tracking page, corrects the report from the same link and files it again.
Every public page passes axe-core, and the form fits a 320 px screen.
"""

from decimal import Decimal

import pytest
from django.utils.translation import gettext

from grants.models import GrantReport
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    PDF_MAGIC,
    applicant_sees_on_tracking_page,
    clerk_signs_in,
    downloaded,
    pdf_file,
    send_form,
)
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto, wait_for_view
from tests.grants.factories import agreement_sign, make_call, offer_grant, offer_send

GRANTS_GROUP = "Dotacje, stypendia i nagrody"
REPORT_VIEW = "grants:report_file"
RETURN_NOTE = "Proszę dołączyć listę obecności uczestników warsztatów."

pytestmark = pytest.mark.usefixtures("fast_forms")


@pytest.fixture
def agreement(site_url, client):
    """An agreement on a task that ended on 31 August 2026: its final report is due (and now overdue)."""
    call = make_call(slug="konkurs-sprawozdanie-e2e", status="published")
    return agreement_sign(offer_grant(offer_send(client, call)))


def fill_report(page) -> None:
    page.get_by_label(gettext("1. Results achieved, with the scale of the actions carried out")).fill(
        "Odbyło się 10 warsztatów dla 40 dzieci; wydano słowniczek gwary w 200 egzemplarzach."
    )
    page.get_by_label(gettext("2. Detailed description of the task's execution")).fill(
        "Warsztaty od czerwca do sierpnia w Domu Kultury w Bielszowicach, zgodnie z harmonogramem oferty."
    )
    page.get_by_label(gettext("Subsidy used")).fill("4000,00")
    page.locator("#id_own_financial").fill("1500,00")
    page.locator("#id_own_personal").fill("")
    page.locator("#id_own_material").fill("")
    for name in ("statement_status", "statement_truth", "statement_gdpr"):
        page.locator(f"#id_{name}").check()


def test_final_report_filed_returned_and_filed_again(site_url, agreement, page, new_page):
    offer = agreement.offer
    report = agreement.reports.get(kind=GrantReport.Kind.FINAL)
    tracking_url = f"{site_url}/sprawy/{offer.register_entry.tracking_token}/"

    goto(page, tracking_url)
    page.get_by_role("heading", name=gettext("File the %(kind)s report") % {"kind": gettext("final")}).wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=gettext("File the report"), exact=True).click()
    wait_for_view(page, REPORT_VIEW)
    assert_no_axe_violations(page)
    # The cost table starts from the offer's own lines.
    assert page.locator("#id_costs-0-name").input_value() == "Honoraria instruktorów"
    fill_report(page)
    page.locator("#id_attachments").set_input_files([pdf_file("zdjecia-z-warsztatow.pdf")])
    send_form(page, gettext("File the report"))
    wait_for_view(page, REPORT_VIEW)
    page.get_by_role("heading", name=gettext("Report filed")).wait_for()
    page.get_by_text(gettext("Your report has been filed. The department will check it.")).wait_for()
    assert_no_axe_violations(page)
    assert downloaded(page, gettext("Download the report (PDF)")).startswith(PDF_MAGIC)
    report.refresh_from_db()
    assert (report.status, report.costs_used, report.costs.count()) == ("submitted", Decimal("4000.00"), 3)

    clerk = clerk_signs_in(new_page, site_url, groups=[GRANTS_GROUP])
    clerk.open_case(report)
    clerk.page.get_by_text("Odbyło się 10 warsztatów").wait_for()
    clerk.perform(report, gettext("Return for correction"), note=RETURN_NOTE)
    report.refresh_from_db()
    assert report.status == GrantReport.Status.RETURNED

    applicant_sees_on_tracking_page(page, tracking_url, RETURN_NOTE)
    page.get_by_role("link", name=gettext("Correct and file the report")).click()
    wait_for_view(page, REPORT_VIEW)
    assert page.get_by_label(gettext("Subsidy used")).input_value() == "4000,00"
    page.get_by_label(gettext("Additional information")).fill("Lista obecności w załączniku.")
    page.locator("#id_attachments").set_input_files([pdf_file("lista-obecnosci.pdf")])
    for name in ("statement_status", "statement_truth", "statement_gdpr"):
        page.locator(f"#id_{name}").check()
    send_form(page, gettext("File the report"))
    page.get_by_role("heading", name=gettext("Report filed")).wait_for()
    report.refresh_from_db()
    assert (report.status, report.additional_information) == ("submitted", "Lista obecności w załączniku.")


def test_the_report_form_fits_a_narrow_screen(site_url, agreement, new_page):
    report = agreement.reports.get(kind=GrantReport.Kind.FINAL)
    page = new_page(viewport={"width": 320, "height": 640})
    goto(page, f"{site_url}/dotacje/sprawozdanie/{agreement.offer.register_entry.tracking_token}/{report.pk}/")
    assert_no_horizontal_scrolling(page)
    # Sent empty, the form comes back with its errors, still within the screen and accessible.
    send_form(page, gettext("File the report"), expect_status=200)
    page.locator(".error-summary").wait_for()
    assert_no_horizontal_scrolling(page)
    assert_no_axe_violations(page)
