"""Appeals against the Prezydent's decisions, and the ban's delivery, as the organiser and the clerk meet them.

* The permit decision tells the organiser the period the law gives: 14 days (k.p.a. art. 129 § 2; u.b.i.m. art. 33
  ust. 1 names the SKO and sets none), to the SKO in Katowice through the Prezydent; the ban tells its own 3 and 7
  days (u.o.p.d.k. art. 36 ust. 2 and 3). Both are read back from the PDF the organiser downloads.
* The ban must be delivered by its deadline (u.o.p.d.k. art. 36 ust. 1): the clerk is warned in its last days, the
  delivery day is recorded and checked, and the ban becomes final only once the 3 days to appeal have run.
* An appeal is forwarded to the SKO within 7 days (k.p.a. art. 133), a clock in the Terminarz; the SKO's outcome
  (k.p.a. art. 138) is recorded with its number and date, and the case follows it.
"""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from pypdf import PdfReader

from core.deadlines import open_deadlines
from core.models import CaseMessage, PrivateDocument, StatusChange
from core.services import transition_perform
from mass_events.deadlines import (
    appeal_forwarding_due,
    artistic_event_appeal_decision_due,
    artistic_event_ban_appeal_latest,
    artistic_event_ban_deadline,
    artistic_event_ban_delivery_is_tight,
    mass_event_appeal_latest,
    mass_event_decision_latest,
)
from mass_events.models import EventNotification, MassEventPermitApplication
from mass_events.services.common import MassEventError
from tests.helpers import workflow
from tests.mass_events.factories import EventNotificationFactory, PermitApplicationFactory

Permit = MassEventPermitApplication.Status
Notification = EventNotification.Status
pytestmark = pytest.mark.django_db

FORWARDING_RULE = "art. 133 k.p.a.: 7 dni od otrzymania odwołania"
SKO_NUMBER = "SKO.4100.321.2026"
DELIVERY_WARNING = (
    "A ban must be delivered to the organiser by %(date)s (u.o.p.d.k. art. 36 ust. 1), not only issued. If you ban "
    "the event, deliver the decision by hand or electronically today."
)
LATE_DELIVERY = (
    "The ban was delivered after %(date)s, the last day the law allows (u.o.p.d.k. art. 36 ust. 1): it came too "
    "late to stop the event."
)


def pdf_text(document: PrivateDocument) -> str:
    with document.file.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    return " ".join(text.split())


def letter(case, description: str) -> PrivateDocument:
    return PrivateDocument.objects.get(object_id=case.pk, kind=PrivateDocument.Kind.LETTER, description=description)


def clocks(case) -> dict[str, object]:
    return {d.rule: d.due_date for d in open_deadlines(section="events") if d.case_mark == case.case_mark}


def admin_save(clerk, case, **fields):
    """Send the case's admin change form back as the clerk's browser does, with `fields` changed; follow it."""
    url = f"/admin/mass_events/{case._meta.model_name}/{case.pk}/change/"
    page = clerk.get(url).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+-[^"]+)"(?: value="([^"]*)")?', page))
    editable = re.findall(r'<(?:input|textarea|select)[^>]* name="([a-z_]+)"', page)
    data = {name: "" for name in editable if name not in ("csrfmiddlewaretoken",)}
    for name in data:
        value = getattr(case, name, "")
        data[name] = "" if value is None else (value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else value)
    data.update(hidden)
    data.update(
        {name: value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else value for name, value in fields.items()}
    )
    data.pop("handler", None)
    data["_continue"] = "1"
    response = clerk.post(url, data, follow=True)
    case.refresh_from_db()
    return response.content.decode()


def sko_decision(case, decided_on=None):
    type(case).objects.filter(pk=case.pk).update(
        appeal_decision_number=SKO_NUMBER, appeal_decided_on=decided_on or timezone.localdate()
    )
    case.refresh_from_db()


# THE APPEAL INSTRUCTIONS, READ FROM THE PDFs
# ------------------------------------------------------------------------------
def test_the_permit_decision_gives_14_days_to_appeal_to_the_sko_in_katowice_through_the_prezydent():
    application = PermitApplicationFactory(status=Permit.PERMIT_ISSUED)
    text = pdf_text(letter(application, "Decyzja KSP.5240.1.2026"))
    instruction = text.split("Pouczenie", 1)[1]
    assert "Samorządowego Kolegium Odwoławczego w Katowicach" in instruction
    assert "za pośrednictwem Prezydenta Miasta Ruda Śląska" in instruction
    assert "w terminie 14 dni od dnia jej doręczenia" in instruction
    assert "art. 33 ust. 1 ustawy o bezpieczeństwie imprez masowych" in instruction
    assert "art. 129 § 1 i 2 Kodeksu postępowania administracyjnego" in instruction
    assert "7 dni" not in instruction


def test_the_ban_gives_its_own_3_and_7_days():
    notification = EventNotificationFactory(ban_number="KSP.5240.9.2026")
    transition_perform(obj=notification, name="ban", acting_user=None, note="Brak dróg ewakuacyjnych.")
    instruction = pdf_text(letter(notification, "Decyzja KSP.5240.9.2026")).split("Pouczenie", 1)[1]
    assert "Samorządowego Kolegium Odwoławczego w Katowicach" in instruction
    assert "za pośrednictwem Prezydenta Miasta Ruda Śląska" in instruction
    assert "w terminie 3 dni od dnia jej doręczenia (art. 36 ust. 2 ustawy" in instruction
    assert "w terminie 7 dni od dnia jego wniesienia" in instruction
    assert "niewydanie decyzji w tym terminie oznacza zgodę na odbycie imprezy" in instruction
    assert "14 dni" not in instruction


# THE BAN'S DELIVERY (u.o.p.d.k. art. 36 ust. 1)
# ------------------------------------------------------------------------------
def _notification_with_a_tight_ban_deadline():
    """A notification whose ban deadline is in its last days today, whatever today's calendar looks like."""
    today = timezone.localdate()
    for days_ago in range(8, 15):
        notification = EventNotificationFactory(received_on=today - timedelta(days=days_ago))
        if artistic_event_ban_delivery_is_tight(
            today, artistic_event_ban_deadline(notification.received_on, notification.starts_at)
        ):
            return notification
        notification.delete()
    raise AssertionError("no receipt day gives a tight ban deadline")


def test_the_clerk_is_warned_in_the_last_days_but_may_still_ban(clerk):
    calm = EventNotificationFactory()
    page = clerk.get(f"/admin/mass_events/eventnotification/{calm.pk}/change/").content.decode()
    assert escape(gettext(DELIVERY_WARNING).split("%(date)s")[0]) not in page
    tight = _notification_with_a_tight_ban_deadline()
    deadline = artistic_event_ban_deadline(tight.received_on, tight.starts_at)
    page = clerk.get(f"/admin/mass_events/eventnotification/{tight.pk}/change/").content.decode()
    assert escape(gettext(DELIVERY_WARNING) % {"date": deadline.strftime("%d.%m.%Y")}) in page
    EventNotification.objects.filter(pk=tight.pk).update(ban_number="KSP.5240.11.2026")
    workflow(clerk, tight, "ban", note="Zagrożenie dla zdrowia.")
    assert tight.status == Notification.BAN_ISSUED  # a warning, not a refusal


def test_the_delivery_deadline_stays_in_the_terminarz_until_the_delivery_is_recorded(clerk):
    notification = EventNotificationFactory(ban_number="KSP.5240.12.2026")
    deadline = artistic_event_ban_deadline(notification.received_on, notification.starts_at)
    transition_perform(obj=notification, name="ban", acting_user=None, note="Zagrożenie dla zdrowia.")
    assert clocks(notification) == {"art. 36 ust. 1 u.o.p.d.k.: doręczenie zakazu": deadline}
    today = timezone.localdate()

    page = admin_save(clerk, notification, ban_delivered_on=today + timedelta(days=1))
    assert escape(gettext("The delivery date cannot be in the future.")) in page
    page = admin_save(clerk, notification, ban_delivered_on=today - timedelta(days=1))
    assert escape(gettext("The ban cannot have been delivered before it was issued.")) in page
    assert notification.ban_delivered_on is None

    page = admin_save(clerk, notification, ban_delivered_on=today)
    assert notification.ban_delivered_on == today
    assert escape(gettext(LATE_DELIVERY).split("%(date)s")[0]) not in page
    assert clocks(notification) == {
        "art. 36 ust. 2 u.o.p.d.k.: 3 dni od doręczenia": artistic_event_ban_appeal_latest(today)
    }


def test_a_delivery_after_the_deadline_is_recorded_with_a_warning(clerk):
    today = timezone.localdate()
    notification = EventNotificationFactory(ban_number="KSP.5240.13.2026")
    transition_perform(obj=notification, name="ban", acting_user=None, note="Zagrożenie dla zdrowia.")
    # The notification came 30 days ago and the ban was issued in time; the letter reached the organiser today.
    EventNotification.objects.filter(pk=notification.pk).update(
        received_on=today - timedelta(days=30), ban_issued_on=today - timedelta(days=20)
    )
    notification.refresh_from_db()
    page = admin_save(clerk, notification, ban_delivered_on=today)
    assert notification.ban_delivered_on == today
    deadline = artistic_event_ban_deadline(notification.received_on, notification.starts_at)
    assert escape(gettext(LATE_DELIVERY) % {"date": deadline.strftime("%d.%m.%Y")}) in page


def test_a_ban_becomes_final_only_after_its_delivery_and_the_3_days():
    today = timezone.localdate()
    notification = EventNotificationFactory(ban_number="KSP.5240.14.2026")
    transition_perform(obj=notification, name="ban", acting_user=None, note="Zagrożenie dla zdrowia.")
    history = StatusChange.objects.filter(object_id=notification.pk).count()
    with pytest.raises(MassEventError) as refused:
        transition_perform(obj=notification, name="ban_final", acting_user=None)
    assert refused.value.code == "not_delivered"
    EventNotification.objects.filter(pk=notification.pk).update(ban_delivered_on=today)
    with pytest.raises(MassEventError) as refused:
        transition_perform(obj=notification, name="ban_final", acting_user=None)
    assert refused.value.code == "appeal_window_open"
    assert artistic_event_ban_appeal_latest(today).strftime("%d.%m.%Y") in refused.value.message
    assert StatusChange.objects.filter(object_id=notification.pk).count() == history
    EventNotification.objects.filter(pk=notification.pk).update(ban_delivered_on=today - timedelta(days=8))
    notification = transition_perform(obj=notification, name="ban_final", acting_user=None)
    assert notification.status == Notification.BAN_FINAL


# THE PERMIT DECISION'S DELIVERY AND FINALITY (k.p.a. art. 129 § 2, art. 16 § 1)
# ------------------------------------------------------------------------------
def test_a_permit_decision_is_final_only_after_its_delivery_and_14_days(clerk):
    today = timezone.localdate()
    application = PermitApplicationFactory(status=Permit.PERMIT_ISSUED)
    workflow(clerk, application, "send_copies")
    page = admin_save(clerk, application, decision_delivered_on=today + timedelta(days=1))
    assert escape(gettext("The delivery date cannot be in the future.")) in page
    assert application.decision_delivered_on is None
    with pytest.raises(MassEventError) as refused:
        transition_perform(obj=application, name="become_final", acting_user=None)
    assert refused.value.code == "not_delivered"

    MassEventPermitApplication.objects.filter(pk=application.pk).update(decision_issued_on=today - timedelta(days=40))
    for days_ago in (0, 13, 14):  # the 14th day after delivery is still the organiser's (or later, off a day off)
        delivered = today - timedelta(days=days_ago)
        MassEventPermitApplication.objects.filter(pk=application.pk).update(decision_delivered_on=delivered)
        application.refresh_from_db()
        with pytest.raises(MassEventError) as refused:
            transition_perform(obj=application, name="become_final", acting_user=None)
        assert refused.value.code == "appeal_window_open"
        assert mass_event_appeal_latest(delivered).strftime("%d.%m.%Y") in refused.value.message
    # The latest delivery day whose 14 days (moved off a weekend or a holiday) ended before today.
    delivered = next(
        today - timedelta(days=days)
        for days in range(15, 30)
        if mass_event_appeal_latest(today - timedelta(days=days)) < today
    )
    MassEventPermitApplication.objects.filter(pk=application.pk).update(decision_delivered_on=delivered)
    application.refresh_from_db()
    application = transition_perform(obj=application, name="become_final", acting_user=None)
    assert application.status == Permit.FINAL


# THE APPEAL OF A PERMIT DECISION: FORWARDING AND THE SKO'S OUTCOMES
# ------------------------------------------------------------------------------
def _appealed_permit(clerk):
    application = PermitApplicationFactory(status=Permit.PERMIT_ISSUED)
    workflow(clerk, application, "send_copies")
    workflow(clerk, application, "appeal", note="Odwołanie organizatora od warunków zezwolenia wpłynęło.")
    return application


def test_a_permit_appeal_is_forwarded_within_7_days_and_its_clock_follows_the_corrected_receipt(clerk):
    application = _appealed_permit(clerk)
    today = timezone.localdate()
    assert application.status == Permit.APPEALED
    assert application.appeal_filed_on == today
    assert clocks(application) == {FORWARDING_RULE: appeal_forwarding_due(today)}
    received = today - timedelta(days=3)
    admin_save(clerk, application, appeal_filed_on=received)
    assert application.appeal_filed_on == received
    assert clocks(application) == {FORWARDING_RULE: appeal_forwarding_due(received)}

    workflow(clerk, application, "forward_appeal")
    assert application.status == Permit.APPEAL_FORWARDED
    assert application.appeal_forwarded_on == today
    assert clocks(application) == {}


def test_the_sko_outcome_needs_its_number_and_date_and_upholding_makes_the_decision_final(clerk, client):
    application = _appealed_permit(clerk)
    workflow(clerk, application, "forward_appeal")
    history = StatusChange.objects.filter(object_id=application.pk).count()
    with pytest.raises(MassEventError) as refused:
        transition_perform(obj=application, name="appeal_upheld", acting_user=None)
    assert refused.value.code == "appeal_decision_missing"
    assert StatusChange.objects.filter(object_id=application.pk).count() == history

    page = admin_save(clerk, application, appeal_decided_on=timezone.localdate() + timedelta(days=2))
    assert escape(gettext("The SKO's decision date cannot be in the future.")) in page
    admin_save(clerk, application, appeal_decision_number=SKO_NUMBER, appeal_decided_on=timezone.localdate())
    workflow(clerk, application, "appeal_upheld")
    assert application.status == Permit.FINAL
    assert application.appeal_outcome == "upheld"
    message = CaseMessage.objects.filter(object_id=application.pk).order_by("-pk").first()
    assert SKO_NUMBER in message.body
    assert gettext("The Prezydent's decision stands and is final.") in message.body


def test_a_remitted_permit_is_examined_again_and_decided_anew(clerk):
    application = _appealed_permit(clerk)
    workflow(clerk, application, "forward_appeal")
    sko_decision(application)
    workflow(clerk, application, "appeal_remitted", note="SKO wskazało brak oceny opinii PSP.")
    assert application.status == Permit.OPINIONS
    assert application.appeal_outcome == "remitted"
    assert application.decision_kind == ""
    assert application.decision_number == ""
    assert application.decision_delivered_on is None
    # The decision's clock is back; its contents can be edited again.
    assert clocks(application) == {
        "art. 29 ust. 1 u.b.i.m.: ≥ 7 dni przed imprezą": mass_event_decision_latest(application.starts_at)
    }
    page = clerk.get(f"/admin/mass_events/masseventpermitapplication/{application.pk}/change/").content.decode()
    assert 'name="decision_number"' in page
    workflow(clerk, application, "draft_decision")
    MassEventPermitApplication.objects.filter(pk=application.pk).update(decision_number="KSP.5240.2.2026")
    workflow(clerk, application, "issue_permit")
    assert application.status == Permit.PERMIT_ISSUED
    # Both decisions stay with the case.
    assert letter(application, "Decyzja KSP.5240.1.2026")
    assert letter(application, "Decyzja KSP.5240.2.2026")


def test_an_overturned_permit_decision_no_longer_stands(clerk):
    application = _appealed_permit(clerk)
    workflow(clerk, application, "forward_appeal")
    sko_decision(application)
    workflow(clerk, application, "appeal_overturned")
    assert application.status == Permit.OVERTURNED
    assert application.appeal_outcome == "overturned"
    assert application.closed_at is not None
    assert [t.name for t in MassEventPermitApplication.workflow.available(application)] == []


# THE APPEAL OF A BAN: FORWARDING, THE SKO'S 7 DAYS AND ITS OUTCOMES
# ------------------------------------------------------------------------------
def _appealed_ban(clerk, delivered_days_ago=1):
    notification = EventNotificationFactory(ban_number="KSP.5240.15.2026")
    transition_perform(obj=notification, name="ban", acting_user=None, note="Zagrożenie dla zdrowia.")
    EventNotification.objects.filter(pk=notification.pk).update(
        ban_issued_on=timezone.localdate() - timedelta(days=delivered_days_ago),
        ban_delivered_on=timezone.localdate() - timedelta(days=delivered_days_ago),
    )
    notification.refresh_from_db()
    workflow(clerk, notification, "appeal")
    return notification


def test_a_ban_appeal_shows_both_clocks_until_forwarded_then_the_skos(clerk):
    notification = _appealed_ban(clerk)
    today = timezone.localdate()
    assert clocks(notification) == {
        FORWARDING_RULE: appeal_forwarding_due(today),
        "art. 36 ust. 3 u.o.p.d.k.: 7 dni": artistic_event_appeal_decision_due(today),
    }
    workflow(clerk, notification, "forward_appeal")
    assert notification.status == Notification.APPEAL_FORWARDED
    assert clocks(notification) == {"art. 36 ust. 3 u.o.p.d.k.: 7 dni": artistic_event_appeal_decision_due(today)}


def test_an_upheld_ban_decided_after_the_skos_7_days_is_consent_instead(clerk):
    notification = _appealed_ban(clerk)
    workflow(clerk, notification, "forward_appeal")
    filed = timezone.localdate() - timedelta(days=12)
    EventNotification.objects.filter(pk=notification.pk).update(appeal_filed_on=filed, appeal_forwarded_on=filed)
    due = artistic_event_appeal_decision_due(filed)
    sko_decision(notification, decided_on=due + timedelta(days=1))
    with pytest.raises(MassEventError) as refused:
        transition_perform(obj=notification, name="appeal_upheld", acting_user=None)
    assert refused.value.code == "decided_after_consent"
    sko_decision(notification, decided_on=due)  # on the last day: in time
    notification = transition_perform(obj=notification, name="appeal_upheld", acting_user=None)
    assert notification.status == Notification.BAN_UPHELD
    assert notification.appeal_outcome == "upheld"
    assert notification.closed_at is not None


def test_consent_by_silence_also_after_forwarding(clerk):
    notification = _appealed_ban(clerk)
    workflow(clerk, notification, "forward_appeal")
    EventNotification.objects.filter(pk=notification.pk).update(
        appeal_filed_on=timezone.localdate() - timedelta(days=12)
    )
    workflow(clerk, notification, "consent_by_silence")
    assert notification.status == Notification.CONSENT_BY_SILENCE


def test_an_overturned_ban_lets_the_event_go_ahead(clerk):
    notification = _appealed_ban(clerk)
    workflow(clerk, notification, "forward_appeal")
    sko_decision(notification)
    workflow(clerk, notification, "appeal_overturned")
    assert notification.status == Notification.BAN_OVERTURNED
    message = CaseMessage.objects.filter(object_id=notification.pk).order_by("-pk").first()
    assert gettext("The ban no longer stands: you may hold the event.") in message.body


def test_a_remitted_ban_returns_the_notification_to_examination_without_the_old_ban(clerk):
    notification = _appealed_ban(clerk)
    workflow(clerk, notification, "forward_appeal")
    sko_decision(notification)
    workflow(clerk, notification, "appeal_remitted", note="SKO: ponownie ocenić zagrożenie.")
    assert notification.status == Notification.RECEIVED
    assert notification.appeal_outcome == "remitted"
    assert (notification.ban_number, notification.ban_issued_on, notification.ban_delivered_on) == ("", None, None)
    assert letter(notification, "Decyzja KSP.5240.15.2026")  # the first ban stays in the files
    # Back in examination, its ban deadline (still counted from the notification) is in the Terminarz again.
    assert clocks(notification) == {
        "art. 36 ust. 1 u.o.p.d.k.: 14 dni od zawiadomienia, ≥ 10 dni przed imprezą": artistic_event_ban_deadline(
            notification.received_on, notification.starts_at
        )
    }


def test_a_cleared_filing_day_is_a_clear_refusal_not_a_crash(clerk):
    notification = _appealed_ban(clerk)
    workflow(clerk, notification, "forward_appeal")
    sko_decision(notification)
    EventNotification.objects.filter(pk=notification.pk).update(appeal_filed_on=None)
    for name in ("appeal_upheld", "consent_by_silence"):
        response = workflow(clerk, notification, name)
        assert notification.status == Notification.APPEAL_FORWARDED
        page = clerk.get(response.url).content.decode()
        assert (
            escape(gettext("Record the day the appeal was filed first: the appeal body's 7 days run from it.")) in page
        )
