"""Honorary patronage and the city's symbols in Chromium, from the public forms to the department's letters.

An organiser applies for the Prezydent's patronage, follows the case from the private link and writes there; the
patronage clerk chooses a diploma and grants the patronage; the organiser downloads the diploma, and after the event
sends the report with photos from the tracking link. A company asks to use the city's logo and receives a consent
with conditions as a letter. Every public page on the way, the forms empty and with errors, the register of
patronages and the symbols page pass axe-core.
"""

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from patronage.models import PatronageApplication, SymbolUseRequest
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    PDF_MAGIC,
    applicant_replies,
    applicant_sees_on_tracking_page,
    clerk_signs_in,
    confirmation_reached,
    downloaded,
    mailed_tracking_link,
    pdf_file,
    png_file,
    send_form,
    tracking_link_followed,
)
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto, wait_for_view
from tests.patronage.factories import make_granted

pytestmark = pytest.mark.usefixtures("fast_forms")

PATRONAGE_GROUP = "Patronaty i symbole miasta"
APPLICATION_URL = "/patronat/wniosek/"
SYMBOL_REQUEST_URL = "/symbole-miasta/wniosek/"
ORGANISER_EMAIL = "festiwal.patronat.e2e@example.pl"
COMPANY_EMAIL = "drukarnia.e2e@example.pl"
REPLY = "Przesyłamy też projekt plakatu z logo patronatu w przyszłym tygodniu."
CONDITIONS = "Logo wyłącznie w wersji pełnokolorowej z księgi znaku, bez łączenia z logo sponsorów."


def date_input(days: int) -> str:
    return (timezone.localdate() + timezone.timedelta(days=days)).isoformat()


def fill_patronage_application(page) -> None:
    page.fill("#id_organiser_name", "Stowarzyszenie Rudzka Kultura")
    page.fill("#id_organiser_address", "ul. Niedurnego 69, 41-709 Ruda Śląska")
    page.fill("#id_contact_name", "Ewa Zielińska")
    page.fill("#id_contact_email", ORGANISER_EMAIL)
    page.fill("#id_event_name", "Festiwal Pieśni Śląskiej")
    page.fill("#id_starts_on", date_input(45))
    page.fill("#id_ends_on", date_input(46))
    page.fill("#id_venue", "Park Strzelnica, Ruda Śląska")
    page.get_by_label(gettext("regional")).check()
    page.fill("#id_description", "Dwudniowy festiwal chórów z całego Śląska.")
    page.fill("#id_programme", "Sobota: przesłuchania; niedziela: koncert laureatów.")
    page.locator("#id_permits_confirmed").check()
    page.set_input_files("#id_programme_file", pdf_file("program.pdf"))


def fill_symbol_request(page) -> None:
    page.fill("#id_applicant_name", "Drukarnia Halemba sp. z o.o.")
    page.fill("#id_applicant_address", "ul. Kłodnicka 10, 41-706 Ruda Śląska")
    page.fill("#id_contact_name", "Jan Nowak")
    page.fill("#id_contact_email", COMPANY_EMAIL)
    page.get_by_label(gettext("logo"), exact=True).check()
    page.fill("#id_purpose", "Koszulki na bieg miejski.")
    page.fill("#id_medium", "koszulki bawełniane")
    page.locator("#id_is_commercial").check()
    page.fill("#id_quantity", "500")
    page.fill("#id_period_from", date_input(10))
    page.fill("#id_period_to", date_input(100))
    page.set_input_files("#id_design", pdf_file("projekt-koszulki.pdf"))


def test_an_organiser_applies_the_clerk_grants_with_a_diploma_and_the_organiser_reports(site_url, page, new_page):
    goto(page, site_url + APPLICATION_URL)
    assert_no_axe_violations(page)
    fill_patronage_application(page)
    send_form(page, gettext("Send the application"))
    case_mark = confirmation_reached(page)
    assert_no_axe_violations(page)
    application = PatronageApplication.objects.get(contact_email=ORGANISER_EMAIL)
    assert (case_mark, application.status, application.is_late) == (
        application.case_mark,
        PatronageApplication.Status.RECEIVED,
        False,
    )
    tracking_url = tracking_link_followed(page)
    assert mailed_tracking_link(ORGANISER_EMAIL) == tracking_url
    applicant_replies(page, REPLY)

    clerk = clerk_signs_in(new_page, site_url, groups=[PATRONAGE_GROUP])
    clerk.open_case(application)
    clerk.page.locator("#id_answer_form").select_option("diploma")
    clerk.page.locator('input[name="_continue"]').click()
    clerk.page.locator(".messagelist .success").wait_for()
    clerk.perform(application, gettext("Grant the patronage"), note="Prosimy o logo na banerze głównym.")

    granted = "Prezydent Miasta objął Twoje wydarzenie honorowym patronatem."  # the start of the message
    applicant_sees_on_tracking_page(page, tracking_url, gettext("patronage granted"), granted)
    assert downloaded(page, "Dyplom Honorowego Patronatu").startswith(PDF_MAGIC)
    assert downloaded(page, "Pismo o objęciu patronatem").startswith(PDF_MAGIC)

    held = timezone.localdate() - timezone.timedelta(days=1)
    PatronageApplication.objects.filter(pk=application.pk).update(starts_on=held, ends_on=held)
    clerk.perform(application, gettext("The event has been held: await the report"))

    page.goto(tracking_url)
    page.locator(".case-action").get_by_role("link", name=gettext("Send the report")).click()
    wait_for_view(page, "core:case_changes")
    assert_no_axe_violations(page)
    page.get_by_label(gettext("Short report")).fill("Na festiwalu wystąpiło 12 chórów, było 800 widzów.")
    page.locator("#id_photos").set_input_files(files=[png_file("chor.png"), png_file("publicznosc.png")])
    page.locator("#id_licence").check()
    send_form(page, gettext("Send the changes"))
    wait_for_view(page, "core:case_tracking")
    assert_no_axe_violations(page)
    application.refresh_from_db()
    assert application.status == PatronageApplication.Status.REPORT_RECEIVED
    assert application.photo_licence_granted is True


def test_a_company_asks_for_the_logo_and_receives_a_consent_with_conditions(site_url, page, new_page):
    goto(page, site_url + "/symbole-miasta/")
    page.get_by_role("link", name=gettext("Ask for consent to use the city's symbols")).click()
    page.locator("#id_applicant_name").wait_for()
    fill_symbol_request(page)
    send_form(page, gettext("Send the request"))
    confirmation_reached(page)
    request = SymbolUseRequest.objects.get(contact_email=COMPANY_EMAIL)
    tracking_url = tracking_link_followed(page)
    applicant_replies(page, "Czy możemy użyć logo w wersji jednobarwnej?")

    clerk = clerk_signs_in(new_page, site_url, groups=[PATRONAGE_GROUP])
    clerk.save_fields(request, {"conditions": CONDITIONS})
    clerk.perform(request, gettext("Give consent with conditions"), note="Wersja jednobarwna nie jest dopuszczona.")

    applicant_sees_on_tracking_page(
        page, tracking_url, gettext("consent given with conditions"), "Wersja jednobarwna nie jest dopuszczona."
    )
    assert downloaded(page, "Zgoda na używanie symbolu miasta").startswith(PDF_MAGIC)
    request.refresh_from_db()
    assert request.status == SymbolUseRequest.Status.CONSENT_WITH_CONDITIONS


@pytest.mark.parametrize(
    ("url", "button"),
    [(APPLICATION_URL, "Send the application"), (SYMBOL_REQUEST_URL, "Send the request")],
)
def test_the_forms_empty_and_with_errors_have_no_axe_violations(site_url, page, url, button):
    goto(page, site_url + url)
    assert_no_axe_violations(page)
    page.get_by_role("button", name=gettext(button)).click()
    page.locator(".error-summary").wait_for()
    assert_no_axe_violations(page)


def test_a_late_application_is_confirmed_and_flagged_for_the_organiser(site_url, page):
    goto(page, site_url + APPLICATION_URL)
    fill_patronage_application(page)
    page.fill("#id_starts_on", date_input(10))
    page.fill("#id_ends_on", date_input(10))
    send_form(page, gettext("Send the application"))
    confirmation_reached(page)
    tracking_link_followed(page)
    page.locator("#wiadomosci").get_by_text("oznaczyliśmy jako spóźniony", exact=False).first.wait_for()
    assert PatronageApplication.objects.get().is_late is True


@pytest.mark.parametrize("path", ["/patronat/", "/patronat/rejestr/", "/symbole-miasta/"])
def test_the_public_pages_have_no_axe_violations(site_url, page, path):
    make_granted(clerk=None, event_name="Festiwal Muzyki Dawnej „Ruda Barokowa”")
    goto(page, site_url + path)
    if path == "/patronat/rejestr/":
        page.get_by_text("Ruda Barokowa").first.wait_for()
    assert_no_axe_violations(page)
    # On a 320 px phone a wide table scrolls inside its own region, never the page (WCAG 1.4.10).
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scrolling(page)


def test_the_event_under_patronage_carries_the_mark_in_the_calendar(site_url, page):
    from tests.events.factories import EventFactory

    event = EventFactory(title="Festiwal Muzyki Dawnej „Ruda Barokowa”")
    make_granted(clerk=None, event_name=event.title, calendar_event=event)
    for path in (event.get_absolute_url(), "/wydarzenia/"):
        goto(page, site_url + path)
        page.get_by_text("Patronat Prezydenta Miasta").first.wait_for()
        assert_no_axe_violations(page)
        page.set_viewport_size({"width": 320, "height": 640})
        assert_no_horizontal_scrolling(page)
        page.set_viewport_size({"width": 1280, "height": 800})
