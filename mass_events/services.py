"""Every state change of mass-event permits and notifications. Views, admin actions, commands and tests call these.

Status changes go through `core.services.transition_perform`; the functions named `permit_*` below that take
`(application, *, acting_user, note)` are the workflow's effects, run inside the transition's transaction (an
error they raise rolls the transition back).
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from core.documents import place_and_date, polish_long_date
from core.mail import mail_enqueue
from core.models import CaseMessage, DepartmentProfile, PrivateDocument
from core.private_documents import document_attach, letter_issue
from core.services import CaseWorkError, case_message_add, transition_perform
from core.site import site_url
from mass_events import deadlines
from mass_events.deadlines import (
    artistic_event_appeal_decision_due,
    artistic_event_ban_deadline,
    artistic_event_notification_is_late,
    mass_event_application_timeliness,
)
from mass_events.models import (
    EventNotification,
    MassEventOpinion,
    MassEventPermitApplication,
    OpinionBody,
    OrganiserKind,
)

logger = logging.getLogger(__name__)


class MassEventError(CaseWorkError):
    """A refusal of the mass-events duty, with a translated message a clerk or organiser can read."""


# RECEIVING AN APPLICATION
# ------------------------------------------------------------------------------
def permit_application_prepare(*, application: MassEventPermitApplication, received_on=None):
    """Stamp the day of receipt and the application's timeliness before the case is opened.

    u.b.i.m. art. 25 ust. 1 and 1a (`mass_events.deadlines.mass_event_application_timeliness`): a late
    application is received all the same and marked late for the clerk.
    """
    application.received_on = received_on or timezone.localdate()
    application.timeliness = mass_event_application_timeliness(
        application.received_on, application.starts_at, justification=application.shortened_deadline_justification
    )
    return application


def permit_application_received(*, application: MassEventPermitApplication, attachments, tracking_url: str) -> None:
    """Finish receiving an opened application: the opinions checklist, the attachments and the organiser's e-mail.

    Runs in the transaction that opens the case (`core.services.case_open(on_open=...)`). `attachments` are
    (description, validated file, opinion body or "") triples from the public form
    (`mass_events.forms.PermitAttachment`): an opinion the organiser attached (u.b.i.m. art. 25 ust. 1, art. 26
    ust. 1) is linked to its body's line of the checklist, whose verdict the clerk then records. The e-mail
    carries the case mark and the private link only, never the application's data.
    """
    documents = _permit_files_attach(application, attachments)
    MassEventOpinion.objects.bulk_create(
        MassEventOpinion(application=application, body=body, document=documents.get(body))
        for body in OpinionBody.values
    )
    mail_enqueue(
        to=[application.contact_email],
        subject=_("Your mass-event permit application has been received — %(mark)s") % {"mark": application.case_mark},
        template="case_opened",
        context={"case_mark": application.case_mark, "tracking_url": tracking_url},
    )


def _permit_files_attach(application: MassEventPermitApplication, attachments) -> dict[str, PrivateDocument]:
    """Keep the organiser's files with the case; return the opinions among them by their body."""
    documents = {}
    for description, file, opinion_body in attachments:
        document = document_attach(
            case=application,
            content=file,
            original_name=getattr(getattr(file, "upload", None), "original_name", "") or file.name,
            mime_type="",
            kind=PrivateDocument.Kind.ATTACHMENT,
            acting_user=None,
            description=description,
        )
        if opinion_body:
            documents[opinion_body] = document
    return documents


def permit_completion_attach(*, application: MassEventPermitApplication, attachments) -> None:
    """Keep the documents the organiser sent to complete the application (k.p.a. art. 64 § 2, u.b.i.m. art. 26).

    Called by `core.applicant_changes.case_changes_send` (the application locked, the transaction open; the
    kernel then records the change and performs "completed"). `attachments` are (description, validated file,
    opinion body or "") triples (`mass_events.forms.PermitAttachment`); an opinion becomes its body's document on
    the checklist, replacing an earlier one, and the clerk records its verdict as before.
    """
    for body, document in _permit_files_attach(application, attachments).items():
        MassEventOpinion.objects.filter(application=application, body=body).update(document=document)


def _tell_organiser(case, body: str, acting_user) -> None:
    case_message_add(case=case, body=body, author_kind=CaseMessage.Author.CLERK, acting_user=acting_user)


def _announce_status(case) -> None:
    """E-mail the organiser that the case's status changed (DOMAIN.md §B, issue item 6: informed at every step).

    Only the case mark, the new status and the private link, like the kernel's other e-mails; the details are
    on the tracking page.
    """
    tracking_path = reverse("core:case_tracking", kwargs={"token": case.register_entry.tracking_token})
    status = case.get_status_display()
    mail_enqueue(
        to=[case.contact_email],
        subject=_("Case %(mark)s: %(status)s") % {"mark": case.case_mark, "status": status},
        template="case_status",
        context={
            "case_mark": case.case_mark,
            "status": status,
            "tracking_url": site_url(tracking_path),
        },
    )


def permit_status_announced(application, *, acting_user, note: str = "") -> None:
    """Effect: tell the organiser of a step that needs nothing else (formal check done, decision drafted, …)."""
    _announce_status(application)


def notification_status_announced(notification, *, acting_user, note: str = "") -> None:
    """Effect: tell the organiser of a step of the notification (the ban is final, withdrawn)."""
    _announce_status(notification)


def _signatory() -> tuple[str, str]:
    profile = DepartmentProfile.objects.first()
    name = profile.head_name if profile else ""
    title = profile.head_title if profile else "Naczelnik Wydziału"
    return name or "Naczelnik Wydziału", f"z up. Prezydenta Miasta Ruda Śląska — {title}"


def _addressee_lines(case) -> list[str]:
    return [case.organiser_name, case.correspondence_address or case.organiser_address]


# WORKFLOW EFFECTS OF A PERMIT APPLICATION
# ------------------------------------------------------------------------------
def permit_note_to_organiser(application, *, acting_user, note: str = "") -> None:
    """Effect: the clerk's note (reason, appeal outcome) goes to the organiser's tracking page and e-mail."""
    _tell_organiser(application, note, acting_user)


def permit_completion_requested(application, *, acting_user, note: str = "") -> None:
    """Effect of asking the organiser to complete the application (k.p.a. art. 64 § 2).

    Stamps the request's date (the clerk corrects it to the delivery date if it differs; the 7 days of
    `mass_event_completion_due` run from it), issues the request as a PDF letter listing what is missing
    (the note) and tells the organiser.
    """
    application.completion_requested_on = timezone.localdate()
    application.save(update_fields=["completion_requested_on", "updated_at"])
    name, title = _signatory()
    letter_issue(
        case=application,
        template_name="documents/letter.html",
        context={
            "case_mark": application.case_mark,
            "place_and_date": place_and_date(timezone.localdate()),
            "addressee_lines": _addressee_lines(application),
            "subject": f"wezwanie do uzupełnienia wniosku o wydanie zezwolenia na imprezę masową "
            f"„{application.event_name}”",
            "legal_basis": "art. 64 § 2 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
            "body_html": "<p>Wzywam do uzupełnienia wniosku w terminie 7 dni od dnia doręczenia wezwania, "
            "pod rygorem pozostawienia wniosku bez rozpoznania. Braki:</p>" + linebreaks(escape(note)),
            "signatory_name": name,
            "signatory_title": title,
        },
        acting_user=acting_user,
        description="Wezwanie do uzupełnienia wniosku",
    )
    _tell_organiser(
        application,
        _("Please complete your application within 7 days. What is missing:") + "\n\n" + note,
        acting_user,
    )


def permit_completion_received(application, *, acting_user, note: str = "") -> None:
    """Effect: the organiser completed the application; the completion clock stops."""
    application.completion_requested_on = None
    application.save(update_fields=["completion_requested_on", "updated_at"])
    _announce_status(application)


def _opinions_missing(application) -> list[str]:
    return [
        str(opinion.get_body_display())
        for opinion in application.opinions.all()
        if opinion.verdict == MassEventOpinion.Verdict.MISSING
    ]


def permit_check_draft_decision(application, *, acting_user, note: str = "") -> None:
    """Guard of "draft_decision" (and of the permit): the four opinions are recorded, naming any that is not.

    u.b.i.m. (ustawa z 20 marca 2009 r. o bezpieczeństwie imprez masowych) art. 25 ust. 1 and art. 26 ust. 1: the
    organiser asks the police, the fire service, the medical dispatcher and the sanitary inspector for opinions
    and attaches them; the decision (art. 29) is prepared on them. An opinion still missing is asked for with a
    request to complete the application (k.p.a. art. 64 § 2), not decided on. Raises MassEventError.
    """
    missing = _opinions_missing(application)
    if missing:
        raise MassEventError(
            _(
                "The decision needs the four opinions recorded (u.b.i.m. art. 25 ust. 1 and art. 26 ust. 1). "
                "Record the verdict of: %(bodies)s."
            )
            % {"bodies": ", ".join(missing)},
            code="opinions_missing",
        )


def _guard_decision_common(application) -> None:
    if application.starts_at <= timezone.now():
        raise MassEventError(_("The event has already started; no decision can be issued."), code="too_late")
    if not application.decision_number:
        raise MassEventError(_("Give the decision a number first."), code="decision_number")


def permit_check_refuse(application, *, acting_user, note: str = "") -> None:
    """Guard of "refuse": a numbered decision before the event (u.b.i.m. art. 29 ust. 1 and 4). MassEventError."""
    _guard_decision_common(application)


def permit_check_issue_permit(application, *, acting_user, note: str = "") -> None:
    """Guard of "issue_permit": everything the permit must contain is there, checked before anything is written.

    u.b.i.m. art. 29 ust. 1 (before the event), art. 25 ust. 1 and art. 26 ust. 1 (the four opinions recorded),
    art. 29 ust. 2 (number, maximum participants, stewards and information staff), and no more participants than
    the places the organiser makes available. Raises MassEventError with the first thing missing.
    """
    _guard_decision_common(application)
    permit_check_draft_decision(application, acting_user=acting_user)
    needed = {
        "decision_number": application.decision_number,
        "permitted_participants": application.permitted_participants,
        "permitted_stewards": application.permitted_stewards,
        "permitted_info_staff": application.permitted_info_staff,
    }
    empty = [
        str(MassEventPermitApplication._meta.get_field(name).verbose_name)
        for name, value in needed.items()
        if value in (None, "")
    ]
    if empty:
        raise MassEventError(
            _("Fill in the decision first (u.b.i.m. art. 29 ust. 2): %(fields)s.") % {"fields": ", ".join(empty)},
            code="decision_incomplete",
        )
    if application.permitted_participants > application.places_available:
        raise MassEventError(
            _("The maximum number of participants may not exceed the places made available (%(places)d).")
            % {"places": application.places_available},
            code="too_many_participants",
        )


def permit_decision_issued(application, *, acting_user, note: str = "") -> None:
    """Effect of issuing the permit or the refusal: the decision as a PDF, and the organiser told.

    u.b.i.m. art. 29 ust. 1 (the decision is due at least 7 days before the event: `mass_event_decision_latest`
    in the Terminarz), art. 29 ust. 2 (the permit names the organiser, the type and name of the event, the
    place, start and end, the maximum number of participants, the stewards and information staff and the
    recording devices, art. 11), art. 29 ust. 3 (high risk) and ust. 4 (refusal, here with the clerk's reason in
    the note). What must be there is checked before by the transitions' guards (`permit_check_issue_permit`,
    `permit_check_refuse`); from the issued decision on, its fields are read-only in the admin.
    """
    is_permit = application.status == MassEventPermitApplication.Status.PERMIT_ISSUED
    if not is_permit:
        application.decision_justification = application.decision_justification or note
    today = timezone.localdate()
    application.decision_kind = (
        MassEventPermitApplication.DecisionKind.PERMIT
        if is_permit
        else MassEventPermitApplication.DecisionKind.REFUSAL
    )
    application.decision_issued_on = today
    application.save(update_fields=["decision_kind", "decision_issued_on", "decision_justification", "updated_at"])
    name, title = _signatory()
    context = {
        "case_mark": application.case_mark,
        "place_and_date": place_and_date(today),
        "addressee_lines": _addressee_lines(application),
        "subject": f"imprezy masowej „{application.event_name}”",
        "legal_basis": "art. 29 ust. 1 i 2 ustawy z dnia 20 marca 2009 r. o bezpieczeństwie imprez masowych "
        "oraz art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
        "body_html": "",
        "signatory_name": name,
        "signatory_title": title,
        "application": application,
        "is_permit": is_permit,
        "opinions": list(application.opinions.all()),
        "starts": timezone.localtime(application.starts_at),
        "ends": timezone.localtime(application.ends_at),
        "issued_on": polish_long_date(today),
        "appeal_days": deadlines.MASS_EVENT_APPEAL_DAYS,
        "recipients": [application.organiser_name, "a/a"],
        "cc": ["Komendant Miejski Policji w Rudzie Śląskiej", "Wojewoda Śląski"],
    }
    # body_html is required by the letter contract; the decision template writes its own body.
    context["body_html"] = "<p></p>"
    letter_issue(
        case=application,
        template_name="mass_events/documents/decision.html",
        context=context,
        acting_user=acting_user,
        description=f"Decyzja {application.decision_number}",
        file_name=f"decyzja-{application.case_mark}.pdf",
    )
    body = (
        _("The Prezydent has issued the permit for your mass event. The decision is on your case page.")
        if is_permit
        else _(
            "The Prezydent has refused the permit for your mass event. "
            "The decision with its reasons is on your case page."
        )
    )
    _tell_organiser(application, body, acting_user)


def permit_copies_sent(application, *, acting_user, note: str = "") -> None:
    """Effect: stamp the day the copies went to the police commander and the voivode (u.b.i.m. art. 29, 3 days)."""
    application.copies_sent_on = timezone.localdate()
    application.save(update_fields=["copies_sent_on", "updated_at"])
    _announce_status(application)


def permit_check_mark_held(application, *, acting_user, note: str = "") -> None:
    """Guard of "mark_held": only a permitted event that has started can be marked as held."""
    if application.decision_kind != MassEventPermitApplication.DecisionKind.PERMIT:
        raise MassEventError(_("Only a permitted event can be marked as held."), code="not_permitted")
    if application.starts_at > timezone.now():
        raise MassEventError(_("The event has not started yet."), code="not_started")


# PUBLIC CALENDAR
# ------------------------------------------------------------------------------
PUBLISHABLE_STATUSES = (
    MassEventPermitApplication.Status.PERMIT_ISSUED,
    MassEventPermitApplication.Status.COPIES_SENT,
    MassEventPermitApplication.Status.FINAL,
)


def permit_publish_to_calendar(*, application: MassEventPermitApplication, venue, category, acting_user):
    """Publish a permitted mass event in the city's public calendar, with no personal or security data.

    DOMAIN.md §B.4 ("permits are not routinely published… the calendar may show «impreza masowa — zezwolenie
    wydane» without details"): the calendar gets the event's name, dates, the chosen venue, the organiser's name
    only when it is an organisation, the number of places permitted and whether entry is paid; never the
    PESEL, the security plans, the opinions or the contact data. Refuses (MassEventError) an application
    without an issued permit, or one already published. Returns the published `events.Event`.
    """
    from events.models import Event
    from events.services import event_create, event_publish

    with transaction.atomic():
        locked = MassEventPermitApplication.objects.select_for_update().get(pk=application.pk)
        if locked.decision_kind != MassEventPermitApplication.DecisionKind.PERMIT or locked.status not in (
            PUBLISHABLE_STATUSES
        ):
            raise MassEventError(_("Only a mass event with an issued permit can be published."), code="no_permit")
        if locked.calendar_event_id:
            raise MassEventError(_("This mass event is already in the calendar."), code="already_published")
        organiser = (
            locked.organiser_name if locked.organiser_kind == OrganiserKind.ORGANISATION else _("private organiser")
        )
        event = event_create(
            acting_user=acting_user,
            occurrences=[(locked.starts_at, locked.ends_at)],
            title=locked.event_name[:200],
            lead=_("Mass event: the Prezydent of Ruda Śląska has issued a permit.")[:300],
            category=category,
            venue=venue,
            organiser_name=organiser[:200],
            price_kind=Event.PriceKind.PAID if locked.paid_entry else Event.PriceKind.FREE,
            capacity=locked.permitted_participants,
        )
        event_publish(event=event, acting_user=acting_user)
        locked.calendar_event = event
        locked.save(update_fields=["calendar_event", "updated_at"])
    application.calendar_event = event
    return event


# NOTIFICATIONS (u.o.p.d.k. art. 34–37)
# ------------------------------------------------------------------------------
def notification_prepare(*, notification: EventNotification, received_on=None):
    """Stamp the day of receipt and whether the notification is late (u.o.p.d.k. art. 34: 30 days before)."""
    notification.received_on = received_on or timezone.localdate()
    notification.is_late = artistic_event_notification_is_late(notification.received_on, notification.starts_at)
    return notification


def notification_received(*, notification: EventNotification, attachments, tracking_url: str) -> None:
    """Finish receiving an opened notification: keep its attachments and send the organiser the case link."""
    for file in attachments:
        document_attach(
            case=notification,
            content=file,
            original_name=getattr(getattr(file, "upload", None), "original_name", "") or file.name,
            mime_type="",
            kind=PrivateDocument.Kind.ATTACHMENT,
            acting_user=None,
            description="Załącznik do zawiadomienia",
        )
    mail_enqueue(
        to=[notification.contact_email],
        subject=_("Your event notification has been received — %(mark)s") % {"mark": notification.case_mark},
        template="case_opened",
        context={"case_mark": notification.case_mark, "tracking_url": tracking_url},
    )


def notification_ban_deadline(notification: EventNotification):
    """The last day to deliver a ban on this notification (`artistic_event_ban_deadline`, u.o.p.d.k. art. 36)."""
    return artistic_event_ban_deadline(
        notification.received_on,
        notification.starts_at,
        certificate_delivered_on=notification.certificate_delivered_on,
    )


def notification_note_to_organiser(notification, *, acting_user, note: str = "") -> None:
    """Effect: the clerk's note goes to the organiser's tracking page and e-mail."""
    _tell_organiser(notification, note, acting_user)


def notification_certificate_requested(notification, *, acting_user, note: str = "") -> None:
    """Effect of demanding a certificate on the premises and devices (u.o.p.d.k. art. 34).

    The 30 days (and the ban deadline) will run from its delivery. The organiser is told what is demanded.
    """
    notification.certificate_requested_on = timezone.localdate()
    notification.save(update_fields=["certificate_requested_on", "updated_at"])
    _tell_organiser(
        notification,
        _(
            "Please deliver a certificate of the competent authority that the premises and technical devices meet "
            "the legal requirements (u.o.p.d.k. art. 34). The 30 days run from its delivery."
        )
        + "\n\n"
        + note,
        acting_user,
    )


def notification_certificate_attach(*, notification: EventNotification, certificate) -> PrivateDocument:
    """Keep the certificate the organiser sent from the tracking link (u.o.p.d.k. art. 34) with the case.

    Called by `core.applicant_changes.case_changes_send` (the notification locked, the transaction open); the
    kernel then performs "certificate_delivered" (`notification_certificate_delivered` stamps the delivery day).
    """
    return document_attach(
        case=notification,
        content=certificate,
        original_name=getattr(getattr(certificate, "upload", None), "original_name", "") or certificate.name,
        mime_type="",
        kind=PrivateDocument.Kind.ATTACHMENT,
        acting_user=None,
        description="Zaświadczenie o spełnieniu wymagań przez obiekt i urządzenia",
    )


def notification_certificate_delivered(notification, *, acting_user, note: str = "") -> None:
    """Effect: stamp the certificate's delivery; lateness and the ban deadline are counted from it (art. 34)."""
    notification.certificate_delivered_on = timezone.localdate()
    notification.is_late = artistic_event_notification_is_late(
        notification.received_on,
        notification.starts_at,
        certificate_delivered_on=notification.certificate_delivered_on,
    )
    notification.save(update_fields=["certificate_delivered_on", "is_late", "updated_at"])
    _announce_status(notification)


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


def notification_ban_issued(notification, *, acting_user, note: str = "") -> None:
    """Effect of banning a notified event: the ban decision as a PDF, and the organiser told.

    u.o.p.d.k. art. 35–36: the ban must be delivered by `notification_ban_deadline` (the earlier of 14 days from
    the notification and 10 days before the start); after that day the event is accepted silently and the ban is
    refused (MassEventError). The note is the ban's justification. Needs the decision's number.
    """
    today = timezone.localdate()
    deadline = notification_ban_deadline(notification)
    if today > deadline:
        raise MassEventError(
            _("The ban deadline passed on %(date)s: the event may go ahead (u.o.p.d.k. art. 36 ust. 1).")
            % {"date": deadline.strftime("%d.%m.%Y")},
            code="ban_too_late",
        )
    if not notification.ban_number:
        raise MassEventError(_("Give the decision a number first."), code="decision_number")
    notification.ban_issued_on = today
    notification.save(update_fields=["ban_issued_on", "updated_at"])
    name, title = _signatory()
    letter_issue(
        case=notification,
        template_name="mass_events/documents/ban.html",
        context={
            "case_mark": notification.case_mark,
            "place_and_date": place_and_date(today),
            "addressee_lines": _addressee_lines(notification),
            "subject": f"zakazu przeprowadzenia imprezy „{notification.event_name}”",
            "legal_basis": "art. 35 i 36 ustawy z dnia 25 października 1991 r. o organizowaniu i prowadzeniu "
            "działalności kulturalnej",
            "body_html": "<p></p>",
            "signatory_name": name,
            "signatory_title": title,
            "notification": notification,
            "justification": note,
            "starts": timezone.localtime(notification.starts_at),
            "appeal_days": deadlines.ARTISTIC_EVENT_BAN_APPEAL_DAYS,
            "recipients": [notification.organiser_name, "a/a"],
        },
        acting_user=acting_user,
        description=f"Decyzja {notification.ban_number}",
        file_name=f"decyzja-{notification.case_mark}.pdf",
    )
    _tell_organiser(
        notification,
        _("The Prezydent has banned the event. The decision with its reasons and how to appeal is on your case page."),
        acting_user,
    )


def notification_appeal_filed(notification, *, acting_user, note: str = "") -> None:
    """Effect: stamp the appeal; the appeal body has 7 days, then silence is consent (u.o.p.d.k. art. 36 ust. 3)."""
    notification.appeal_filed_on = timezone.localdate()
    notification.save(update_fields=["appeal_filed_on", "updated_at"])
    _tell_organiser(
        notification,
        _(
            "Your appeal has been received and passed to the appeal body. If it does not decide within 7 days, "
            "you may hold the event (u.o.p.d.k. art. 36 ust. 3)."
        ),
        acting_user,
    )


def notification_consent_by_silence(notification, *, acting_user, note: str = "") -> None:
    """Effect (with a guard): the appeal body's 7 days have passed without a decision, which is consent.

    u.o.p.d.k. art. 36 ust. 3. Refused (MassEventError) before `artistic_event_appeal_decision_due` has passed.
    """
    due = artistic_event_appeal_decision_due(notification.appeal_filed_on)
    if timezone.localdate() <= due:
        raise MassEventError(
            _("The appeal body may still decide until %(date)s.") % {"date": due.strftime("%d.%m.%Y")},
            code="appeal_pending",
        )
    _tell_organiser(
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
