"""A clerk's working day in Chromium (issue 16, "Done means"): a case arrives and the section's inbox is told; the
clerk signs in, sees the new case on the dashboard, takes it and answers the applicant; the next working morning's
digest lists the case's deadline.

The case is an application for a mass-event permit for an event in 12 days: the Prezydent's decision is due 7 days
before the event (u.b.i.m. art. 29 ust. 1), so the deadline falls within the digest's week.
"""

import io
import re

import icalendar
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from core.deadlines import next_working_day
from core.models import SectionSettings
from mass_events.deadlines import mass_event_decision_latest
from mass_events.models import MassEventPermitApplication
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import case_messages, clerk_signs_in, fill_permit_application, mails_to
from tests.e2e.pages import CONFIRMATION_VIEW, goto, wait_for_view

PERMIT_URL = "/imprezy-masowe/wniosek/"
EVENTS_SECTION = "Wydarzenia i imprezy masowe"
INBOX = "imprezy@kultura.example.pl"
ORGANISER = "biuro@rudzkie-lato.example.pl"
CLERK_EMAIL = "ewa.urzednicza@um.rudaslaska.example.pl"
ANSWER = "Dzień dobry, prosimy jeszcze o opinię Państwowej Straży Pożarnej."


def test_a_clerk_learns_of_a_new_case_takes_it_answers_and_finds_its_deadline_in_the_next_mornings_digest(
    fast_forms, site_url, page, new_page
):
    SectionSettings.objects.update_or_create(section="events", defaults={"inbox_email": INBOX})

    # The organiser sends the application from the public form.
    goto(page, site_url + PERMIT_URL)
    fill_permit_application(page, email=ORGANISER, start_days=12)
    page.check("#id_late_confirmed")
    page.get_by_role("button", name=gettext("Send the application")).click()
    wait_for_view(page, CONFIRMATION_VIEW)
    application = MassEventPermitApplication.objects.get()
    change_path = reverse("admin:mass_events_masseventpermitapplication_change", args=[application.pk])

    # The section's inbox is told: case mark, type and the admin link, none of the organiser's data.
    [arrival] = mails_to(INBOX)
    assert application.case_mark in arrival.subject
    assert change_path in arrival.body
    assert "Rudzkie Lato" not in arrival.body
    assert ORGANISER not in arrival.body

    # The clerk signs in and finds the case among the new ones on the dashboard.
    clerk = clerk_signs_in(new_page, site_url, groups=[EVENTS_SECTION])
    clerk_page = clerk.page
    new_cases = clerk_page.locator("#dashboard-new").locator("xpath=..")
    new_cases.get_by_role("link", name=application.case_mark).click()
    clerk_page.wait_for_url(site_url + change_path)
    # The case's page, its date shortcuts included, names its controls in Polish for a screen reader too.
    assert_no_axe_violations(clerk_page)

    # Takes it...
    clerk_page.locator(".workflow-panel__take").get_by_role(
        "button", name=pgettext("handler", "Take the case")
    ).click()
    clerk_page.locator(".messagelist .success").wait_for()
    application.refresh_from_db()
    assert application.handler.username == "urzednik.e2e"

    # ...and answers the organiser, who is told by e-mail with the private link.
    clerk.write_to_applicant(application, ANSWER)
    assert case_messages(application)[-1] == ("clerk", ANSWER)
    assert mails_to(ORGANISER)[-1].subject == f"Nowa wiadomość w sprawie {application.case_mark}"

    # The next working morning the clerk's digest lists the decision's deadline.
    handler = application.handler
    handler.email = CLERK_EMAIL
    handler.save(update_fields=["email"])
    morning = next_working_day(timezone.localdate())
    call_command("send_deadline_notices", "--date", morning.isoformat(), stdout=io.StringIO())
    [digest] = mails_to(CLERK_EMAIL)
    assert digest.subject == f"Twoje terminy na {morning:%d.%m.%Y}"
    due = mass_event_decision_latest(application.starts_at)
    line = next(line for line in digest.body.splitlines() if application.case_mark in line)
    assert line.startswith(f"- {due:%d.%m.%Y} {application.case_mark}")
    assert "art. 29 ust. 1 u.b.i.m." in line
    assert re.search(rf"https?://\S+{re.escape(change_path)}", digest.body)
    assert "Rudzkie Lato" not in digest.body

    # The clerk subscribes to their deadlines in their own calendar: the link is shown once, the calendar names the
    # case by its mark only.
    clerk_page.goto(site_url + reverse("admin:core_deadline_list"))
    clerk_page.get_by_role("link", name="Moje terminy w kalendarzu").click()
    clerk_page.get_by_role("button", name="Utwórz link do kalendarza").click()
    feed_url = clerk_page.get_by_label("Twój link do kalendarza").input_value()
    assert_no_axe_violations(clerk_page)
    calendar = clerk_page.request.get(feed_url)
    assert calendar.status == 200
    [event] = [
        event
        for event in icalendar.Calendar.from_ical(calendar.body()).walk("VEVENT")
        if str(event["SUMMARY"]).startswith(f"Termin: {application.case_mark}")
    ]
    assert event.decoded("DTSTART") == due
    assert "Rudzkie Lato" not in calendar.text()
