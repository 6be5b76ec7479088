"""A resident finds the Mayor's meeting in Halemba, registers for it and subscribes to its calendar, in Chromium.

The meetings' list and the meeting's page, the form sent back with an error and the confirmation pass axe-core; the
meeting's page fits a 320 px phone and its form is sent with the keyboard alone (DOMAIN.md §I.3).
"""

import icalendar
import pytest
from django.utils.translation import gettext

from meetings.models import MeetingRegistration
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import send_form
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto
from tests.meetings.factories import make_meeting, make_venue

pytestmark = pytest.mark.usefixtures("fast_forms")


def test_a_resident_registers_for_a_meeting_and_subscribes_to_its_calendar(site_url, page):
    venue = make_venue(name="Sala sesyjna Urzędu Miasta", induction_loop=True)
    meeting = make_meeting(
        venue=venue,
        title="Spotkanie z mieszkańcami Halemby",
        topics="<ul><li>Remont ulicy Halembskiej</li></ul>",
        registration_required=True,
        capacity=2,
    )
    make_meeting(title="Spotkanie z organizacjami", days_ahead=-10, minutes="<p>Ustalono terminy konkursów.</p>")

    goto(page, site_url + "/spotkania-z-mieszkancami/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=meeting.title).click()
    page.locator("#registration-heading").wait_for()
    assert_no_axe_violations(page)

    # Without a name the form comes back with the error named, in Polish.
    page.locator("#id_email").fill("jan.kowalski.e2e@example.pl")
    send_form(page, gettext("Register"), expect_status=200)
    page.locator(".error-summary").wait_for()
    assert_no_axe_violations(page)
    page.locator("#id_full_name").fill("Jan Kowalski")
    page.locator("#id_needs").fill("Pętla indukcyjna")
    page.locator("#id_needs").focus()
    page.keyboard.press("Tab")  # the information clause
    page.keyboard.press("Tab")  # the button
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.keyboard.press("Enter")
    assert posted.value.status == 302
    page.get_by_role("heading", name=gettext("You are registered")).wait_for()
    assert_no_axe_violations(page)
    registration = MeetingRegistration.objects.get()
    assert (registration.full_name, registration.needs) == ("Jan Kowalski", "Pętla indukcyjna")

    # The calendar entry: one VEVENT with the meeting's title, time and place.
    link = page.get_by_role("link", name=gettext("Add to your calendar (iCal)"))
    response = page.request.get(site_url + link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/calendar")
    (vevent,) = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == meeting.title
    assert vevent["DTSTART"].dt == meeting.starts_at
    assert "Sala sesyjna Urzędu Miasta" in str(vevent["LOCATION"])

    # One place left on the page; the page fits a 320 px phone.
    page.set_viewport_size({"width": 320, "height": 640})
    goto(page, site_url + meeting.get_absolute_url())
    assert "1" in page.get_by_role("status").first.inner_text()
    assert_no_horizontal_scrolling(page)
    assert_no_axe_violations(page)

    # Every meeting to subscribe to, from the list.
    feed = page.request.get(site_url + "/spotkania-z-mieszkancami/kalendarz.ics")
    titles = {str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")}
    assert titles == {meeting.title, "Spotkanie z organizacjami"}


def test_a_past_meeting_shows_its_minutes(site_url, page):
    past = make_meeting(title="Spotkanie z przedsiębiorcami", days_ahead=-3, minutes="<p>Omówiono strefę.</p>")
    goto(page, site_url + past.get_absolute_url())
    page.get_by_text("Omówiono strefę.").wait_for()
    assert_no_axe_violations(page)
