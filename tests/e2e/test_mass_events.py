"""Mass events in a browser: the guide, the permit application and the notification are accessible (axe).

Each page is checked empty, with errors and confirmed; the tracking page of a permit case too; and none of them
scrolls sideways at 320 px.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from mass_events.models import EventNotification, MassEventPermitApplication
from tests.core.upload_corpus import valid_pdf
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view

GUIDE_URL = "/imprezy-masowe/czy-potrzebuje-zezwolenia/"
PERMIT_URL = "/imprezy-masowe/wniosek/"
NOTIFICATION_URL = "/zawiadomienie-o-imprezie/"
PERMIT_EMAIL = "festiwal.e2e@example.pl"
NOTIFICATION_EMAIL = "mck.e2e@example.pl"
NARROW = {"viewport": {"width": 320, "height": 640}}


def start(days: int) -> str:
    moment = (timezone.localtime() + timedelta(days=days)).replace(hour=16, minute=0, second=0, microsecond=0)
    return moment.strftime("%Y-%m-%dT%H:%M")


def pdf(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": valid_pdf()}


def send(page, label: str) -> None:
    page.get_by_role("button", name=gettext(label)).click()


def fill_permit(page, site_url) -> None:
    goto(page, site_url + PERMIT_URL)
    page.check("#id_organiser_kind_1")
    page.fill("#id_organiser_name", "Stowarzyszenie Rudzkie Lato")
    page.fill("#id_organiser_address", "ul. Kokota 1, 41-711 Ruda Śląska")
    page.fill("#id_contact_name", "Anna Nowak")
    page.fill("#id_contact_email", PERMIT_EMAIL)
    page.fill("#id_contact_phone", "600 100 200")
    page.fill("#id_event_name", "Festiwal Rudzkie Lato")
    page.check("#id_event_type_0")
    page.fill("#id_programme", "Koncerty zespołów lokalnych.")
    page.fill("#id_venue", "Park Dworski, ul. Kokota 1")
    page.check("#id_venue_kind_1")
    page.fill("#id_starts_at", start(60))
    page.fill("#id_ends_at", start(61))
    for field, value in {"places_total": "5000", "places_available": "3000", "expected_participants": "2500",
                         "stewards": "60", "info_staff": "20"}.items():  # fmt: skip
        page.fill(f"#id_{field}", value)
    page.fill("#id_threats", "Duże zgromadzenie.")
    page.fill("#id_security_manager_name", "Jan Kowalski")
    page.fill("#id_security_manager_pesel", "44051401359")
    page.fill("#id_security_manager_certificate", "KB/123/2024")
    page.fill("#id_security_manager_phone", "600 200 300")
    for field in ("site_plan", "regulations", "fire_instruction", "fee_proof"):
        page.set_input_files(f"#id_{field}", pdf(f"{field}.pdf"))
    send(page, "Send the application")
    wait_for_view(page, CONFIRMATION_VIEW)


def fill_notification(page, site_url) -> None:
    goto(page, site_url + NOTIFICATION_URL)
    page.fill("#id_organiser_name", "Miejskie Centrum Kultury")
    page.fill("#id_organiser_address", "ul. Niedurnego 69, Ruda Śląska")
    page.fill("#id_contact_name", "Ewa Zielińska")
    page.fill("#id_contact_email", NOTIFICATION_EMAIL)
    page.fill("#id_event_name", "Koncert plenerowy")
    page.fill("#id_event_type", "koncert plenerowy")
    page.fill("#id_character", "otwarty, bezpłatny")
    page.fill("#id_venue", "Plac Jana Pawła II")
    page.fill("#id_starts_at", start(45))
    page.fill("#id_ends_at", start(46))
    page.fill("#id_expected_participants", "400")
    page.fill("#id_safety_measures", "Ochrona i punkt medyczny.")
    page.fill("#id_accessibility_measures", "Strefa dla osób na wózkach.")
    send(page, "Send the notification")
    wait_for_view(page, CONFIRMATION_VIEW)


def open_state(page, site_url, form: str, state: str) -> None:
    if form == "guide":
        query = {
            "empty": "",
            "errors": "?places=abc",
            "confirmed": "?event_type=artistic&venue_kind=open_area&places=3000",
        }
        goto(page, site_url + GUIDE_URL + query[state])
        return
    url, button = (
        (PERMIT_URL, "Send the application") if form == "permit" else (NOTIFICATION_URL, "Send the notification")
    )
    if state == "empty":
        goto(page, site_url + url)
    elif state == "errors":
        goto(page, site_url + url)
        send(page, button)
        page.locator(".error-summary").wait_for()
    elif form == "permit":
        fill_permit(page, site_url)
        assert (
            page.locator(".case-mark").inner_text()
            == MassEventPermitApplication.objects.get(contact_email=PERMIT_EMAIL).case_mark
        )
    else:
        fill_notification(page, site_url)
        assert EventNotification.objects.filter(contact_email=NOTIFICATION_EMAIL).exists()


STATES = [(form, state) for form in ("guide", "permit", "notification") for state in ("empty", "errors", "confirmed")]


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize(("form", "state"), STATES)
def test_mass_event_pages_have_no_axe_violations(form, state, site_url, page):
    open_state(page, site_url, form, state)
    assert_no_axe_violations(page)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize(("form", "state"), STATES)
def test_mass_event_pages_do_not_scroll_sideways_at_320px(form, state, site_url, new_page):
    page = new_page(**NARROW)
    open_state(page, site_url, form, state)
    assert_no_horizontal_scrolling(page)


def test_late_warning_and_tracking_page_have_no_axe_violations(fast_forms, site_url, page):
    goto(page, site_url + NOTIFICATION_URL)
    page.fill("#id_starts_at", start(5))
    send(page, "Send the notification")
    page.locator("#late-warning").wait_for()
    assert_no_axe_violations(page)
    fill_permit(page, site_url)
    page.locator(".tracking-link a").click()
    wait_for_view(page, "core:case_tracking")
    assert_no_axe_violations(page)
