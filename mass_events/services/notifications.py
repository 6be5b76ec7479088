"""Notifications of artistic events outside the organiser's seat (u.o.p.d.k. art. 34–37): receipt, workflow, clocks.

Status changes go through `core.services.transition_perform`; the functions below that take
`(notification, *, acting_user, note)` are the workflow's guards (`notification_check_<verb>`) and effects
(`on_notification_<verb>`).
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.documents import department_signatory, place_and_date
from core.models import PrivateDocument
from core.private_documents import document_attach_upload, letter_issue
from core.services import case_open, transition_perform
from mass_events import deadlines
from mass_events.deadlines import (
    artistic_event_appeal_decision_due,
    artistic_event_ban_appeal_latest,
    artistic_event_ban_deadline,
    artistic_event_notification_is_late,
)
from mass_events.models import EventNotification
from mass_events.models.base import AppealOutcome
from mass_events.services.common import (
    MassEventError,
    addressee_lines,
    appeal_check_outcome,
    appeal_check_window_closed,
    appeal_message_outcome,
    appeal_record_forwarding,
    appeal_record_outcome,
    organiser_tell,
)

logger = logging.getLogger(__name__)


# RECEIVING A NOTIFICATION
# ------------------------------------------------------------------------------
def notification_prepare(*, notification: EventNotification, received_on=None):
    """Stamp the day of receipt and whether the notification is late (u.o.p.d.k. art. 34: 30 days before)."""
    notification.received_on = received_on or timezone.localdate()
    notification.is_late = artistic_event_notification_is_late(notification.received_on, notification.starts_at)
    return notification


def notification_received(*, notification: EventNotification, attachments) -> None:
    """Finish receiving an opened notification: keep its attachments (the kernel then acknowledges the case)."""
    for file in attachments:
        document_attach_upload(case=notification, upload=file, description="Załącznik do zawiadomienia")


def notification_case_title(notification: EventNotification) -> str:
    """The title of the notification's entry in the case register."""
    return _("Event notification: %(name)s") % {"name": notification.event_name[:200]}


def notification_open(
    *, notification: EventNotification, attachments=(), received_on=None, acting_user=None
) -> EventNotification:
    """Receive a notification that does not come through the public form (a paper one, demo data, tests).

    The same steps as the form's view: `notification_prepare`, `core.services.case_open` (case mark, history, the
    organiser's acknowledgement) and `notification_received`. Returns the opened case.
    """
    notification_prepare(notification=notification, received_on=received_on)
    return case_open(
        case=notification,
        title=notification_case_title(notification),
        acting_user=acting_user,
        on_open=lambda case: notification_received(notification=case, attachments=attachments),
    )


def notification_ban_deadline(notification: EventNotification):
    """The last day to deliver a ban on this notification (`artistic_event_ban_deadline`, u.o.p.d.k. art. 36)."""
    return artistic_event_ban_deadline(
        notification.received_on,
        notification.starts_at,
        certificate_delivered_on=notification.certificate_delivered_on,
    )


def on_notification_request_certificate(notification, *, acting_user, note: str = "") -> None:
    """Effect of demanding a certificate on the premises and devices (u.o.p.d.k. art. 34): the day is stamped.

    The 30 days (and the ban deadline) will run from its delivery; the kernel then sends the organiser
    `notification_message_request_certificate`.
    """
    notification.certificate_requested_on = timezone.localdate()
    notification.save(update_fields=["certificate_requested_on", "updated_at"])


def notification_message_request_certificate(notification, note: str) -> str:
    """What the organiser reads when the certificate is demanded: what it must show, then the clerk's note."""
    return (
        _(
            "Please deliver a certificate of the competent authority that the premises and technical devices meet "
            "the legal requirements (u.o.p.d.k. art. 34). The 30 days run from its delivery."
        )
        + "\n\n"
        + note
    )


def notification_certificate_attach(*, notification: EventNotification, certificate) -> PrivateDocument:
    """Keep the certificate the organiser sent from the tracking link (u.o.p.d.k. art. 34) with the case.

    Called by `core.applicant_changes.case_changes_send` (the notification locked, the transaction open); the
    kernel then performs "certificate_delivered" (`on_notification_deliver_certificate` stamps the delivery day).
    """
    return document_attach_upload(
        case=notification,
        upload=certificate,
        description="Zaświadczenie o spełnieniu wymagań przez obiekt i urządzenia",
    )


def on_notification_deliver_certificate(notification, *, acting_user, note: str = "") -> None:
    """Effect: stamp the certificate's delivery; lateness and the ban deadline are counted from it (art. 34)."""
    notification.certificate_delivered_on = timezone.localdate()
    notification.is_late = artistic_event_notification_is_late(
        notification.received_on,
        notification.starts_at,
        certificate_delivered_on=notification.certificate_delivered_on,
    )
    notification.save(update_fields=["certificate_delivered_on", "is_late", "updated_at"])


def notification_dates_corrected(*, notification: EventNotification) -> None:
    """After a clerk corrects the certificate's delivery day, count the notification's lateness again.

    The Terminarz and the guards read `certificate_delivered_on` and `appeal_filed_on` directly, so the clocks
    follow the corrected dates without more work.
    """
    notification.is_late = artistic_event_notification_is_late(
        notification.received_on,
        notification.starts_at,
        certificate_delivered_on=notification.certificate_delivered_on,
    )
    notification.save(update_fields=["is_late", "updated_at"])


def notification_check_ban(notification, *, acting_user, note: str = "") -> None:
    """Guard of "ban": a numbered decision, delivered in time (u.o.p.d.k. art. 35–36). Raises MassEventError.

    The ban must be delivered by `notification_ban_deadline` (the earlier of 14 days from the notification and 10
    days before the start); after that day the event is accepted silently and the ban is refused.
    """
    deadline = notification_ban_deadline(notification)
    if timezone.localdate() > deadline:
        raise MassEventError(
            _("The ban deadline passed on %(date)s: the event may go ahead (u.o.p.d.k. art. 36 ust. 1).")
            % {"date": deadline.strftime("%d.%m.%Y")},
            code="ban_too_late",
        )
    if not notification.ban_number:
        raise MassEventError(_("Give the decision a number first."), code="decision_number")


def on_notification_ban(notification, *, acting_user, note: str = "") -> None:
    """Effect of banning a notified event: the ban decision as a PDF, and the organiser told.

    u.o.p.d.k. art. 35–36; `notification_check_ban` has checked the deadline and the number. The note is the
    ban's justification.
    """
    today = timezone.localdate()
    notification.ban_issued_on = today
    notification.save(update_fields=["ban_issued_on", "updated_at"])
    letter_issue(
        case=notification,
        template_name="mass_events/documents/ban.html",
        context={
            "case_mark": notification.case_mark,
            "place_and_date": place_and_date(today),
            "addressee_lines": addressee_lines(notification),
            "subject": f"zakazu przeprowadzenia imprezy „{notification.event_name}”",
            "legal_basis": "art. 35 i 36 ustawy z dnia 25 października 1991 r. o organizowaniu i prowadzeniu "
            "działalności kulturalnej",
            "body_html": "<p></p>",
            **department_signatory(),
            "notification": notification,
            "justification": note,
            "starts": timezone.localtime(notification.starts_at),
            "appeal_days": deadlines.ARTISTIC_EVENT_BAN_APPEAL_DAYS,
            "appeal_decision_days": deadlines.ARTISTIC_EVENT_APPEAL_DECISION_DAYS,
            "recipients": [notification.organiser_name, "a/a"],
        },
        acting_user=acting_user,
        description=f"Decyzja {notification.ban_number}",
        file_name=f"decyzja-{notification.case_mark}.pdf",
    )
    organiser_tell(
        notification,
        _("The Prezydent has banned the event. The decision with its reasons and how to appeal is on your case page."),
        acting_user,
    )


def on_notification_appeal(notification, *, acting_user, note: str = "") -> None:
    """Effect: stamp the appeal; the appeal body has 7 days, then silence is consent (u.o.p.d.k. art. 36 ust. 3)."""
    notification.appeal_filed_on = timezone.localdate()
    notification.save(update_fields=["appeal_filed_on", "updated_at"])
    organiser_tell(
        notification,
        _(
            "Your appeal has been received and passed to the appeal body. If it does not decide within 7 days, "
            "you may hold the event (u.o.p.d.k. art. 36 ust. 3)."
        ),
        acting_user,
    )


def notification_check_ban_final(notification, *, acting_user, note: str = "") -> None:
    """Guard of "ban_final": the ban was delivered and the 3 days to appeal have passed (u.o.p.d.k. art. 36 ust. 2).

    The appeal period runs from delivery (`artistic_event_ban_appeal_latest`, k.p.a. art. 57 § 4), so without a
    recorded delivery date the ban cannot become final. Raises MassEventError.
    """
    appeal_check_window_closed(
        notification.ban_delivered_on,
        artistic_event_ban_appeal_latest,
        not_delivered=_("Record the day the ban was delivered first: the 3 days to appeal run from it."),
        still_open=_("The organiser may still appeal until %(date)s (u.o.p.d.k. art. 36 ust. 2)."),
    )


def on_notification_forward_appeal(notification, *, acting_user, note: str = "") -> None:
    """Effect: stamp the day the appeal went to the SKO with the files (k.p.a. art. 133; 7 days from its receipt)."""
    appeal_record_forwarding(notification)


def _appeal_decision_due(notification):
    """The appeal body's last day (u.o.p.d.k. art. 36 ust. 3), refusing when the filing day was cleared by hand."""
    if not notification.appeal_filed_on:
        raise MassEventError(
            _("Record the day the appeal was filed first: the appeal body's 7 days run from it."),
            code="appeal_date_missing",
        )
    return artistic_event_appeal_decision_due(notification.appeal_filed_on)


def _check_before_consent(notification) -> None:
    """An adverse outcome decided after the appeal body's 7 days does not count: silence was already consent."""
    due = _appeal_decision_due(notification)
    if notification.appeal_decided_on and notification.appeal_decided_on > due:
        raise MassEventError(
            _(
                "The SKO decided on %(decided)s, after its 7 days ended on %(due)s: the silence was consent to hold "
                "the event (u.o.p.d.k. art. 36 ust. 3). Record the consent by silence instead."
            )
            % {"decided": notification.appeal_decided_on.strftime("%d.%m.%Y"), "due": due.strftime("%d.%m.%Y")},
            code="decided_after_consent",
        )


def notification_check_appeal_upheld(notification, *, acting_user, note: str = "") -> None:
    """Guard of "appeal_upheld" (k.p.a. art. 138 § 1 pkt 1): the SKO's decision number and date are recorded, and
    the SKO decided within its 7 days (u.o.p.d.k. art. 36 ust. 3: later, its silence was already consent)."""
    appeal_check_outcome(notification)
    _check_before_consent(notification)


def notification_check_appeal_overturned(notification, *, acting_user, note: str = "") -> None:
    """Guard of "appeal_overturned" (k.p.a. art. 138 § 1 pkt 2): the SKO's decision number and date are recorded."""
    appeal_check_outcome(notification)


def notification_check_appeal_remitted(notification, *, acting_user, note: str = "") -> None:
    """Guard of "appeal_remitted" (k.p.a. art. 138 § 2): the SKO's number and date are recorded, within its 7 days
    (u.o.p.d.k. art. 36 ust. 3)."""
    appeal_check_outcome(notification)
    _check_before_consent(notification)


def on_notification_appeal_upheld(notification, *, acting_user, note: str = "") -> None:
    """Effect: the ban stands (k.p.a. art. 138 § 1 pkt 1); the outcome is stamped."""
    appeal_record_outcome(notification, AppealOutcome.UPHELD)


def on_notification_appeal_overturned(notification, *, acting_user, note: str = "") -> None:
    """Effect: the ban no longer stands (k.p.a. art. 138 § 1 pkt 2): the event may go ahead; the outcome is stamped."""
    appeal_record_outcome(notification, AppealOutcome.OVERTURNED)


def on_notification_appeal_remitted(notification, *, acting_user, note: str = "") -> None:
    """Effect: the ban is set aside and the notification is examined again (k.p.a. art. 138 § 2).

    The ban's number and dates are cleared so that a new ban, if any, is numbered and delivered afresh; the old ones
    stay in the change history and the old decision among the case's documents. The delivery deadline of u.o.p.d.k.
    art. 36 ust. 1 still counts from the notification [K: docs/mass-events-law.md]: once it has passed no new ban
    can be issued and the event is accepted silently, the reading that protects the organiser.
    """
    appeal_record_outcome(notification, AppealOutcome.REMITTED)
    notification.ban_number = ""
    notification.ban_issued_on = None
    notification.ban_delivered_on = None
    notification.save(update_fields=["ban_number", "ban_issued_on", "ban_delivered_on", "updated_at"])


def notification_message_appeal_outcome(notification, note: str) -> str:
    """What the organiser reads when the SKO's decision on the ban is recorded, then the clerk's note."""
    return appeal_message_outcome(
        notification,
        note,
        {
            AppealOutcome.UPHELD: _("The ban stands: the event may not be held."),
            AppealOutcome.OVERTURNED: _("The ban no longer stands: you may hold the event."),
            AppealOutcome.REMITTED: _("The Prezydent will examine your notification again."),
        },
    )


def notification_check_consent_by_silence(notification, *, acting_user, note: str = "") -> None:
    """Guard of "consent_by_silence": the appeal body's 7 days have passed (u.o.p.d.k. art. 36 ust. 3).

    Refused (MassEventError) until `artistic_event_appeal_decision_due` has passed.
    """
    due = _appeal_decision_due(notification)
    if timezone.localdate() <= due:
        raise MassEventError(
            _("The appeal body may still decide until %(date)s.") % {"date": due.strftime("%d.%m.%Y")},
            code="appeal_pending",
        )


def on_notification_consent_by_silence(notification, *, acting_user, note: str = "") -> None:
    """Effect: the appeal body's silence is consent (u.o.p.d.k. art. 36 ust. 3); the organiser is told so."""
    organiser_tell(
        notification,
        _("The appeal body did not decide within 7 days: by law you may hold the event (u.o.p.d.k. art. 36 ust. 3)."),
        acting_user,
    )


def notifications_accept_silently(*, today=None) -> int:
    """Close as accepted every received notification whose ban deadline has passed; return how many.

    u.o.p.d.k. art. 36 ust. 1 and DOMAIN.md §B.5: when no ban is delivered in time the event may go ahead and no
    answer is sent (the tracking page shows the status). Idempotent; run daily (`accept_silent_notifications`).
    """
    today = today or timezone.localdate()
    accepted = 0
    for notification in EventNotification.objects.filter(status=EventNotification.Status.RECEIVED):
        # robust: one notification that cannot be accepted (bad data, a refusing effect) must not stop the others.
        try:
            if today > notification_ban_deadline(notification):
                with transaction.atomic():
                    transition_perform(obj=notification, name="accept", acting_user=None)
                accepted += 1
        except Exception as error:  # noqa: BLE001 - logged and counted; the next daily run tries again
            # Only the id and the error's class: the message could carry the organiser's data.
            logger.error(
                "event=silent_acceptance_failed notification=%s error=%s", notification.pk, type(error).__name__
            )
    return accepted
