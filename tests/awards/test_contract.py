"""After the Mayor's grant: the scholarship contract as a PDF, its payment schedule, the scholar's PESEL and account.

DOMAIN.md §D.2: a civil-law umowa stypendialna follows the grant; the PESEL and the bank account are internal,
encrypted at rest (core.encryption), never in the change history, shown to clerks masked once the contract is
printed, and cleared when they are no longer needed. An award is handed at the call's ceremony instead (§D.3).
"""

import io
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from awards import services
from awards.models import AwardApplication, Kind, ScholarshipPayment
from core.models import CaseMessage, PrivateDocument
from core.money import format_pln
from core.services import CaseWorkError, transition_perform
from tests.awards.factories import (
    BANK_ACCOUNT,
    GRANTS_GROUP,
    OTHER_GROUP,
    PESEL,
    contract_data,
    granted_scholarship,
    make_call,
    nomination_data,
)
from tests.helpers import public_form_data

pytestmark = pytest.mark.django_db
Status = AwardApplication.Status
WARSAW = ZoneInfo("Europe/Warsaw")


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def test_the_contract_waits_for_its_data_and_a_schedule_of_the_amount_granted(client):
    application = granted_scholarship(client)
    with pytest.raises(CaseWorkError, match="PESEL"):
        transition_perform(obj=application, name="sign_contract", acting_user=None)
    application = contract_data(application, payments=[("2027-01-15", "4000")])
    with pytest.raises(CaseWorkError, match=re.escape(format_pln(Decimal("7500")))):
        transition_perform(obj=application, name="sign_contract", acting_user=None)
    ScholarshipPayment.objects.create(application=application, position=2, due_on=date(2027, 6, 15), amount=3500)
    AwardApplication.objects.filter(pk=application.pk).update(pesel="44051401358")
    application.refresh_from_db()
    with pytest.raises(CaseWorkError, match="PESEL"):
        transition_perform(obj=application, name="sign_contract", acting_user=None)
    AwardApplication.objects.filter(pk=application.pk).update(pesel=PESEL)
    application.refresh_from_db()
    signed = transition_perform(obj=application, name="sign_contract", acting_user=None)
    assert signed.status == Status.CONTRACT_SIGNED
    # The period ends on Sunday 31 October 2027: 30 days later is Tuesday 30 November.
    assert signed.report_due == date(2027, 11, 30)
    assert signed.closed_at is None


def test_the_signed_contract_is_printed_and_the_scholar_downloads_it_from_the_tracking_link(client):
    application = contract_data(granted_scholarship(client))
    transition_perform(obj=application, name="sign_contract", acting_user=None)
    document = PrivateDocument.objects.get(
        content_type=ContentType.objects.get_for_model(AwardApplication),
        object_id=application.pk,
        kind=PrivateDocument.Kind.LETTER,
    )
    with document.file.open("rb") as pdf:
        text = pdf_text(pdf.read())
    for expected in (
        "UMOWA STYPENDIALNA NR",
        "5230.1.2026/U",
        "reprezentowanym przez Prezydenta Miasta",
        "Joanna Kowalczyk",
        f"PESEL {PESEL}",
        BANK_ACCOUNT.replace(" ", ""),
        "ZP.0050.321.2026",
        "01.01.2027",
        "31.10.2027",
        "30.11.2027",
        "art. 7b",
    ):
        assert expected in text, text[:1500]
    assert text.count("3 750,00 zł") == 2
    tracking = reverse("core:case_tracking", kwargs={"token": application.register_entry.tracking_token})
    page = client.get(tracking).content.decode()
    assert "Umowa stypendialna nr KSP.5230.1.2026/U" in page
    told = CaseMessage.objects.filter(object_id=application.pk).last().body
    assert "KSP.5230.1.2026/U" in told
    assert "30.11.2027" in told


def test_the_pesel_and_the_account_are_encrypted_and_never_in_the_history(client):
    application = contract_data(granted_scholarship(client))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pesel, bank_account FROM awards_awardapplication WHERE id = %s", [application.pk])
        stored_pesel, stored_account = cursor.fetchone()
    assert PESEL not in stored_pesel
    assert "1090101400000712" not in stored_account
    assert (application.pesel, application.bank_account) == (PESEL, BANK_ACCOUNT.replace(" ", ""))
    historical = {field.name for field in AwardApplication.history.model._meta.fields}
    assert {"pesel", "bank_account"}.isdisjoint(historical)
    assert application.masked_pesel == "•••••••••59"
    assert application.masked_bank_account.endswith("2874")
    assert "1090" not in application.masked_bank_account


def test_the_clerk_types_the_contract_data_then_sees_them_masked(client, clerk_client):
    application = granted_scholarship(client)
    clerk = clerk_client(groups=[GRANTS_GROUP])
    url = reverse("admin:awards_awardapplication_change", args=[application.pk])
    page = clerk.get(url).content.decode()
    assert 'name="pesel"' in page
    assert 'name="bank_account"' in page
    application = contract_data(application)
    transition_perform(obj=application, name="sign_contract", acting_user=None)
    page = clerk.get(url).content.decode()
    assert 'name="pesel"' not in page
    assert PESEL not in page
    assert "•••••••••59" in page
    assert BANK_ACCOUNT.replace(" ", "") not in page
    assert clerk_client(groups=[OTHER_GROUP]).get(url).status_code == 403


def test_paid_only_when_every_instalment_has_its_transfer_date(client):
    application = contract_data(granted_scholarship(client))
    application = transition_perform(obj=application, name="sign_contract", acting_user=None)
    with pytest.raises(CaseWorkError):
        transition_perform(obj=application, name="pay", acting_user=None)
    first, second = application.payments.all()
    first.paid_on = date(2027, 1, 14)
    first.save()
    with pytest.raises(CaseWorkError):
        transition_perform(obj=application, name="pay", acting_user=None)
    second.paid_on = date(2027, 6, 14)
    second.save()
    paid = transition_perform(obj=application, name="pay", acting_user=None)
    assert paid.status == Status.PAID
    assert "30.11.2027" in CaseMessage.objects.filter(object_id=application.pk).last().body


def test_the_contract_data_are_cleared_five_full_years_after_the_case_closed(client):
    application = contract_data(granted_scholarship(client))
    closed = datetime(2028, 3, 1, 12, 0, tzinfo=WARSAW)
    AwardApplication.objects.filter(pk=application.pk).update(closed_at=closed)
    assert services.contract_data_purge(today=date(2033, 12, 31)) == 0
    assert services.contract_data_purge(today=date(2034, 1, 1)) == 1
    application.refresh_from_db()
    assert (application.pesel, application.bank_account) == ("", "")
    assert application.candidate_name == "Joanna Kowalczyk"
    assert services.contract_data_purge(today=date(2034, 1, 1)) == 0
    out = io.StringIO()
    call_command("purge_contract_data", "--today", "2034-01-01", stdout=out)
    assert out.getvalue().strip() == "awards.awardapplication: 0"


def test_an_award_is_presented_at_the_ceremony_and_has_no_contract(client):
    call = make_call(kind=Kind.AWARD)
    client.post(
        reverse("awards:application_create", kwargs={"slug": call.slug}), public_form_data(**nomination_data())
    )
    nomination = AwardApplication.objects.get()
    transition_perform(obj=nomination, name="formal_ok", acting_user=None)
    AwardApplication.objects.filter(pk=nomination.pk).update(
        decision_number="ZP.0050.7.2027",
        decision_date=date(2027, 4, 20),
        award_form=AwardApplication.AwardForm.MONEY,
        granted_amount=Decimal("5000"),
    )
    nomination.refresh_from_db()
    nomination = transition_perform(obj=nomination, name="grant", acting_user=None)
    with pytest.raises(CaseWorkError):
        transition_perform(obj=nomination, name="sign_contract", acting_user=None)
    with pytest.raises(CaseWorkError, match="uroczysto"):
        transition_perform(obj=nomination, name="present", acting_user=None)
    call.ceremony_date = timezone.localdate() + timedelta(days=3)
    call.save()
    nomination.refresh_from_db()
    with pytest.raises(CaseWorkError, match="uroczysto"):
        transition_perform(obj=nomination, name="present", acting_user=None)
    call.ceremony_date = timezone.localdate()
    call.save()
    presented = transition_perform(
        obj=AwardApplication.objects.get(pk=nomination.pk), name="present", acting_user=None
    )
    assert presented.status == Status.PRESENTED
    assert presented.closed_at is not None
