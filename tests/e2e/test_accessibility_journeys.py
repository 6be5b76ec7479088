"""A request for accessibility and a demand for digital accessibility in Chromium, from the footer to the answer.

A resident finds "Dostępność" in the footer, files a request for accessibility with a recording in Polish Sign
Language, follows the case from the private link and writes there; the coordinator notifies a delay with the new
date, then answers with accessibility ensured; the resident downloads the answer, which names the complaint to
PFRON. A requester demands digital accessibility of a page and receives alternative access. Every public page on the
way, and the forms empty and with errors, pass axe-core and fit a 320 px screen (ustawa z 19.07.2019 art. 30–31;
ustawa z 4.04.2019 art. 18).
"""

import pytest
from django.utils.translation import gettext

from accessibility.deadlines import accessibility_extension_latest
from accessibility.models import AccessibilityRequest, DigitalAccessibilityDemand
from tests.accessibility.factories import mp4_bytes
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    PDF_MAGIC,
    applicant_replies,
    applicant_sees_on_tracking_page,
    clerk_signs_in,
    confirmation_reached,
    downloaded,
    mailed_tracking_link,
    send_form,
    tracking_link_followed,
)
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto

pytestmark = pytest.mark.usefixtures("fast_forms")

COORDINATOR_GROUP = "Koordynator dostępności"
REQUEST_URL = "/dostepnosc/wniosek/"
DEMAND_URL = "/dostepnosc/zadanie/"
RESIDENT_EMAIL = "b.mazur.e2e@example.pl"
REQUESTER_EMAIL = "p.szulc.e2e@example.pl"


def test_a_resident_requests_accessibility_and_the_coordinator_answers_after_a_delay(site_url, page, new_page):
    goto(page, site_url + "/")
    page.locator(".site-footer").get_by_role("link", name=gettext("Accessibility"), exact=True).click()
    page.locator("#request-heading").wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=gettext("File a request for accessibility")).click()
    page.locator("#id_applicant_name").wait_for()
    assert_no_axe_violations(page)

    page.fill("#id_applicant_name", "Barbara Mazur")
    page.fill("#id_contact_email", RESIDENT_EMAIL)
    page.get_by_label(gettext("architectural"), exact=True).check()
    page.fill("#id_barrier_place", "Urząd Miasta, wejście od ul. Niedurnego")
    page.fill("#id_barrier_description", "Drzwi są ciężkie i nie otwierają się automatycznie.")
    page.fill("#id_factual_interest", "Chcę złożyć wniosek w Biurze Obsługi Mieszkańców.")
    page.set_input_files("#id_video", {"name": "wniosek-pjm.mp4", "mimeType": "video/mp4", "buffer": mp4_bytes()})
    send_form(page, gettext("Send the request"))
    case_mark = confirmation_reached(page)
    request = AccessibilityRequest.objects.get(contact_email=RESIDENT_EMAIL)
    assert (case_mark, request.status) == (request.case_mark, AccessibilityRequest.Status.RECEIVED)

    tracking_url = tracking_link_followed(page)
    assert mailed_tracking_link(RESIDENT_EMAIL) == tracking_url
    applicant_replies(page, "Poruszam się na wózku; proszę o kontakt e-mailowy.")

    clerk = clerk_signs_in(new_page, site_url, groups=[COORDINATOR_GROUP])
    new_date = accessibility_extension_latest(request.received_on)
    clerk.save_fields(
        request, {"extended_to": new_date.isoformat(), "delay_reason": "Montaż napędu drzwi wymaga zamówienia."}
    )
    clerk.perform(request, gettext("Notify the delay and the new date"))
    applicant_sees_on_tracking_page(page, tracking_url, new_date.strftime("%d.%m.%Y"))
    assert downloaded(page, "Zawiadomienie o opóźnieniu").startswith(PDF_MAGIC)

    clerk.save_fields(request, {"answer": "Zamontowano dzwonek przywołujący pracownika przy wejściu."})
    clerk.perform(request, gettext("Accessibility ensured: send the answer"))
    applicant_sees_on_tracking_page(page, tracking_url, gettext("accessibility ensured"))
    assert downloaded(page, "Odpowiedź").startswith(PDF_MAGIC)
    request.refresh_from_db()
    assert request.status == AccessibilityRequest.Status.ENSURED


def test_a_requester_demands_digital_accessibility_and_receives_alternative_access(site_url, page, new_page):
    goto(page, site_url + "/dostepnosc/")
    page.get_by_role("link", name=gettext("File a demand for digital accessibility")).click()
    page.locator("#id_page_url").wait_for()
    page.fill("#id_applicant_name", "Paweł Szulc")
    page.fill("#id_contact_email", REQUESTER_EMAIL)
    page.fill("#id_page_url", site_url + "/wydarzenia/")
    page.fill("#id_element", "wybór daty w filtrze")
    page.fill("#id_problem", "Czytnik ekranu nie odczytuje dni kalendarza.")
    send_form(page, gettext("Send the demand"))
    confirmation_reached(page)
    demand = DigitalAccessibilityDemand.objects.get(contact_email=REQUESTER_EMAIL)
    tracking_url = tracking_link_followed(page)
    applicant_replies(page, "Wystarczy mi lista wydarzeń w pliku tekstowym.")

    clerk = clerk_signs_in(new_page, site_url, groups=[COORDINATOR_GROUP])
    clerk.save_fields(demand, {"answer": "Listę wydarzeń tygodnia wysyłamy e-mailem jako plik tekstowy."})
    clerk.perform(demand, gettext("Provide alternative access: send the answer"))
    applicant_sees_on_tracking_page(page, tracking_url, gettext("alternative access provided"))
    assert downloaded(page, "Odpowiedź").startswith(PDF_MAGIC)


@pytest.mark.parametrize(("url", "button"), [(REQUEST_URL, "Send the request"), (DEMAND_URL, "Send the demand")])
def test_the_forms_empty_and_with_errors_pass_axe_and_fit_320_px(read_only_site_url, page, url, button):
    goto(page, read_only_site_url + url)
    assert_no_axe_violations(page)
    page.get_by_role("button", name=gettext(button)).click()
    page.locator(".error-summary").wait_for()
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scrolling(page)


def test_the_overview_passes_axe_and_fits_320_px(read_only_site_url, page):
    page.set_viewport_size({"width": 320, "height": 800})
    goto(page, read_only_site_url + "/dostepnosc/")
    assert_no_axe_violations(page)
    assert_no_horizontal_scrolling(page)
