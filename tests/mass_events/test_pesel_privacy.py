"""The security manager's PESEL appears nowhere a case can reach except the clerk's case page, masked there.

Every page and export is fetched and grepped for the number (and its birth-date half): the confirmation and
tracking pages, every e-mail in the outbox, the admin changelist, change page and history, the Terminarz, the
PDFs' HTML source, the public calendar entry and its CSV, JSON and iCalendar exports. Retention clears it.
"""

import datetime

import pytest
from django.core import mail

from core.models import OutboxMessage
from core.retention import purge_expired
from events.models import Category, District, Venue
from mass_events.models import MassEventPermitApplication
from tests.helpers import workflow
from tests.mass_events.conftest import PERMIT_URL, PESEL
from tests.mass_events.factories import fill_decision, fill_opinions

SECRETS = (PESEL, PESEL[:6] + " " + PESEL[6:], "440514")


def assert_no_pesel(text: str, where: str):
    for secret in SECRETS:
        assert secret not in text, f"PESEL found in {where}"


def test_the_pesel_never_leaves_the_masked_case_page(
    client, clerk, permit_data, rendered_letters, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PERMIT_URL, permit_data())
    confirmation = client.get(response["Location"]).content.decode()
    assert_no_pesel(confirmation, "the confirmation page")
    application = MassEventPermitApplication.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        workflow(clerk, application, "request_completion", note="Brak polisy.")
        workflow(clerk, application, "completed")
        workflow(clerk, application, "formally_complete")
        fill_opinions(application)
        workflow(clerk, application, "draft_decision")
        fill_decision(application)
        venue = Venue.objects.create(name="Park Dworski", street_address="ul. Kokota 1", district=District.BIELSZOWICE)
        MassEventPermitApplication.objects.filter(pk=application.pk).update(
            calendar_venue=venue, calendar_category=Category.objects.get(slug="koncerty")
        )
        workflow(clerk, application, "issue_permit")
        clerk.post(
            "/admin/mass_events/masseventpermitapplication/",
            {"action": "publish_to_calendar", "_selected_action": [application.pk]},
        )
    application.refresh_from_db()
    assert application.status == MassEventPermitApplication.Status.PERMIT_ISSUED
    assert application.calendar_event is not None

    admin_base = f"/admin/mass_events/masseventpermitapplication/{application.pk}/"
    change_page = clerk.get(f"{admin_base}change/").content.decode()
    assert "•••••••••59" in change_page
    assert_no_pesel(change_page, "the admin change page")
    pages = {
        "the tracking page": f"/sprawy/{application.register_entry.tracking_token}/",
        "the admin changelist": "/admin/mass_events/masseventpermitapplication/",
        "the admin history": f"{admin_base}history/",
        "the Terminarz": "/admin/terminarz/",
        "the calendar entry": application.calendar_event.get_absolute_url(),
        "the calendar CSV": "/wydarzenia/dane.csv",
        "the calendar JSON": "/wydarzenia/dane.json",
        "the calendar iCalendar": "/wydarzenia/kalendarz.ics",
        "the site search": "/szukaj/?q=Festiwal",
    }
    for where, url in pages.items():
        response = clerk.get(url) if url.startswith("/admin/") else client.get(url)
        assert response.status_code == 200, where
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert_no_pesel(body.decode(), where)
    # The PESEL is not a search key: a clerk cannot find (and so confirm) a person by it.
    search = clerk.get(f"/admin/mass_events/masseventpermitapplication/?q={PESEL}")
    assert search.context["cl"].result_count == 0
    history_rows = application.history.all()
    assert history_rows.exists()
    assert not hasattr(history_rows.first(), "security_manager_pesel")
    assert len(rendered_letters) == 2
    for html in rendered_letters:
        assert_no_pesel(html, "a PDF's HTML source")
    assert len(mail.outbox) >= 3
    for message in mail.outbox:
        assert_no_pesel(message.subject + message.body + str(message.alternatives), "an e-mail")
    for row in OutboxMessage.objects.all():
        assert_no_pesel(row.subject + row.body_text + row.body_html, "the outbox")


def test_retention_clears_the_pesel_with_the_other_personal_data(client, clerk, permit_data):
    client.post(PERMIT_URL, permit_data())
    application = MassEventPermitApplication.objects.get()
    workflow(clerk, application, "withdraw", note="Organizator wycofał wniosek.")
    MassEventPermitApplication.objects.filter(pk=application.pk).update(
        closed_at=datetime.datetime(2020, 6, 1, tzinfo=datetime.UTC)
    )
    outcomes = purge_expired(today=datetime.date(2026, 1, 2), apply=True)
    assert [outcome.status for outcome in outcomes if outcome.case_mark == application.case_mark] == ["anonymised"]
    application.refresh_from_db()
    assert application.security_manager_pesel == ""
    assert application.security_manager_name == ""
    assert application.contact_email == ""
    assert application.event_name == "Festiwal Rudzkie Lato"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [
        {"event_name": ""},  # any error
        {"days_ahead": 20},  # the late warning
    ],
    ids=["after-an-error", "on-the-late-warning"],
)
def test_the_public_form_never_renders_the_pesel_back(client, permit_data, changes):
    response = client.post(PERMIT_URL, permit_data(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="security_manager_pesel"' in page
    assert_no_pesel(page, "the form shown again")
    assert MassEventPermitApplication.objects.count() == 0


@pytest.mark.django_db
def test_the_note_about_typing_the_pesel_again_appears_only_when_it_was_given(client, permit_data):
    from django.utils.translation import gettext

    note = gettext("For your safety the PESEL is not shown again: please type it once more.")
    assert note not in client.get(PERMIT_URL).content.decode()
    assert note in client.post(PERMIT_URL, permit_data(event_name="")).content.decode()
    assert note not in client.post(PERMIT_URL, permit_data(security_manager_pesel="")).content.decode()


@pytest.mark.django_db
def test_the_permit_view_hides_the_pesel_from_error_reports():
    from django.test import RequestFactory

    from mass_events.views import PermitApplicationCreateView

    request = RequestFactory().post(PERMIT_URL, {"security_manager_pesel": PESEL})
    PermitApplicationCreateView.as_view()(request)
    assert request.sensitive_post_parameters == ("security_manager_pesel",)
