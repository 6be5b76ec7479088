"""The clerks' screens after the grant call the services: agreement, partial report, receipt, control, settlement.

u.d.p.p. art. 16–18 and u.f.p. art. 251–252; each screen is reachable by a grants clerk, refused to another
section, and a POST through it leaves the records the service leaves (or its Polish refusal, never a 500).
"""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from grants import services
from grants.models import GrantAgreement, GrantControl, GrantOffer, GrantReport, GrantSettlement
from tests.grants.factories import GRANTS_GROUP, final_report_accept, travel
from tests.helpers import admin_form_refusal, form_data

PRESS = "Biuro prasowe"


@pytest.mark.parametrize(
    "url",
    [
        "admin:grants_grantagreement_add",
        "admin:grants_grantreport_add",
        "admin:grants_grantcontrol_add",
        "admin:grants_grantsettlement_add",
    ],
)
def test_the_screens_are_for_grants_clerks_only(url, clerk_client, db):
    assert clerk_client(groups=[GRANTS_GROUP]).get(reverse(url)).status_code == 200
    assert clerk_client(groups=[PRESS]).get(reverse(url)).status_code == 403


def agreement_post(offer, **changes):
    return {
        "offer": offer.pk,
        "number": "KSP.5220.1.2026",
        "signed_on": "2026-04-20",
        "bank_account": "PL61109010140000071219812874",
        "budget_updated": "on",
        "use_deadline": "",
        "tranches-TOTAL_FORMS": "2",
        "tranches-INITIAL_FORMS": "0",
        "tranches-MIN_NUM_FORMS": "0",
        "tranches-MAX_NUM_FORMS": "1000",
        "tranches-0-due_on": "2026-07-01",
        "tranches-0-amount": "2000.00",
        "tranches-1-due_on": "2026-05-04",
        "tranches-1-amount": "2000.00",
        **changes,
    }


def test_signing_an_agreement_on_its_screen_calls_the_service(clerk_client, granted_offer):
    """Less granted than asked: refused without the updated budget, signed with it, tranches in date order."""
    clerk = clerk_client(groups=[GRANTS_GROUP])
    url = reverse("admin:grants_grantagreement_add")
    data = agreement_post(granted_offer)
    del data["budget_updated"]
    refused = clerk.post(url, data)
    assert any("harmonogram" in m for m in admin_form_refusal(refused))
    assert data["tranches-1-amount"] in refused.content.decode()  # what was typed is kept
    assert not GrantAgreement.objects.exists()

    response = clerk.post(url, agreement_post(granted_offer))
    agreement = GrantAgreement.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:grants_grantagreement_changelist")
    assert (agreement.amount, agreement.use_deadline, agreement.budget_updated) == (
        Decimal("4000.00"),
        date(2026, 8, 31),
        True,
    )
    assert [(t.position, t.due_on, t.amount) for t in agreement.tranches.all()] == [
        (1, date(2026, 5, 4), Decimal("2000.00")),
        (2, date(2026, 7, 1), Decimal("2000.00")),
    ]
    assert agreement.reports.get().due_on == date(2026, 9, 30)
    granted_offer.refresh_from_db()
    assert granted_offer.status == GrantOffer.Status.AGREEMENT
    page = clerk.get(reverse("admin:grants_grantagreement_change", args=[agreement.pk])).content.decode()
    assert "30 września 2026" in page  # the final report, 30 days after 31 August
    assert "15 września 2026" in page  # the unused part, 15 days after the task


def test_a_partial_report_is_demanded_on_its_screen(clerk_client, agreement):
    """At least 30 days from the call (u.d.p.p. art. 18 ust. 3): too early refused, in time created as partial."""
    clerk = clerk_client(groups=[GRANTS_GROUP])
    url = reverse("admin:grants_grantreport_add")
    with travel(2026, 5, 10):
        refused = clerk.post(url, {"agreement": agreement.pk, "due_on": "2026-06-08"})
        assert any("09.06.2026" in m for m in admin_form_refusal(refused))
        assert agreement.reports.count() == 1
        assert clerk.post(url, {"agreement": agreement.pk, "due_on": "2026-06-09"}).status_code == 302
    partial = agreement.reports.get(kind=GrantReport.Kind.PARTIAL)
    assert (partial.due_on, partial.status) == (date(2026, 6, 9), GrantReport.Status.DUE)


def test_receiving_a_report_on_its_screen_calls_the_service(clerk_client, agreement):
    """The amount used typed in registers the receipt; then the workflow button accepts the report."""
    clerk = clerk_client(groups=[GRANTS_GROUP])
    report = agreement.reports.get()
    url = reverse("admin:grants_grantreport_change", args=[report.pk])
    with travel(2026, 9, 20):
        too_much = {**form_data(clerk.get(url), "grantreport_form"), "costs_used": "5000.00"}
        assert admin_form_refusal(clerk.post(url, too_much))
        report.refresh_from_db()
        assert (report.status, report.costs_used) == (GrantReport.Status.DUE, None)
        data = {**form_data(clerk.get(url), "grantreport_form"), "costs_used": "3600.00"}
        assert clerk.post(url, data).status_code == 302
    report.refresh_from_db()
    assert (report.status, report.submitted_on, report.costs_used) == (
        GrantReport.Status.SUBMITTED,
        date(2026, 9, 20),
        Decimal("3600.00"),
    )
    workflow = reverse("admin:grants_grantreport_workflow", args=[report.pk])
    clerk.post(workflow, {"transition": "accept"})
    report.refresh_from_db()
    assert report.status == GrantReport.Status.ACCEPTED


def test_a_control_is_recorded_on_its_screen(clerk_client, agreement):
    clerk = clerk_client(groups=[GRANTS_GROUP])
    response = clerk.post(
        reverse("admin:grants_grantcontrol_add"),
        {
            "agreement": agreement.pk,
            "controlled_on": "2026-10-20",
            "scope": "Dokumentacja finansowa zadania",
            "findings": "Faktura na 300 zł za catering niezwiązany z zadaniem.",
            "recommendations": "Zwrot 300 zł z odsetkami.",
            "recommendations_due": "2026-11-04",
        },
    )
    assert response.status_code == 302
    control = GrantControl.objects.get()
    assert (control.agreement, control.controlled_on, control.recommendations_due) == (
        agreement,
        date(2026, 10, 20),
        date(2026, 11, 4),
    )
    assert control.findings.startswith("Faktura na 300 zł")


def test_a_settlement_is_recorded_returned_and_closed_on_its_screens(clerk_client, agreement):
    """u.f.p. art. 251–252: deadlines from the service, interest from the rate table, closing as an action."""
    clerk = clerk_client(groups=[GRANTS_GROUP])
    url = reverse("admin:grants_grantsettlement_add")
    amounts = {
        "agreement": agreement.pk,
        "used_amount": "3600.00",
        "misused_amount": "300.00",
        "undue_amount": "0",
        "found_on": "2026-10-20",
    }
    refused = clerk.post(url, amounts)
    assert any("sprawozdanie końcowe" in m.lower() for m in admin_form_refusal(refused))
    assert not GrantSettlement.objects.exists()

    services.agreement_transfer_record(agreement=agreement, transferred_on=date(2026, 5, 4), acting_user=None)
    final_report_accept(agreement)
    assert clerk.post(url, amounts).status_code == 302
    settlement = GrantSettlement.objects.get()
    assert (settlement.unused_amount, settlement.misused_amount) == (Decimal("400.00"), Decimal("300.00"))
    assert (settlement.unused_return_due, settlement.misused_return_due) == (date(2026, 9, 15), date(2026, 11, 4))

    change = reverse("admin:grants_grantsettlement_change", args=[settlement.pk])
    short = {**form_data(clerk.get(change), "grantsettlement_form"), "returned_amount": "500.00"}
    short["returned_on"] = "2026-10-30"
    refused = clerk.post(change, short)
    assert any("700,00" in m for m in admin_form_refusal(refused))
    assert 'value="500.00"' in refused.content.decode()  # the typed amount is kept to be corrected
    settlement.refresh_from_db()
    assert settlement.returned_on is None

    data = {**form_data(clerk.get(change), "grantsettlement_form"), "returned_amount": "700.00"}
    data["returned_on"] = "2026-10-30"
    assert clerk.post(change, data).status_code == 302
    settlement.refresh_from_db()
    assert (settlement.returned_amount, settlement.interest_amount) == (Decimal("700.00"), Decimal("20.00"))
    assert "20,00" in clerk.get(change).content.decode()

    changelist = reverse("admin:grants_grantsettlement_changelist")
    clerk.post(changelist, {"action": "close_settlements", "_selected_action": [settlement.pk]})
    settlement.refresh_from_db()
    agreement.offer.refresh_from_db()
    assert settlement.settled_at is not None
    assert agreement.offer.status == GrantOffer.Status.SETTLED
