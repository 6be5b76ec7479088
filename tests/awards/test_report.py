"""The scholar's report after the period, filed from the tracking link, accepted or returned (DOMAIN.md §D.2).

The scholar files it as grant reports are filed: a `by_applicant` transition ("file_report") reached through a
TrackingAction of the case's tracking page; the clerk accepts it (the case closes) or returns it with a note, and a
returned report is corrected from the same link. A report not filed by the contract's deadline is recorded missing.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from awards.models import AwardApplication
from core.models import CaseMessage
from core.services import CaseWorkError, transition_perform
from tests.awards.factories import GRANTS_GROUP, contract_data, granted_scholarship, make_call, nomination_data
from tests.helpers import public_form_data

pytestmark = pytest.mark.django_db
Status = AwardApplication.Status
WARSAW = ZoneInfo("Europe/Warsaw")
LAST_DAY = datetime(2027, 10, 31, 9, 0, tzinfo=WARSAW)


def paid_scholarship(client):
    application = contract_data(granted_scholarship(client))
    application = transition_perform(obj=application, name="sign_contract", acting_user=None)
    application.payments.update(paid_on=date(2027, 1, 14))
    return transition_perform(obj=application, name="pay", acting_user=None)


def urls(application):
    token = application.register_entry.tracking_token
    return reverse("core:case_tracking", kwargs={"token": token}), reverse(
        "awards:report_file", kwargs={"token": token}
    )


def file(client, url, text="Nagrałam płytę i zagrałam trzy koncerty w Bykowinie, Halembie i Kochłowicach."):
    return client.post(url, public_form_data(report_text=text))


def test_the_scholar_files_the_report_from_the_tracking_link_after_the_period(client, clerk_client):
    application = paid_scholarship(client)
    tracking, report = urls(application)
    assert report in client.get(tracking).content.decode()
    with time_machine.travel(datetime(2027, 10, 30, 12, 0, tzinfo=WARSAW)):
        page = client.get(report)
        assert "31 października 2027" in page.content.decode()
        file(client, report)
        application.refresh_from_db()
        assert application.status == Status.PAID
    with time_machine.travel(LAST_DAY):
        page = client.get(report)
        assert page.status_code == 200
        assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]
        response = file(client, report)
        assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.REPORT_SUBMITTED
    assert application.report_filed_at is not None
    assert "Bykowinie" in application.report_text
    shown = client.get(report).content.decode()
    assert "Bykowinie" in shown
    clerk = clerk_client(groups=[GRANTS_GROUP])
    admin_page = clerk.get(reverse("admin:awards_awardapplication_change", args=[application.pk])).content.decode()
    assert "Bykowinie" in admin_page


def test_a_returned_report_is_corrected_from_the_same_link_and_then_accepted(client):
    application = paid_scholarship(client)
    tracking, report = urls(application)
    with time_machine.travel(LAST_DAY):
        file(client, report, "Za krótko.")
    application.refresh_from_db()
    returned = transition_perform(
        obj=application, name="return_report", acting_user=None, note="Proszę opisać koncerty i dołączyć program."
    )
    assert returned.status == Status.REPORT_RETURNED
    page = client.get(tracking).content.decode()
    assert "Proszę opisać koncerty" in page
    assert report in page
    with time_machine.travel(datetime(2027, 11, 5, 9, 0, tzinfo=WARSAW)):
        assert "Za krótko." in client.get(report).content.decode()
        file(client, report)
    application.refresh_from_db()
    assert application.status == Status.REPORT_SUBMITTED
    accepted = transition_perform(obj=application, name="accept_report", acting_user=None)
    assert accepted.status == Status.REPORT_ACCEPTED
    assert accepted.closed_at is not None
    assert "rozliczone" in CaseMessage.objects.filter(object_id=application.pk).last().body


def test_an_empty_report_gets_a_polish_message_and_files_nothing(client):
    application = paid_scholarship(client)
    _tracking, report = urls(application)
    with time_machine.travel(LAST_DAY):
        page = client.post(report, public_form_data(report_text=""))
    assert page.status_code == 200
    assert "Opisz, jak" in page.content.decode()
    application.refresh_from_db()
    assert application.status == Status.PAID


def test_a_signed_in_clerk_cannot_file_the_scholars_report(client, make_clerk):
    """The report is the scholar's own move; the clerk registers a paper report with "receive_report" instead."""
    application = paid_scholarship(client)
    clerk = make_clerk(groups=[GRANTS_GROUP])
    with time_machine.travel(LAST_DAY), pytest.raises((CaseWorkError, PermissionDenied)):
        transition_perform(obj=application, name="file_report", acting_user=clerk)
    received = transition_perform(obj=application, name="receive_report", acting_user=clerk)
    assert received.status == Status.REPORT_SUBMITTED


def test_the_report_is_missing_only_after_its_deadline(client):
    application = paid_scholarship(client)
    with time_machine.travel(datetime(2027, 11, 30, 15, 0, tzinfo=WARSAW)), pytest.raises(CaseWorkError):
        transition_perform(obj=application, name="report_missing", acting_user=None, note="Brak sprawozdania.")
    with time_machine.travel(datetime(2027, 12, 1, 9, 0, tzinfo=WARSAW)):
        missing = transition_perform(obj=application, name="report_missing", acting_user=None, note="Brak.")
    assert (missing.status, bool(missing.closed_at)) == (Status.REPORT_MISSING, True)


def test_no_report_page_for_another_token_or_an_award(client):
    assert client.get(reverse("awards:report_file", kwargs={"token": "x" * 40})).status_code == 404
    call = make_call(kind="award")
    client.post(
        reverse("awards:application_create", kwargs={"slug": call.slug}), public_form_data(**nomination_data())
    )
    nomination = AwardApplication.objects.get()
    _tracking, report = urls(nomination)
    assert client.get(report).status_code == 404
