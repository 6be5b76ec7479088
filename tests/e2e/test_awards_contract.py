"""After the Mayor's decision on a scholarship, in Chromium: the contract, its PDF, the payment and the report.

The clerk of "Dotacje, stypendia i nagrody" records the Mayor's order (number, date, amount) and grants; then types
the contract's data (number, date, the scholar's PESEL and NRB) and its payment schedule and signs it: the contract
is printed as a PDF the scholar downloads from the tracking page. Once every instalment is transferred and the
period is over, the scholar files the report from the tracking link; the clerk accepts it and the case closes
(u.o.p.d.k. art. 7b, DOMAIN.md §D.2). Every public page on the way passes axe-core.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from awards.models import AwardApplication
from core.services import transition_perform
from tests.awards.factories import BANK_ACCOUNT, PESEL, make_call, make_resolution, scholarship_data
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    PDF_MAGIC,
    applicant_sees_on_tracking_page,
    clerk_signs_in,
    downloaded,
    pdf_file,
    send_form,
)
from tests.e2e.pages import goto, wait_for_view
from tests.helpers import public_form_data

GRANTS_GROUP = "Dotacje, stypendia i nagrody"
REPORT_VIEW = "awards:report_file"
REPORT = "Nagrałam płytę z opracowaniami pieśni i zagrałam koncerty w Bykowinie, Halembie i Kochłowicach."

pytestmark = pytest.mark.usefixtures("fast_forms")


@pytest.fixture
def application(site_url, client):
    """A scholarship application accepted formally, whose period ended yesterday: the report may be filed."""
    call = make_call(
        title="Stypendia artystyczne (umowa e2e)",
        council_resolution=make_resolution(),
        resolution="",
    )
    today = timezone.localdate()
    data = scholarship_data(
        period_from=(today - timedelta(days=200)).isoformat(), period_to=(today - timedelta(days=1)).isoformat()
    )
    client.post(reverse("awards:application_create", kwargs={"slug": call.slug}), public_form_data(**data))
    submitted = AwardApplication.objects.get(call=call)
    return transition_perform(obj=submitted, name="formal_ok", acting_user=None)


def add_instalment(clerk, row: int, due_on: str, amount: str) -> None:
    clerk.page.locator("#payments-group .add-row a").click()
    clerk.page.locator(f"#id_payments-{row}-position").fill(str(row + 1))
    clerk.page.locator(f"#id_payments-{row}-due_on").fill(due_on)
    clerk.page.locator(f"#id_payments-{row}-amount").fill(amount)


def save(clerk) -> None:
    clerk.page.locator('input[name="_continue"]').click()
    clerk.page.locator(".messagelist .success").wait_for()


def test_the_contract_is_signed_downloaded_paid_and_the_report_accepted(site_url, application, page, new_page):
    tracking_url = site_url + reverse(
        "core:case_tracking", kwargs={"token": application.register_entry.tracking_token}
    )
    today = timezone.localdate()

    clerk = clerk_signs_in(new_page, site_url, groups=[GRANTS_GROUP])
    # The Mayor's order, then the grant.
    clerk.save_fields(
        application,
        {"decision_number": "ZP.0050.321.2026", "decision_date": today.isoformat(), "granted_amount": "7500"},
    )
    clerk.perform(application, gettext("Granted by the Mayor's order"))
    application.refresh_from_db()
    assert (application.status, application.granted_amount) == (AwardApplication.Status.GRANTED, Decimal("7500"))

    # The contract's data and its schedule; signing it prints the contract.
    clerk.open_case(application)
    for name, value in {
        "contract_number": "KSP.5230.7.2026/U",
        "contract_signed_on": today.isoformat(),
        "pesel": PESEL,
        "bank_account": BANK_ACCOUNT,
    }.items():
        clerk.page.locator(f"#id_{name}").fill(value)
    add_instalment(clerk, 0, today.isoformat(), "3750")
    add_instalment(clerk, 1, (today + timedelta(days=30)).isoformat(), "3750")
    save(clerk)
    clerk.perform(application, gettext("Scholarship contract signed"))
    application.refresh_from_db()
    assert application.status == AwardApplication.Status.CONTRACT_SIGNED
    assert application.bank_account == BANK_ACCOUNT.replace(" ", "")
    clerk.open_case(application)
    assert PESEL not in clerk.page.content()  # shown masked once signed

    applicant_sees_on_tracking_page(page, tracking_url, "KSP.5230.7.2026/U")
    assert downloaded(page, "Umowa stypendialna nr KSP.5230.7.2026/U").startswith(PDF_MAGIC)

    # Every instalment transferred: paid, the report awaited.
    clerk.open_case(application)
    for row in (0, 1):
        clerk.page.locator(f"#id_payments-{row}-paid_on").fill(today.isoformat())
    save(clerk)
    clerk.perform(application, gettext("Scholarship paid"))

    # The scholar files the report from the tracking link.
    goto(page, tracking_url)
    page.get_by_role("heading", name=gettext("File the report on the scholarship")).wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=gettext("File the report"), exact=True).click()
    wait_for_view(page, REPORT_VIEW)
    assert_no_axe_violations(page)
    page.get_by_label(gettext("How the programme of the scholarship was carried out")).fill(REPORT)
    page.locator("#id_attachments").set_input_files([pdf_file("program-koncertow.pdf")])
    send_form(page, gettext("File the report"))
    wait_for_view(page, REPORT_VIEW)
    page.get_by_text(gettext("Your report has been filed. The department will check it.")).wait_for()
    assert_no_axe_violations(page)
    application.refresh_from_db()
    assert application.status == AwardApplication.Status.REPORT_SUBMITTED

    # The clerk reads it and accepts it: the scholarship is settled and the case closes.
    clerk.open_case(application)
    clerk.page.get_by_text("Bykowinie").first.wait_for()
    clerk.perform(application, gettext("Accept the report"))
    application.refresh_from_db()
    assert application.status == AwardApplication.Status.REPORT_ACCEPTED
    assert application.closed_at is not None
    applicant_sees_on_tracking_page(
        page, tracking_url, gettext("Your report on the scholarship has been accepted; the scholarship is settled.")
    )
