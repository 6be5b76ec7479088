"""A request a resident raised at the Mayor's meeting is recorded, waits in the Terminarz and is answered in time.

The clerk of "Promocja i gospodarka" records it for the unit of the City Hall, finds its clock in the Terminarz (a
month, k.p.a. art. 244 § 1 [K]), records the answer, which is e-mailed to the resident; the meeting's page shows the
request and its answer and passes axe-core.
"""

from django.urls import reverse
from django.utils import timezone

from core.models import OrganisationalUnit
from meetings.deadlines import request_answer_due
from meetings.models import MeetingRequest
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in, mails_to
from tests.e2e.pages import goto
from tests.meetings.factories import make_meeting

PROMOTION_GROUP = "Promocja i gospodarka"
EMAIL = "jan.kowalski.e2e@example.pl"
ANSWER = "Przejście dla pieszych przy szkole powstanie w maju."


def test_a_request_raised_at_a_meeting_is_answered_within_the_month(site_url, page, new_page):
    meeting = make_meeting(title="Spotkanie z mieszkańcami Bielszowic", days_ahead=-1)
    unit = OrganisationalUnit.objects.create(symbol="DR", name="Wydział Dróg i Mostów")
    clerk = clerk_signs_in(new_page, site_url, groups=[PROMOTION_GROUP])

    clerk.page.goto(site_url + reverse("admin:meetings_meetingrequest_add"))
    clerk.page.locator("#id_meeting").select_option(str(meeting.pk))
    clerk.page.locator("#id_raised_by").fill("Jan Kowalski")
    clerk.page.locator("#id_contact_email").fill(EMAIL)
    clerk.page.locator("#id_text").fill("Prosimy o przejście dla pieszych przy szkole.")
    clerk.page.locator("#id_unit").select_option(str(unit.pk))
    clerk.page.locator('input[name="_continue"]').click()
    clerk.page.locator(".messagelist .success").wait_for()
    request = MeetingRequest.objects.get()
    due = request_answer_due(timezone.localdate(meeting.starts_at))
    assert request.answer_due == due

    # The clock in the Terminarz: the meeting, the unit and the month's last day.
    clerk.page.goto(site_url + reverse("admin:core_deadline_list"))
    row = clerk.page.locator("tr", has_text=meeting.title)
    row.first.wait_for()
    assert row.first.locator(f'time[datetime="{due.isoformat()}"]').count() == 1

    clerk.page.goto(site_url + reverse("admin:meetings_meetingrequest_change", args=[request.pk]))
    clerk.page.locator("#id_answer_text").fill(ANSWER)
    clerk.page.locator('input[name="_continue"]').click()
    clerk.page.locator(".messagelist .success").wait_for()
    request.refresh_from_db()
    assert request.answered_on <= due
    (mail,) = mails_to(EMAIL)
    assert ANSWER in mail.body

    goto(page, site_url + meeting.get_absolute_url())
    page.locator("#requests-heading").wait_for()
    assert ANSWER in page.locator("main").inner_text()
    assert "Jan Kowalski" not in page.locator("main").inner_text()
    assert_no_axe_violations(page)
