"""An artist applies for a scholarship and an institution nominates for the Mayor's culture award, in Chromium.

The artist finds the call under "Stypendia i nagrody", reads its rules, fills the application with a PDF of
achievements, gets the confirmation and the private tracking link and writes from there; a clerk of "Dotacje,
stypendia i nagrody" calls for a completion with a note the applicant reads on the tracking page. An institution
nominates a candidate on the award call. Every public page on the way passes axe-core (u.o.p.d.k. art. 7a, 7b).
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from awards.models import AwardApplication, AwardCall, Kind
from core.models import CaseMessage
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    applicant_replies,
    applicant_sees_on_tracking_page,
    case_messages,
    clerk_signs_in,
    confirmation_reached,
    mailed_tracking_link,
    pdf_file,
    send_form,
    tracking_link_followed,
)
from tests.e2e.pages import goto, wait_for_view

APPLICANT = CaseMessage.Author.APPLICANT
CLERK = CaseMessage.Author.CLERK
GRANTS_GROUP = "Dotacje, stypendia i nagrody"
EMAIL = "m.zielinska.e2e@example.pl"
REPLY = "Czy do dokumentacji mogę dołączyć nagrania koncertów jako link?"
COMPLETION = "Prosimy dołączyć dyplom z konkursu kompozytorskiego 2025."

pytestmark = pytest.mark.usefixtures("fast_forms")


def award_call(kind: str, title: str, slug: str) -> AwardCall:
    return AwardCall.objects.create(
        kind=kind,
        year=timezone.localdate().year,
        title=title,
        slug=slug,
        resolution="Uchwała nr PR.0007.120.2026 Rady Miasta Ruda Śląska",
        rules="<p>Wniosek składa twórca lub instytucja kultury.</p>",
        deadline=timezone.now() + timedelta(days=30),
        budget=Decimal("30000.00"),
        max_amount=Decimal("10000.00"),
        is_published=True,
    )


def test_an_artist_applies_for_a_scholarship(site_url, page, new_page):
    call = award_call(Kind.SCHOLARSHIP, "Stypendia artystyczne e2e", "stypendia-e2e")
    goto(page, site_url + "/stypendia-i-nagrody/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=call.title).click()
    page.locator("#rules-heading").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=gettext("Apply for the scholarship")).click()
    page.locator("#id_submitter_name").wait_for()
    assert_no_axe_violations(page)

    page.locator("#id_submitter_name").fill("Marta Zielińska")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_candidate_name").fill("Marta Zielińska")
    page.locator("#id_field_of_art").select_option("music")
    page.locator("#id_project_title").fill("Pieśni Górnego Śląska na nowo")
    page.locator("#id_programme").fill("Nagranie płyty i trzy koncerty w dzielnicach.")
    page.locator("#id_period_from").fill("2027-01-01")
    page.locator("#id_period_to").fill("2027-10-31")
    page.locator("#id_requested_amount").fill("12000")
    page.locator("#id_achievements").fill("Laureatka konkursu kompozytorskiego 2025.")
    page.locator("#id_justification").fill("Projekt przybliża młodzieży śląską muzykę.")
    page.locator("#id_documentation").set_input_files([pdf_file("dyplom.pdf")])
    # Above the resolution's cap: the form comes back with the cap named, in Polish, and passes axe.
    send_form(page, gettext("Send the application"), expect_status=200)
    page.locator("#id_requested_amount").wait_for()
    assert "10" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    page.locator("#id_requested_amount").fill("8000")
    send_form(page, gettext("Send the application"))
    case_mark = confirmation_reached(page)
    application = AwardApplication.objects.get(email=EMAIL)
    assert (case_mark, application.call, application.status) == (
        application.case_mark,
        call,
        AwardApplication.Status.SUBMITTED,
    )
    assert application.requested_amount == Decimal("8000")

    tracking_url = tracking_link_followed(page)
    assert mailed_tracking_link(EMAIL) == tracking_url
    applicant_replies(page, REPLY)

    clerk = clerk_signs_in(new_page, site_url, groups=[GRANTS_GROUP])
    clerk.perform(application, gettext("Call to complete the application"), note=COMPLETION)
    application.refresh_from_db()
    assert application.status == AwardApplication.Status.INCOMPLETE
    due = application.completion_due.strftime("%d.%m.%Y")
    applicant_sees_on_tracking_page(page, tracking_url, gettext("returned for completion"), COMPLETION, due)
    assert [author for author, _body in case_messages(application)] == [APPLICANT, CLERK]

    # The artist completes the application from the tracking link: above the cap it comes back with the diploma
    # kept, within the cap it is submitted again.
    page.get_by_role("link", name=gettext("Complete the application")).click()
    wait_for_view(page, "core:case_changes")
    assert_no_axe_violations(page)
    assert page.locator("#id_project_title").input_value() == "Pieśni Górnego Śląska na nowo"
    page.locator("#id_achievements").fill("Laureatka konkursu kompozytorskiego 2025 (dyplom w załączeniu).")
    page.locator("#id_requested_amount").fill("10001")
    page.locator("#id_documentation").set_input_files([pdf_file("dyplom-2025.pdf")])
    send_form(page, gettext("Send the changes"), expect_status=200)
    page.locator(".error-summary").wait_for()
    page.locator("#files-kept").get_by_text("dyplom-2025.pdf").wait_for()
    assert_no_axe_violations(page)
    page.locator("#id_requested_amount").fill("10000")
    send_form(page, gettext("Send the changes"))
    wait_for_view(page, "core:case_tracking")
    assert_no_axe_violations(page)
    application.refresh_from_db()
    assert (application.status, application.requested_amount) == (AwardApplication.Status.SUBMITTED, Decimal("10000"))
    assert "dyplom w załączeniu" in application.achievements


def test_an_institution_nominates_for_the_award(site_url, page):
    call = award_call(Kind.AWARD, "Nagrody Prezydenta Miasta e2e", "nagrody-e2e")
    goto(page, site_url + call.get_absolute_url())
    page.get_by_role("link", name=gettext("Nominate a candidate")).click()
    page.locator("#id_submitter_name").wait_for()
    assert_no_axe_violations(page)
    page.locator("#id_submitter_kind").select_option("institution")
    page.locator("#id_submitter_name").fill("Muzeum Miejskie im. Maksymiliana Chroboka")
    page.locator("#id_email").fill("muzeum.e2e@example.pl")
    page.locator("#id_candidate_name").fill("Henryk Malarz")
    page.locator("#id_field_of_art").select_option("visual_arts")
    page.locator("#id_achievements").fill("Czterdzieści lat malarstwa.")
    page.locator("#id_justification").fill("Twórca związany z Rudą Śląską.")
    # Without the category the form says what is missing, in Polish.
    send_form(page, gettext("Send the application"), expect_status=200)
    page.get_by_text(gettext("Enter the award category.")).first.wait_for()
    assert_no_axe_violations(page)
    page.locator("#id_category").fill("za całokształt twórczości")
    send_form(page, gettext("Send the application"))
    confirmation_reached(page)
    nomination = AwardApplication.objects.get(email="muzeum.e2e@example.pl")
    assert (nomination.submitter_kind, nomination.category) == ("institution", "za całokształt twórczości")
