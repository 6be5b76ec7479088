"""A notification of an artistic event outside the organiser's seat, end to end (u.o.p.d.k. art. 34–37).

Silent acceptance by default once the ban deadline has passed; the ban path with its PDF decision, the 3-day
appeal window and the appeal body's 7 days (silence is consent); each clock in the Terminarz while it runs.
"""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext

from core.deadlines import open_deadlines
from core.models import CaseMessage, PrivateDocument, StatusChange
from core.services import transition_perform
from mass_events.deadlines import artistic_event_ban_appeal_latest, artistic_event_ban_deadline
from mass_events.models import EventNotification
from mass_events.services.common import MassEventError
from tests.helpers import pdf_file, workflow
from tests.mass_events.conftest import NOTIFICATION_URL

Status = EventNotification.Status
pytestmark = pytest.mark.django_db


def rules(notification):
    return [d.rule for d in open_deadlines(section="events") if d.case_mark == notification.case_mark]


def test_the_form_opens_a_case_with_attachments_and_an_email(
    client, notification_data, django_capture_on_commit_callbacks
):
    page = client.get(NOTIFICATION_URL).content.decode()
    assert "<legend>" in page
    assert "Administratorem danych osobowych" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NOTIFICATION_URL, notification_data(attachments=[pdf_file("program.pdf")]))
    assert response.status_code == 302
    notification = EventNotification.objects.get()
    assert notification.case_mark.startswith("KSP.5240.")
    assert notification.is_late is False
    assert PrivateDocument.objects.filter(object_id=notification.pk, kind="attachment").count() == 1
    assert len(mail.outbox) == 1


def test_a_late_notification_is_warned_about_then_received_and_marked(client, notification_data):
    response = client.post(NOTIFICATION_URL, notification_data(days_ahead=10))
    assert response.status_code == 200
    assert 'id="late-warning"' in response.content.decode()
    assert 'value="Koncert plenerowy na Placu Jana Pawła II"' in response.content.decode()
    assert client.post(NOTIFICATION_URL, notification_data(days_ahead=10, late_confirmed="on")).status_code == 302
    assert EventNotification.objects.get().is_late is True


def test_a_cyclic_event_needs_its_dates_in_one_notification(client, notification_data):
    response = client.post(NOTIFICATION_URL, notification_data(is_cyclic="on"))
    assert (
        gettext("For a cyclic event, list the dates of the cycle.")
        in response.context["form"].errors["cycle_description"]
    )
    data = notification_data(is_cyclic="on", cycle_description="Każda pierwsza sobota miesiąca, maj–wrzesień.")
    assert client.post(NOTIFICATION_URL, data).status_code == 302


def test_silent_acceptance_after_the_ban_deadline(client, notification_data):
    client.post(NOTIFICATION_URL, notification_data())
    notification = EventNotification.objects.get()
    deadline = artistic_event_ban_deadline(notification.received_on, notification.starts_at)
    assert [d.due_date for d in open_deadlines() if d.case_mark == notification.case_mark] == [deadline]
    call_command("accept_silent_notifications", stdout=io.StringIO())
    notification.refresh_from_db()
    assert notification.status == Status.RECEIVED  # the deadline has not passed
    EventNotification.objects.filter(pk=notification.pk).update(received_on=timezone.localdate() - timedelta(days=20))
    mail.outbox.clear()
    call_command("accept_silent_notifications", stdout=io.StringIO())
    notification.refresh_from_db()
    assert notification.status == Status.ACCEPTED
    assert notification.closed_at is not None
    assert rules(notification) == []
    assert mail.outbox == []  # no answer is sent when there are no objections (u.o.p.d.k. art. 36)
    assert (
        gettext("accepted without objections")
        in client.get(f"/sprawy/{notification.register_entry.tracking_token}/").content.decode()
    )


def test_the_ban_path_with_appeal_and_consent_by_silence(
    client, clerk, notification_data, rendered_letters, django_capture_on_commit_callbacks
):
    sources = rendered_letters
    with django_capture_on_commit_callbacks(execute=True):
        client.post(NOTIFICATION_URL, notification_data())
    notification = EventNotification.objects.get()

    workflow(clerk, notification, "ban", note="Zagrożenie dla życia: brak dróg ewakuacyjnych.")
    assert notification.status == Status.RECEIVED  # no decision number yet
    EventNotification.objects.filter(pk=notification.pk).update(ban_number="KSP.5240.9.2026")
    with django_capture_on_commit_callbacks(execute=True):
        workflow(clerk, notification, "ban", note="Zagrożenie dla życia: brak dróg ewakuacyjnych.")
    assert notification.status == Status.BAN_ISSUED
    assert "zakazuję" in sources[-1]
    assert "Zagrożenie dla życia" in sources[-1]
    assert PrivateDocument.objects.filter(object_id=notification.pk, kind="letter").count() == 1
    assert len(mail.outbox) == 2
    # Until its delivery is recorded the ban's delivery deadline stays in the Terminarz (u.o.p.d.k. art. 36 ust. 1).
    [delivery] = [d for d in open_deadlines() if d.case_mark == notification.case_mark]
    assert delivery.rule == "art. 36 ust. 1 u.o.p.d.k.: doręczenie zakazu"
    assert delivery.due_date == artistic_event_ban_deadline(notification.received_on, notification.starts_at)

    delivered = timezone.localdate()
    EventNotification.objects.filter(pk=notification.pk).update(ban_delivered_on=delivered)
    [appeal_window] = [d for d in open_deadlines() if d.case_mark == notification.case_mark]
    assert appeal_window.due_date == artistic_event_ban_appeal_latest(delivered)

    workflow(clerk, notification, "appeal")
    assert notification.status == Status.APPEALED
    assert rules(notification) == [
        "art. 133 k.p.a.: 7 dni od otrzymania odwołania",
        "art. 36 ust. 3 u.o.p.d.k.: 7 dni",
    ]
    workflow(clerk, notification, "consent_by_silence")
    assert notification.status == Status.APPEALED  # the appeal body still has time
    EventNotification.objects.filter(pk=notification.pk).update(appeal_filed_on=delivered - timedelta(days=12))
    workflow(clerk, notification, "consent_by_silence")
    assert notification.status == Status.CONSENT_BY_SILENCE
    assert notification.closed_at is not None
    assert rules(notification) == []


def test_a_ban_after_the_deadline_is_refused(client, clerk, notification_data):
    client.post(NOTIFICATION_URL, notification_data())
    notification = EventNotification.objects.get()
    EventNotification.objects.filter(pk=notification.pk).update(
        received_on=timezone.localdate() - timedelta(days=20), ban_number="KSP.5240.10.2026"
    )
    workflow(clerk, notification, "ban", note="Za późno.")
    assert notification.status == Status.RECEIVED


def test_the_ban_and_the_consent_by_silence_are_refused_by_guards_before_anything_is_written(
    client, notification_data
):
    client.post(NOTIFICATION_URL, notification_data())
    notification = EventNotification.objects.get()
    history = StatusChange.objects.filter(object_id=notification.pk).count()
    with pytest.raises(MassEventError) as refused:
        transition_perform(obj=notification, name="ban", acting_user=None, note="Bez numeru decyzji.")
    assert refused.value.code == "decision_number"
    EventNotification.objects.filter(pk=notification.pk).update(
        status=Status.APPEALED, appeal_filed_on=timezone.localdate()
    )
    with pytest.raises(MassEventError) as refused:
        transition_perform(obj=notification, name="consent_by_silence", acting_user=None)
    assert refused.value.code == "appeal_pending"
    assert StatusChange.objects.filter(object_id=notification.pk).count() == history
    assert not PrivateDocument.objects.filter(object_id=notification.pk, kind="letter").exists()
    assert not CaseMessage.objects.filter(object_id=notification.pk).exists()


def test_a_certificate_demand_moves_the_clock_to_its_delivery(client, clerk, notification_data):
    client.post(NOTIFICATION_URL, notification_data())
    notification = EventNotification.objects.get()
    received = timezone.localdate() - timedelta(days=10)
    EventNotification.objects.filter(pk=notification.pk).update(received_on=received)
    notification.refresh_from_db()
    before = artistic_event_ban_deadline(received, notification.starts_at)
    assert [d.due_date for d in open_deadlines() if d.case_mark == notification.case_mark] == [before]
    workflow(clerk, notification, "request_certificate", note="Zaświadczenie o stanie technicznym sceny.")
    assert notification.status == Status.CERTIFICATE_REQUESTED
    assert notification.certificate_requested_on == timezone.localdate()
    assert rules(notification) == []
    workflow(clerk, notification, "certificate_delivered")
    assert notification.status == Status.RECEIVED
    assert notification.certificate_delivered_on == timezone.localdate()
    after = artistic_event_ban_deadline(
        received, notification.starts_at, certificate_delivered_on=timezone.localdate()
    )
    assert after > before
    assert [d.due_date for d in open_deadlines() if d.case_mark == notification.case_mark] == [after]


def test_the_notification_transitions_that_send_the_clerks_note_are_marked():
    from mass_events.models import EventNotification

    marked = {t.name for t in EventNotification.workflow.transitions if t.note_to_applicant}
    assert marked == {"request_certificate", "appeal_upheld", "appeal_overturned", "appeal_remitted"}


def _admin_edit(clerk, notification, **dates):
    import re

    url = f"/admin/mass_events/eventnotification/{notification.pk}/change/"
    page = clerk.get(url).content.decode()
    # The inlines' management forms (and any hidden ids), as the browser sends them back.
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+-[^"]+)"(?: value="([^"]*)")?', page))
    data = {
        **hidden,
        "handler": "",
        "incoming_reg_no": "",
        "ban_number": notification.ban_number,
        "ban_delivered_on": "",
        "certificate_delivered_on": "",
        "appeal_filed_on": "",
        **{name: value.strftime("%Y-%m-%d") for name, value in dates.items()},
        "_save": "1",
    }
    response = clerk.post(url, data)
    assert response.status_code == 302, [line for line in response.content.decode().splitlines() if "error" in line]
    notification.refresh_from_db()


def test_a_corrected_certificate_delivery_day_moves_the_ban_deadline(client, clerk, notification_data):
    client.post(NOTIFICATION_URL, notification_data(days_ahead=60))
    notification = EventNotification.objects.get()
    workflow(clerk, notification, "request_certificate", note="Zaświadczenie o stanie technicznym sceny.")
    workflow(clerk, notification, "certificate_delivered")
    today = timezone.localdate()
    delivered = today - timedelta(days=5)
    EventNotification.objects.filter(pk=notification.pk).update(received_on=delivered - timedelta(days=3))
    notification.refresh_from_db()
    _admin_edit(clerk, notification, certificate_delivered_on=delivered)
    assert notification.certificate_delivered_on == delivered
    expected = artistic_event_ban_deadline(
        notification.received_on, notification.starts_at, certificate_delivered_on=delivered
    )
    assert expected != artistic_event_ban_deadline(
        notification.received_on, notification.starts_at, certificate_delivered_on=today
    )
    [deadline] = [d for d in open_deadlines(section="events") if d.case_mark == notification.case_mark]
    assert deadline.due_date == expected


def test_a_corrected_appeal_filing_day_moves_the_appeal_bodys_clock(client, clerk, notification_data):
    from mass_events.deadlines import appeal_forwarding_due, artistic_event_appeal_decision_due

    client.post(NOTIFICATION_URL, notification_data(days_ahead=60))
    notification = EventNotification.objects.get()
    EventNotification.objects.filter(pk=notification.pk).update(
        status=Status.APPEALED, ban_number="KSP.5240.10.2026", appeal_filed_on=timezone.localdate()
    )
    notification.refresh_from_db()
    filed = timezone.localdate() - timedelta(days=3)
    _admin_edit(clerk, notification, appeal_filed_on=filed)
    assert notification.appeal_filed_on == filed
    due = {d.rule: d.due_date for d in open_deadlines(section="events") if d.case_mark == notification.case_mark}
    assert due["art. 36 ust. 3 u.o.p.d.k.: 7 dni"] == artistic_event_appeal_decision_due(filed)
    assert due["art. 36 ust. 3 u.o.p.d.k.: 7 dni"] != artistic_event_appeal_decision_due(timezone.localdate())
    assert due["art. 133 k.p.a.: 7 dni od otrzymania odwołania"] == appeal_forwarding_due(filed)


def _one_new_email(notification, before):
    from core.models import OutboxMessage

    new = list(OutboxMessage.objects.order_by("pk")[before:])
    assert len(new) == 1, [m.subject for m in new]
    assert notification.case_mark in new[0].subject
    assert notification.register_entry.tracking_token in new[0].body_text


def test_the_organiser_gets_one_email_per_step_of_the_notification(client, clerk, notification_data):
    from core.models import OutboxMessage

    client.post(NOTIFICATION_URL, notification_data())
    notification = EventNotification.objects.get()
    for name, note in [
        ("request_certificate", "Zaświadczenie o stanie technicznym sceny."),
        ("certificate_delivered", ""),
    ]:
        before = OutboxMessage.objects.count()
        workflow(clerk, notification, name, note)
        _one_new_email(notification, before)
    EventNotification.objects.filter(pk=notification.pk).update(ban_number="KSP.5240.10.2026")
    before = OutboxMessage.objects.count()
    workflow(clerk, notification, "ban", "Zagrożenie dla życia: brak dróg ewakuacyjnych.")
    _one_new_email(notification, before)
    # Delivered ten days ago: the 3 days to appeal have passed (u.o.p.d.k. art. 36 ust. 2).
    EventNotification.objects.filter(pk=notification.pk).update(
        ban_delivered_on=timezone.localdate() - timedelta(days=10)
    )
    before = OutboxMessage.objects.count()
    workflow(clerk, notification, "ban_final")
    _one_new_email(notification, before)
    assert notification.status == Status.BAN_FINAL


def test_a_withdrawn_notification_is_announced_but_silent_acceptance_stays_silent(client, clerk, notification_data):
    from core.models import OutboxMessage

    client.post(NOTIFICATION_URL, notification_data())
    client.post(NOTIFICATION_URL, notification_data(event_name="Drugi koncert", submission_token=""))
    first, second = EventNotification.objects.order_by("pk")
    before = OutboxMessage.objects.count()
    workflow(clerk, first, "withdraw", note="Pismo organizatora.")
    _one_new_email(first, before)
    before = OutboxMessage.objects.count()
    workflow(clerk, second, "accept")
    assert second.status == Status.ACCEPTED
    assert OutboxMessage.objects.count() == before


def test_one_failing_notification_does_not_stop_the_daily_silent_acceptance(
    client, notification_data, monkeypatch, caplog
):
    from mass_events.services import notifications as services

    client.post(NOTIFICATION_URL, notification_data(organiser_name="Fundacja Pierwsza"))
    client.post(NOTIFICATION_URL, notification_data(organiser_name="Fundacja Druga", submission_token=""))
    first, second = EventNotification.objects.order_by("pk")
    EventNotification.objects.update(received_on=timezone.localdate() - timedelta(days=20))
    original = services.transition_perform

    def failing_for_the_first(*, obj, **kwargs):
        if obj.pk == first.pk:
            raise RuntimeError("Fundacja Pierwsza: broken")
        return original(obj=obj, **kwargs)

    monkeypatch.setattr(services, "transition_perform", failing_for_the_first)
    with caplog.at_level("ERROR", logger="mass_events.services.notifications"):
        assert services.notifications_accept_silently() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.RECEIVED
    assert second.status == Status.ACCEPTED
    assert f"notification={first.pk}" in caplog.text
    assert "RuntimeError" in caplog.text
    assert "Fundacja" not in caplog.text
