"""Mass events in a browser: the guide, the permit application and the notification are accessible (axe).

Each page is checked empty, with errors and confirmed; the tracking page of a permit case too; and none of them
scrolls sideways at 320 px.
"""

import pytest
from django.utils.translation import gettext

from mass_events.models import EventNotification, MassEventPermitApplication
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import fill_event_notification, fill_permit_application, local_input
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view

GUIDE_URL = "/imprezy-masowe/czy-potrzebuje-zezwolenia/"
PERMIT_URL = "/imprezy-masowe/wniosek/"
NOTIFICATION_URL = "/zawiadomienie-o-imprezie/"
PERMIT_EMAIL = "festiwal.e2e@example.pl"
NOTIFICATION_EMAIL = "mck.e2e@example.pl"
NARROW = {"viewport": {"width": 320, "height": 640}}


def send(page, label: str) -> None:
    page.get_by_role("button", name=gettext(label)).click()


def fill_permit(page, site_url) -> None:
    goto(page, site_url + PERMIT_URL)
    fill_permit_application(page, email=PERMIT_EMAIL)
    send(page, "Send the application")
    wait_for_view(page, CONFIRMATION_VIEW)


def fill_notification(page, site_url) -> None:
    goto(page, site_url + NOTIFICATION_URL)
    fill_event_notification(page, email=NOTIFICATION_EMAIL)
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
    page.fill("#id_starts_at", local_input(5, 16))
    send(page, "Send the notification")
    page.locator("#late-warning").wait_for()
    assert_no_axe_violations(page)
    fill_permit(page, site_url)
    page.locator(".tracking-link a").click()
    wait_for_view(page, "core:case_tracking")
    assert_no_axe_violations(page)
