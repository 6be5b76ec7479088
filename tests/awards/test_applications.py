"""Scholarship applications and award nominations: the public form, its refusals in Polish, the workflow per role.

u.o.p.d.k. art. 7a (awards) and 7b (scholarships) with the council's resolution (DOMAIN.md §D): late applications
are not considered, the amount stays within the resolution's cap and the call's budget, the Prezydent decides by
zarządzenie and no appeal lies.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils.translation import gettext

from awards.models import AwardApplication, Kind
from core.models import CaseMessage, OutboxMessage
from core.money import format_pln
from core.services import CaseWorkError, transition_perform
from tests.awards.factories import (
    GRANTS_GROUP,
    OTHER_GROUP,
    make_call,
    nomination_data,
    scholarship_data,
)
from tests.helpers import public_form_data

pytestmark = pytest.mark.django_db
Status = AwardApplication.Status


def form_url(call):
    return reverse("awards:application_create", kwargs={"slug": call.slug})


def apply(client, call, data):
    return client.post(form_url(call), public_form_data(**data))


def test_an_artist_applies_and_gets_a_case_mark_and_the_tracking_link(client):
    call = make_call()
    assert client.get(form_url(call)).status_code == 200
    response = apply(client, call, scholarship_data())
    assert response.status_code == 302
    application = AwardApplication.objects.get()
    assert application.case_mark.startswith("KSP.5230.")
    assert (application.call, application.status) == (call, Status.SUBMITTED)
    assert application.requested_amount == Decimal("8000")
    assert application.info_clause.form_key == "awards.application"
    assert application.case_mark in client.get(response["Location"]).content.decode()
    acknowledgement = OutboxMessage.objects.get(to=["j.kowalczyk@example.pl"])
    assert acknowledgement.subject == gettext("Your application has been received — %(mark)s") % {
        "mark": application.case_mark
    }
    tracking = reverse("core:case_tracking", kwargs={"token": application.register_entry.tracking_token})
    assert f"http://testserver{tracking}" in acknowledgement.body_text
    assert "Kowalczyk" not in acknowledgement.body_text


def test_an_institution_nominates_for_the_award(client):
    call = make_call(kind=Kind.AWARD)
    page = client.get(form_url(call)).content.decode()
    assert 'name="project_title"' not in page
    assert 'value="self"' not in page
    assert apply(client, call, nomination_data()).status_code == 302
    nomination = AwardApplication.objects.get()
    assert (nomination.submitter_kind, nomination.category) == ("institution", "za całokształt twórczości")
    assert nomination.requested_amount is None


def test_bad_input_gets_polish_messages_and_keeps_what_was_typed(client):
    call = make_call()
    data = scholarship_data(
        submitter_name="",
        email="nie-email",
        project_title="",
        period_from="2027-05-01",
        period_to="2027-01-01",
        requested_amount="dużo",
        achievements="",
    )
    response = apply(client, call, data)
    assert response.status_code == 200
    html = response.content.decode()
    for message in (
        "Enter your name or the name of the institution.",
        "Enter a valid e-mail address.",
        "Enter the title of the project.",
        "Describe the candidate's achievements.",
        "Enter the amount as a number, e.g. 5000 or 5000,00.",
    ):
        assert gettext(message) in html
        assert gettext(message) != message
    assert "Pieśni" not in html or "Nagranie płyty" in html
    assert AwardApplication.objects.count() == 0
    response = apply(client, call, scholarship_data(period_from="2027-05-01", period_to="2027-01-01"))
    assert gettext("The period cannot end before it starts.") in response.content.decode()
    response = apply(client, make_call(kind=Kind.AWARD, title="Nagrody 2"), nomination_data(category=""))
    assert gettext("Enter the award category.") in response.content.decode()
    assert AwardApplication.objects.count() == 0


@pytest.mark.parametrize(
    ("amount", "accepted"),
    [("10000.00", True), ("10000.01", False), ("0", False), ("-5", False), ("1", True)],
)
def test_the_requested_amount_keeps_to_the_resolutions_cap(client, amount, accepted):
    call = make_call()  # cap 10 000 zł
    response = apply(client, call, scholarship_data(requested_amount=amount))
    assert (response.status_code == 302) is accepted
    if not accepted:
        html = response.content.decode()
        over_cap = gettext("The resolution allows at most %(cap)s per application.") % {
            "cap": format_pln(call.max_amount)
        }
        assert over_cap in html or gettext("The amount must be greater than zero.") in html


def test_no_application_is_taken_from_the_deadline_on(client):
    call = make_call()
    with time_machine.travel(call.deadline - timedelta(seconds=1), tick=False):
        assert "form_started" in client.get(form_url(call)).content.decode()
    with time_machine.travel(call.deadline, tick=False):
        response = client.get(form_url(call))
        assert response.status_code == 200
        assert "form_started" not in response.content.decode()
        assert apply(client, call, scholarship_data()).status_code == 409
    assert AwardApplication.objects.count() == 0


def test_an_unpublished_call_has_no_page_and_no_form(client):
    call = make_call(is_published=False)
    assert client.get(call.get_absolute_url()).status_code == 404
    assert client.get(form_url(call)).status_code == 404


def workflow(clerk, application, transition, note=""):
    return clerk.post(
        reverse("admin:awards_awardapplication_workflow", args=[application.pk]),
        {"transition": transition, "note": note},
    )


@time_machine.travel(datetime(2026, 12, 11, 10, 0, tzinfo=ZoneInfo("Europe/Warsaw")))
def test_the_grants_section_checks_calls_to_complete_and_the_mayor_grants(client, clerk_client):
    call = make_call()
    apply(client, call, scholarship_data())
    application = AwardApplication.objects.get()
    clerk = clerk_client(groups=[GRANTS_GROUP])
    assert clerk.get(reverse("admin:awards_awardapplication_change", args=[application.pk])).status_code == 200

    # Called on Friday 11 December 2026: 7 days end on Friday 18 December.
    workflow(clerk, application, "call_to_complete", "Proszę dołączyć dyplomy z ostatnich trzech lat.")
    application.refresh_from_db()
    assert (application.status, application.completion_due) == (Status.INCOMPLETE, date(2026, 12, 18))
    told = CaseMessage.objects.filter(object_id=application.pk).last().body
    assert "18.12.2026" in told
    assert "dyplomy" in told
    workflow(clerk, application, "completed")
    workflow(clerk, application, "formal_ok")
    application.refresh_from_db()
    assert application.status == Status.FORMAL_OK

    # The Mayor's order first: without it the button refuses, in Polish.
    workflow(clerk, application, "grant")
    application.refresh_from_db()
    assert application.status == Status.FORMAL_OK
    AwardApplication.objects.filter(pk=application.pk).update(
        decision_number="ZP.0050.321.2026", decision_date=date(2026, 12, 20), granted_amount=Decimal("7500")
    )
    workflow(clerk, application, "grant", "Umowę podpiszemy w styczniu.")
    application.refresh_from_db()
    assert application.status == Status.GRANTED
    # The case goes on: the contract, the payment and the scholar's report follow (tests/awards/test_contract.py).
    assert application.closed_at is None
    told = CaseMessage.objects.filter(object_id=application.pk).last().body
    assert "ZP.0050.321.2026" in told
    assert format_pln(Decimal("7500")) in told


def test_other_sections_may_not_see_or_decide_applications(client, clerk_client):
    call = make_call()
    apply(client, call, scholarship_data())
    application = AwardApplication.objects.get()
    outsider = clerk_client(groups=[OTHER_GROUP])
    assert outsider.get(reverse("admin:awards_awardapplication_change", args=[application.pk])).status_code == 403
    workflow(outsider, application, "formal_ok")
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert outsider.get(reverse("admin:awards_awardcall_changelist")).status_code == 403
    grants = clerk_client(groups=[GRANTS_GROUP])
    assert grants.get(reverse("admin:awards_awardcall_add")).status_code == 200
    assert grants.get(reverse("admin:awards_awardapplication_add")).status_code == 403


def decided(application, **fields):
    defaults = {"decision_number": "ZP.0050.1.2027", "decision_date": date(2027, 1, 10)}
    AwardApplication.objects.filter(pk=application.pk).update(**{**defaults, **fields})
    application.refresh_from_db()
    return application


def test_the_grants_of_one_call_stay_within_its_budget_and_the_cap(client):
    call = make_call(budget=Decimal("15000"))
    for n in range(3):
        apply(client, call, scholarship_data(email=f"artysta{n}@example.pl", requested_amount="10000"))
    first, second, third = AwardApplication.objects.order_by("pk")
    for application in (first, second, third):
        transition_perform(obj=application, name="formal_ok", acting_user=None)
    transition_perform(obj=decided(first, granted_amount=Decimal("10000")), name="grant", acting_user=None)
    with pytest.raises(CaseWorkError, match=format_pln(Decimal("15000"))):
        transition_perform(obj=decided(second, granted_amount=Decimal("5000.01")), name="grant", acting_user=None)
    transition_perform(obj=decided(second, granted_amount=Decimal("5000")), name="grant", acting_user=None)
    with pytest.raises(CaseWorkError):
        transition_perform(obj=decided(third, granted_amount=Decimal("10000.01")), name="grant", acting_user=None)
    refused = transition_perform(obj=decided(third), name="refuse", acting_user=None)
    assert refused.status == Status.REFUSED
    told = CaseMessage.objects.filter(object_id=third.pk).last().body
    assert "nie przysługuje odwołanie" in told


def test_an_award_may_be_a_diploma_without_money(client):
    call = make_call(kind=Kind.AWARD)
    apply(client, call, nomination_data())
    nomination = AwardApplication.objects.get()
    transition_perform(obj=nomination, name="formal_ok", acting_user=None)
    with pytest.raises(CaseWorkError, match="formę nagrody"):
        transition_perform(obj=decided(nomination), name="grant", acting_user=None)
    with pytest.raises(CaseWorkError, match="kwoty"):
        transition_perform(
            obj=decided(nomination, award_form="diploma", granted_amount=Decimal("100")),
            name="grant",
            acting_user=None,
        )
    with pytest.raises(CaseWorkError, match="kwoty"):
        transition_perform(
            obj=decided(nomination, award_form="money", granted_amount=None), name="grant", acting_user=None
        )
    granted = transition_perform(
        obj=decided(nomination, award_form="diploma", granted_amount=None), name="grant", acting_user=None
    )
    assert granted.status == Status.GRANTED


def test_a_formal_rejection_closes_the_case_and_tells_the_applicant(client):
    apply(client, make_call(), scholarship_data())
    application = AwardApplication.objects.get()
    rejected = transition_perform(obj=application, name="reject_formal", acting_user=None, note="Brak programu.")
    assert rejected.status == Status.REJECTED_FORMAL
    assert rejected.closed_at
    tracking = client.get(reverse("core:case_tracking", kwargs={"token": application.register_entry.tracking_token}))
    assert "Brak programu." in tracking.content.decode()


def test_the_clerk_records_the_mayors_order_in_the_admin_but_not_the_status(client, make_clerk):
    """The order's number, date and amount are the clerk's fields; the status stays the workflow's."""
    from django.contrib import admin
    from django.test import RequestFactory

    apply(client, make_call(), scholarship_data())
    application = AwardApplication.objects.get()
    loaded = AwardApplication.objects.get(pk=application.pk)
    transition_perform(obj=application, name="formal_ok", acting_user=None)
    loaded.decision_number = "ZP.0050.9.2027"
    loaded.decision_date = date(2027, 1, 15)
    loaded.granted_amount = Decimal("4000")
    request = RequestFactory().post("/")
    request.user = make_clerk(groups=[GRANTS_GROUP])
    admin.site._registry[AwardApplication].save_model(request, loaded, form=None, change=True)
    application.refresh_from_db()
    assert (application.decision_number, application.granted_amount) == ("ZP.0050.9.2027", Decimal("4000"))
    assert application.status == Status.FORMAL_OK
    granted = transition_perform(obj=application, name="grant", acting_user=None)
    assert granted.status == Status.GRANTED
