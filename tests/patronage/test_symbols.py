"""A request to use the city's coat of arms, flag, logo or colours (DOMAIN.md §E.2).

The public form opens a case with the design; the answer is due within 30 days (the Terminarz); a consent, a
consent with conditions (which must be written first) or a refusal is a PDF letter; a consent expires after its
period and may be revoked; misuse is logged.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.deadlines import open_deadlines
from core.models import PrivateDocument
from patronage.deadlines import symbol_request_answer_due
from patronage.models import SymbolMisuseReport, SymbolUseRequest
from tests.helpers import workflow
from tests.patronage.conftest import SYMBOL_REQUEST_URL
from tests.patronage.factories import make_symbol_request

Status = SymbolUseRequest.Status
pytestmark = pytest.mark.django_db


def letters(case):
    return list(
        PrivateDocument.objects.filter(object_id=case.pk, kind=PrivateDocument.Kind.LETTER).values_list(
            "description", flat=True
        )
    )


def test_the_form_opens_a_case_with_the_design(client, symbol_request_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SYMBOL_REQUEST_URL, symbol_request_data())
    assert response.status_code == 302
    request = SymbolUseRequest.objects.get()
    assert request.case_mark.startswith("KSP.0414.")
    assert (request.status, request.received_on, request.symbol) == (Status.RECEIVED, timezone.localdate(), "logo")
    assert PrivateDocument.objects.filter(
        object_id=request.pk, description="Projekt graficzny użycia symbolu"
    ).exists()
    assert len(mail.outbox) == 1


def test_the_design_is_required_and_the_period_checked(client, symbol_request_data):
    response = client.post(
        SYMBOL_REQUEST_URL,
        symbol_request_data(
            design=None,
            period_from=(timezone.localdate() + timedelta(days=20)).isoformat(),
            period_to=(timezone.localdate() + timedelta(days=10)).isoformat(),
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "design" in errors
    assert gettext("The end of the use must not be before its start.") in errors["period_to"]
    assert not SymbolUseRequest.objects.exists()


def test_the_answer_is_in_the_terminarz_until_given():
    request = make_symbol_request(received_on=timezone.localdate() - timedelta(days=3))
    [row] = [d for d in open_deadlines(section="patronage") if d.case_mark == request.case_mark]
    assert row.due_date == symbol_request_answer_due(request.received_on)
    assert "30 dni" in row.rule


def test_a_consent_with_conditions_needs_them_written_and_prints_them(clerk, rendered_letters):
    request = make_symbol_request()
    workflow(clerk, request, "consent_with_conditions")
    assert request.status == Status.RECEIVED
    SymbolUseRequest.objects.filter(pk=request.pk).update(conditions="Logo wyłącznie w wersji pełnokolorowej.")
    request.refresh_from_db()
    workflow(clerk, request, "consent_with_conditions")
    assert request.status == Status.CONSENT_WITH_CONDITIONS
    assert letters(request) == ["Zgoda na używanie symbolu miasta"]
    assert "Warunki zgody" in rendered_letters[0]
    assert "Logo wyłącznie w wersji pełnokolorowej." in rendered_letters[0]
    assert not [d for d in open_deadlines(section="patronage") if d.case_mark == request.case_mark]


def test_a_plain_consent_prints_no_conditions(clerk, rendered_letters):
    request = make_symbol_request()
    workflow(clerk, request, "consent")
    assert request.status == Status.CONSENT
    assert "Warunki zgody" not in rendered_letters[0]


def test_a_refusal_is_a_letter_with_the_reasons(clerk, rendered_letters):
    request = make_symbol_request()
    workflow(clerk, request, "refuse", note="Projekt zmienia barwy herbu.")
    assert request.status == Status.REFUSED
    assert letters(request) == ["Odmowa zgody na używanie symbolu miasta"]
    assert "Projekt zmienia barwy herbu." in rendered_letters[0]


def test_a_consent_may_be_revoked(clerk):
    request = make_symbol_request()
    workflow(clerk, request, "consent")
    workflow(clerk, request, "revoke", note="Logo użyte na produkcie niezgodnym z wnioskiem.")
    assert (request.status, request.revoked_on) == (Status.REVOKED, timezone.localdate())
    assert request.closed_at is not None


def test_a_consent_expires_only_after_its_period(clerk):
    request = make_symbol_request()
    workflow(clerk, request, "consent")
    workflow(clerk, request, "expire")
    assert request.status == Status.CONSENT
    SymbolUseRequest.objects.filter(pk=request.pk).update(
        period_from=timezone.localdate() - timedelta(days=30), period_to=timezone.localdate() - timedelta(days=1)
    )
    request.refresh_from_db()
    workflow(clerk, request, "expire")
    assert request.status == Status.EXPIRED


def test_a_misuse_is_logged_in_the_admin(clerk):
    request = make_symbol_request()
    response = clerk.post(
        reverse("admin:patronage_symbolmisusereport_add"),
        {
            "found_on": timezone.localdate().isoformat(),
            "symbol": "coat_of_arms",
            "where": "sklep internetowy",
            "description": "Herb w zmienionych barwach na kubkach.",
            "request": request.pk,
            "action_taken": "Pismo wzywające do zaprzestania.",
        },
    )
    assert response.status_code == 302
    assert SymbolMisuseReport.objects.get().request == request
