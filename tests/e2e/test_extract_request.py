"""A request for an extract from the register, paid for and issued, in Chromium as the applicant and the clerk do it.

The applicant reads the fee and the account on the form, sends the request, follows the tracking link; the clerk
records the pages in the admin and asks for the fee; the applicant sees the amount and sends the proof of payment
from the tracking page; the clerk records the payment and issues the extract; the applicant downloads it. axe-core
checks the form, the confirmation and the tracking page (DOMAIN.md §A.5; ustawa o opłacie skarbowej).
"""

import pytest
from django.utils.translation import gettext

from core.models import CaseMessage, PrivateDocument
from institutions.models import CulturalInstitution, ExtractRequest
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    PDF_MAGIC,
    TRACKING_VIEW,
    applicant_replies,
    applicant_sees_on_tracking_page,
    case_messages,
    clerk_signs_in,
    confirmation_reached,
    downloaded,
    send_form,
    tracking_link_followed,
)
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto, wait_for_view
from tests.institutions.factories import REGISTER_GROUP

FORM_URL = "/rejestr-instytucji-kultury/odpis/"
EMAIL = "fundacja.e2e@example.pl"
ACCOUNT = "39 1111 2222 3333 4444 5555 6666"
PROOF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

pytestmark = pytest.mark.usefixtures("fast_forms")


@pytest.fixture(autouse=True)
def account(settings):
    settings.STAMP_DUTY_ACCOUNT_NUMBER = ACCOUNT


def clerk_saves_fields(clerk, case, **fields) -> None:
    """In the request's admin page, type the pages or tick the payment and save, staying on the page."""
    clerk.open_case(case)
    for name, value in fields.items():
        field = clerk.page.locator(f"#id_{name}")
        if isinstance(value, bool):
            field.set_checked(value)
        else:
            field.fill(value)
    clerk.page.locator('input[name="_continue"]').click()
    clerk.page.locator(".messagelist .success").wait_for()
    assert not clerk.page.locator(".errornote").count()


def test_extract_request_journey(site_url, page, new_page, tmp_path):
    """Fee and account on the form → request → pages and fee from the clerk → proof → extract downloaded."""
    goto(page, site_url + FORM_URL)
    fee_box = page.locator(".fee-info")
    fee_box.get_by_text(ACCOUNT).wait_for()
    assert "5,00 zł" in fee_box.inner_text()
    assert_no_axe_violations(page)
    library = CulturalInstitution.objects.get(entry_no=2)
    page.get_by_label(gettext("Institution")).select_option(label=f"{library.entry_no}. {library.full_name}")
    page.get_by_label(gettext("abridged extract (current entries of the register)")).check()
    page.get_by_label(gettext("Number of copies")).fill("2")
    page.get_by_label(gettext("Name and surname or name of the organisation")).fill("Fundacja Śląskie Korzenie")
    page.get_by_label(gettext("Postal address")).fill("ul. Wolności 12\n41-700 Ruda Śląska")
    page.locator("#id_contact_email").fill(EMAIL)
    page.get_by_label(gettext("electronically (e-mail or e-Doręczenia)")).check()
    send_form(page, gettext("Send the request"))
    case_mark = confirmation_reached(page)
    request = ExtractRequest.objects.get(contact_email=EMAIL)
    assert (case_mark, request.copies, request.kind) == (request.case_mark, 2, ExtractRequest.Kind.ABRIDGED)

    tracking_url = tracking_link_followed(page)
    page.locator("#oplata").get_by_text(
        gettext("The department counts the pages of the extract and will show the amount here.")
    ).wait_for()
    applicant_replies(page, "Proszę o odpis w wersji elektronicznej z podpisem.")

    clerk = clerk_signs_in(new_page, site_url, groups=[REGISTER_GROUP])
    clerk_saves_fields(clerk, request, pages="2")
    clerk.perform(request, gettext("Ask for the fee"))

    # 2 pages × 2 copies × 5 zł: the amount, the account and the case mark as the transfer's title.
    applicant_sees_on_tracking_page(page, tracking_url, "20,00 zł", ACCOUNT, f"{case_mark} —")
    narrow = new_page(viewport={"width": 320, "height": 640})
    goto(narrow, tracking_url)
    assert_no_horizontal_scrolling(narrow)
    # Sent without a file: the form comes back with a Polish message, nothing is kept.
    send_form(page, gettext("Send the proof of payment"), expect_status=200)
    page.locator(".error-summary").get_by_text(gettext("Choose the file with the proof of payment.")).wait_for()
    assert_no_axe_violations(page)
    page.locator("#oplata input[type=file]").set_input_files(
        {"name": "potwierdzenie-przelewu.pdf", "mimeType": "application/pdf", "buffer": PROOF}
    )
    send_form(page, gettext("Send the proof of payment"))
    wait_for_view(page, TRACKING_VIEW)
    sent = gettext("The proof of payment has been sent. The department will check the payment.")
    page.locator(".messages").get_by_text(sent).wait_for()
    assert_no_axe_violations(page)
    proof = PrivateDocument.objects.get(object_id=request.pk, kind=PrivateDocument.Kind.ATTACHMENT)
    assert proof.original_name == "potwierdzenie-przelewu.pdf"

    clerk.open_case(request)
    clerk.page.get_by_role("link", name=proof.description).wait_for()
    clerk_saves_fields(clerk, request, fee_paid=True)
    clerk.perform(request, gettext("Issue the extract"))

    applicant_sees_on_tracking_page(page, tracking_url, gettext("extract issued"), gettext("received — thank you"))
    assert not page.locator("#oplata input[type=file]").count()
    letter = downloaded(page, str(ExtractRequest.Kind.ABRIDGED.label))
    assert letter.startswith(PDF_MAGIC)
    request.refresh_from_db()
    assert (request.status, request.pages, request.fee_paid) == (ExtractRequest.Status.ISSUED, 2, True)
    assert [author for author, _body in case_messages(request)] == [
        CaseMessage.Author.APPLICANT,  # the reply
        CaseMessage.Author.CLERK,  # the amount to pay
        CaseMessage.Author.APPLICANT,  # the proof has been sent
        CaseMessage.Author.CLERK,  # the electronic extract is ready
    ]
