"""The demo permits and notifications: each state a clerk meets, made through the services, loaded once."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils import timezone

from core.models import PrivateDocument, StatusChange
from mass_events.models import EventNotification, MassEventOpinion, MassEventPermitApplication, validate_pesel

Permit = MassEventPermitApplication.Status
Notification = EventNotification.Status


def seed():
    call_command("seed_mass_events", "--allow-outside-debug", stdout=io.StringIO())


def documents_of(case):
    return PrivateDocument.objects.filter(content_type=ContentType.objects.get_for_model(case), object_id=case.pk)


def test_a_newcomer_sees_permits_and_notifications_in_each_state_and_a_second_run_adds_nothing(db):
    seed()
    counts = (
        MassEventPermitApplication.objects.count(),
        EventNotification.objects.count(),
        StatusChange.objects.count(),
        PrivateDocument.objects.count(),
    )
    seed()

    assert (
        MassEventPermitApplication.objects.count(),
        EventNotification.objects.count(),
        StatusChange.objects.count(),
        PrivateDocument.objects.count(),
    ) == counts
    assert sorted(MassEventPermitApplication.objects.values_list("status", flat=True)) == sorted(
        [
            Permit.RECEIVED,
            Permit.COMPLETION_REQUESTED,
            Permit.OPINIONS,
            Permit.DECISION_DRAFTED,
            Permit.PERMIT_ISSUED,
            Permit.EVENT_HELD,
        ]
    )
    assert sorted(EventNotification.objects.values_list("status", flat=True)) == sorted(
        [Notification.RECEIVED, Notification.CERTIFICATE_REQUESTED, Notification.ACCEPTED, Notification.BAN_ISSUED]
    )


def test_the_cases_carry_the_marks_history_and_documents_of_real_work(db):
    seed()
    now = timezone.now()
    for application in MassEventPermitApplication.objects.all():
        assert application.case_mark.startswith("KSP.5240.")
        assert application.register_entry_id
        validate_pesel(application.security_manager_pesel)
        # Every step, from the opening on, left a row in the history.
        assert StatusChange.objects.filter(object_id=application.pk, content_type__model="masseventpermitapplication")
        assert documents_of(application).filter(kind=PrivateDocument.Kind.ATTACHMENT).count() >= 4
    opinions = MassEventPermitApplication.objects.get(status=Permit.OPINIONS).opinions
    assert opinions.count() == 4
    assert opinions.exclude(verdict=MassEventOpinion.Verdict.MISSING).count() == 2
    issued = MassEventPermitApplication.objects.get(status=Permit.PERMIT_ISSUED)
    assert issued.decision_kind == MassEventPermitApplication.DecisionKind.PERMIT
    assert documents_of(issued).filter(kind=PrivateDocument.Kind.LETTER).exists()
    held = MassEventPermitApplication.objects.get(status=Permit.EVENT_HELD)
    assert held.ends_at < now
    assert held.decision_issued_on < held.starts_at.date()
    asked = MassEventPermitApplication.objects.get(status=Permit.COMPLETION_REQUESTED)
    assert documents_of(asked).filter(kind=PrivateDocument.Kind.LETTER).exists()
    banned = EventNotification.objects.get(status=Notification.BAN_ISSUED)
    assert banned.ban_issued_on
    assert documents_of(banned).filter(kind=PrivateDocument.Kind.LETTER).exists()
    assert EventNotification.objects.get(status=Notification.CERTIFICATE_REQUESTED).certificate_requested_on


def test_without_debug_it_refuses_and_loads_nothing(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--allow-outside-debug"):
        call_command("seed_mass_events", stdout=io.StringIO())

    assert not MassEventPermitApplication.objects.exists()
    assert not EventNotification.objects.exists()
