"""The "Zgłoś wydarzenie" journey in a browser: accessible (axe), fits 320 px, usable with the keyboard alone."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from core.public_forms import HONEYPOT_FIELD
from events.models import District, Event, EventSubmission, Venue
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view

URL = "/wydarzenia/zglos/"
# The demo data (seed_demo) has submissions of its own: ours are found by these addresses.
MOUSE_EMAIL = "anna.nowak.e2e@example.pl"
KEYBOARD_EMAIL = "jan.kowalski.e2e@example.pl"
NARROW = {"viewport": {"width": 320, "height": 640}}
MAX_TABS = 80
ACTIVE_ELEMENT = """() => {
  const el = document.activeElement;
  return el ? {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name") || "",
               type: el.getAttribute("type") || "", form: el.form ? el.form.getAttribute("action") : ""} : null;
}"""


@pytest.fixture
def venue(site_url):
    return Venue.objects.create(
        name="Świetlica Środowiskowa „Kaufhaus”",
        street_address="ul. Piotra Niedurnego 36",
        district=District.NOWY_BYTOM,
    )


def start_in_two_weeks():
    return (timezone.localtime() + timedelta(days=14)).replace(hour=18, minute=0, second=0, microsecond=0)


def start_typed_alike_in_any_order():
    """The next 18:00 whose day equals its month (e.g. 12.12.): typed the same in day-month and month-day order.

    Which order a datetime-local field uses follows the browser's own language, not the page's.
    """
    now = timezone.localtime()
    for year in (now.year, now.year + 1):
        for month in range(1, 13):
            candidate = datetime(year, month, month, 18, 0, tzinfo=timezone.get_current_timezone())
            if candidate > now + timedelta(days=1):
                return candidate
    raise AssertionError("unreachable")


def submit_empty(page, site_url):
    goto(page, site_url + URL)
    page.get_by_role("button", name=gettext("Submit the event")).click()
    page.locator(".error-summary").wait_for()


def submit_filled(page, site_url, venue):
    """Fill every required field with the mouse-and-keyboard helpers and send: ends on the confirmation page."""
    start = start_in_two_weeks()
    goto(page, site_url + URL)
    page.get_by_label(gettext("Title of the event")).fill("Koncert Orkiestry Dętej KWK Halemba")
    page.get_by_label(gettext("In one sentence")).fill("Wieczór marszów i walców na świeżym powietrzu.")
    page.get_by_label(gettext("Category")).select_option(label="Koncerty")
    page.locator("#id_organiser_name").fill("Stowarzyszenie Przyjaciół Halemby")
    page.locator("#id_starts_at").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.locator("#id_venue").select_option(str(venue.pk))
    page.locator("#id_contact_name").fill("Anna Nowak")
    page.locator("#id_contact_email").fill(MOUSE_EMAIL)
    page.get_by_role("button", name=gettext("Submit the event")).click()
    wait_for_view(page, CONFIRMATION_VIEW)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("state", ["empty", "errors", "confirmation"])
def test_submission_pages_have_no_axe_violations(state, site_url, venue, page):
    if state == "empty":
        goto(page, site_url + URL)
    elif state == "errors":
        submit_empty(page, site_url)
    else:
        submit_filled(page, site_url, venue)
        submission = EventSubmission.objects.get(contact_email=MOUSE_EMAIL)
        assert page.locator(".case-mark").inner_text() == submission.case_mark
    assert_no_axe_violations(page)


@pytest.mark.usefixtures("fast_forms")
@pytest.mark.parametrize("state", ["empty", "errors", "confirmation"])
def test_submission_pages_do_not_scroll_sideways_at_320px(state, site_url, venue, new_page):
    page = new_page(**NARROW)
    if state == "empty":
        goto(page, site_url + URL)
    elif state == "errors":
        submit_empty(page, site_url)
    else:
        submit_filled(page, site_url, venue)
    assert_no_horizontal_scrolling(page)


def tab_to(page, element_id: str, visited: list) -> None:
    """Press Tab until the element with `element_id` has the focus, recording every element focused on the way."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = page.evaluate(ACTIVE_ELEMENT)
        visited.append(element)
        if element and element["id"] == element_id:
            return
    pytest.fail(f"#{element_id} not reached after {MAX_TABS} Tab presses; focus went through {visited[-MAX_TABS:]}")


def test_submission_can_be_sent_with_the_keyboard_only(fast_forms, site_url, venue, page):
    """Tab from field to field, type, choose with the arrow keys, Enter on the button: the case is opened."""
    start = start_typed_alike_in_any_order()
    goto(page, site_url + URL)
    visited = []
    tab_to(page, "id_title", visited)
    page.keyboard.type("Potańcówka pod Szybem Wilson")
    tab_to(page, "id_lead", visited)
    page.keyboard.type("Zabawa taneczna dla seniorów z orkiestrą.")
    tab_to(page, "id_category", visited)
    page.keyboard.press("ArrowDown")  # the next category
    category = page.locator("#id_category").input_value()
    tab_to(page, "id_organiser_name", visited)
    page.keyboard.type("Klub Seniora Halemba")
    tab_to(page, "id_starts_at", visited)
    # A datetime-local field is typed segment by segment: day and month (or month and day), year, then the time.
    page.keyboard.type(start.strftime("%d%m%Y"))
    page.keyboard.press("ArrowRight")
    page.keyboard.type(start.strftime("%H%M"))
    assert page.locator("#id_starts_at").input_value() == start.strftime("%Y-%m-%dT%H:%M")
    tab_to(page, "id_venue", visited)
    page.keyboard.press("ArrowDown")  # the first venue
    venue_pk = page.locator("#id_venue").input_value()
    assert venue_pk
    tab_to(page, "id_contact_name", visited)
    page.keyboard.type("Jan Kowalski")
    tab_to(page, "id_contact_email", visited)
    page.keyboard.type(KEYBOARD_EMAIL)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = page.evaluate(ACTIVE_ELEMENT)
        visited.append(element)
        if element and element["type"] == "submit" and element["form"] == URL:
            break
    page.keyboard.press("Enter")
    wait_for_view(page, CONFIRMATION_VIEW)

    assert all(el is None or el["name"] != HONEYPOT_FIELD for el in visited), "the honeypot field took the focus"
    submission = EventSubmission.objects.select_related("event").get(contact_email=KEYBOARD_EMAIL)
    assert submission.contact_name == "Jan Kowalski"
    event = submission.event
    assert (event.title, event.status) == ("Potańcówka pod Szybem Wilson", Event.Status.SUBMITTED)
    assert (str(event.category_id), str(event.venue_id)) == (category, venue_pk)
    assert event.occurrences.get().starts_at == start
    assert event not in Event.objects.published()
