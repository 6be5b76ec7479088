"""An investor's inquiry (DOMAIN.md §I.2): the public form opens a case with a tracking link and the sites it names;
the answer is due within 7 days (the Terminarz); the clerk's answer reaches the investor's tracking page."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.deadlines import open_deadlines
from core.models import CaseMessage
from promotion.deadlines import investor_inquiry_answer_due
from promotion.models import InvestorInquiry
from tests.helpers import workflow
from tests.promotion.conftest import INQUIRY_URL
from tests.promotion.factories import make_inquiry, make_site

Status = InvestorInquiry.Status
pytestmark = pytest.mark.django_db


def test_the_form_opens_a_case_with_the_sites_and_a_tracking_link(
    client, inquiry_data, django_capture_on_commit_callbacks
):
    site = make_site(name="Halemba przy A4", slug="halemba-a4")
    make_site(name="Szkic", slug="szkic", is_published=False)
    form = client.get(INQUIRY_URL, {"teren": "halemba-a4"})
    assert form.context["form"]["sites"].value() == [site.pk]
    assert "Szkic" not in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(INQUIRY_URL, inquiry_data(sites=[str(site.pk)]))
    assert response.status_code == 302
    inquiry = InvestorInquiry.objects.get()
    assert inquiry.case_mark.startswith("KSP.0430.")
    assert (inquiry.status, inquiry.received_on) == (Status.RECEIVED, timezone.localdate())
    assert list(inquiry.sites.all()) == [site]
    assert inquiry.info_clause is not None
    [acknowledgement] = [message for message in mail.outbox if "k.lis@autoparts.example.pl" in message.to]
    assert inquiry.case_mark in acknowledgement.subject
    assert response.url == f"/sprawy/{inquiry.register_entry.tracking_token}/potwierdzenie/"


def test_a_draft_site_cannot_be_named_and_the_form_checks_its_fields(client, inquiry_data):
    draft = make_site(slug="szkic", is_published=False)
    response = client.post(
        INQUIRY_URL, inquiry_data(sites=[str(draft.pk)], contact_email="nie-e-mail", needed_area_ha="0", needs=None)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {"sites", "contact_email", "needed_area_ha", "needs"}
    assert not InvestorInquiry.objects.exists()


@pytest.mark.parametrize(
    ("received_on", "due"),
    [
        (date(2026, 3, 2), date(2026, 3, 9)),  # Monday: the next Monday
        (date(2026, 3, 7), date(2026, 3, 16)),  # Saturday: 14 March is a Saturday, so Monday 16 March
        (date(2026, 4, 28), date(2026, 5, 5)),  # across 1 and 3 May: ends on Tuesday 5 May, a working day
        (date(2026, 12, 19), date(2026, 12, 28)),  # 26 December (a holiday, Saturday), 27 Sunday: Monday 28
    ],
)
def test_the_answer_is_due_in_seven_days_moved_off_days_off(received_on, due):
    assert investor_inquiry_answer_due(received_on) == due


def test_the_answer_is_in_the_terminarz_until_given_and_reaches_the_tracking_page(clerk, client):
    inquiry = make_inquiry(received_on=timezone.localdate() - timedelta(days=2))
    [row] = [d for d in open_deadlines(section="promotion") if d.case_mark == inquiry.case_mark]
    assert row.due_date == investor_inquiry_answer_due(inquiry.received_on)
    assert "7 dni" in row.rule

    workflow(clerk, inquiry, "answer")  # an answer without a text is refused
    assert inquiry.status == Status.RECEIVED
    workflow(clerk, inquiry, "answer", note="Zapraszamy na wizję lokalną w przyszły wtorek.")
    assert (inquiry.status, inquiry.answered_on) == (Status.ANSWERED, timezone.localdate())
    assert not [d for d in open_deadlines(section="promotion") if d.case_mark == inquiry.case_mark]
    assert CaseMessage.objects.filter(body__contains="wizję lokalną", author_kind=CaseMessage.Author.CLERK).exists()
    page = client.get(f"/sprawy/{inquiry.register_entry.tracking_token}/").content.decode()
    assert "wizję lokalną" in page
    assert gettext("answered") in page

    workflow(clerk, inquiry, "close")
    assert inquiry.status == Status.CLOSED
    assert inquiry.closed_at is not None


def test_another_section_may_read_but_not_answer(clerk_client):
    inquiry = make_inquiry()
    press = clerk_client(groups=["Biuro prasowe"])
    assert press.get(reverse("admin:promotion_investorinquiry_change", args=[inquiry.pk])).status_code == 200
    press.post(
        reverse("admin:promotion_investorinquiry_workflow", args=[inquiry.pk]),
        {"transition": "answer", "note": "Tak."},
    )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.RECEIVED
