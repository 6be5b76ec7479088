"""Applications for the Prezydent's honorary patronage (DOMAIN.md §E.1): receipt, workflow, letter and report.

Status changes go through `core.services.transition_perform`; the functions below that take
`(application, *, acting_user, note)` are the workflow's guards (`application_check_<verb>`) and effects
(`on_application_<verb>`).
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.documents import department_signatory, place_and_date
from core.private_documents import document_attach_upload, letter_issue
from core.services import case_open
from events.services import event_mark_honorary_patronage
from patronage.deadlines import (
    PATRONAGE_REPORT_DAYS_AFTER,
    patronage_application_is_late,
    patronage_report_due,
)
from patronage.models import AnswerForm, PatronageApplication
from patronage.services.common import PatronageError, polish_date

Status = PatronageApplication.Status


# RECEIVING AN APPLICATION
# ------------------------------------------------------------------------------
def earlier_missing_report(organiser_name: str, contact_email: str) -> str:
    """The case mark of the organiser's last patronage whose report never came, or "" (DOMAIN.md §E.1, Piekary).

    The same organiser is recognised by its name or its contact e-mail, case-insensitively.
    """
    earlier = (
        PatronageApplication.objects.filter(status=Status.REPORT_MISSING)
        .filter(Q(organiser_name__iexact=organiser_name.strip()) | Q(contact_email__iexact=contact_email.strip()))
        .order_by("-starts_on")
        .values_list("case_mark", flat=True)
        .first()
    )
    return earlier or ""


def application_prepare(*, application: PatronageApplication, received_on=None) -> PatronageApplication:
    """Stamp the day of receipt, whether it is late (30 days before, DOMAIN.md §E.1) and an earlier missing report.

    A late application is received and flagged, never refused: the clerk decides.
    """
    application.received_on = received_on or timezone.localdate()
    application.is_late = patronage_application_is_late(application.received_on, application.starts_on)
    application.earlier_report_missing = earlier_missing_report(application.organiser_name, application.contact_email)
    return application


def application_received(*, application: PatronageApplication, programme_file=None, drafts=()) -> None:
    """Keep the programme and the drafts of promotional materials the organiser sent (DOMAIN.md §E.1)."""
    if programme_file:
        document_attach_upload(case=application, upload=programme_file, description="Program wydarzenia")
    for draft in drafts:
        document_attach_upload(
            case=application, upload=draft, description="Projekt materiałów promocyjnych z logo patronatu"
        )


def application_case_title(application: PatronageApplication) -> str:
    """The title of the application's entry in the case register."""
    return _("Honorary patronage: %(name)s") % {"name": application.event_name[:200]}


def application_open(
    *, application: PatronageApplication, received_on=None, acting_user=None, acknowledge=True, drafts=()
) -> PatronageApplication:
    """Receive an application that does not come through the public form (paper, e-mail, demo data, tests).

    The same steps as the form's view: `application_prepare`, `core.services.case_open` and `application_received`.
    """
    application_prepare(application=application, received_on=received_on)
    return case_open(
        case=application,
        title=application_case_title(application),
        acting_user=acting_user,
        acknowledge=acknowledge,
        on_open=lambda case: application_received(application=case, drafts=drafts),
    )


# THE WORKFLOW
# ------------------------------------------------------------------------------
def application_check_request_opinion(application, *, acting_user, note: str = "") -> None:
    """Guard of "request_opinion": the merit unit asked is named (DOMAIN.md §E.1: an optional opinion)."""
    if not application.opinion_unit.strip():
        raise PatronageError(_("Name the merit unit asked for the opinion first."), code="opinion_unit")


def application_check_opinion_received(application, *, acting_user, note: str = "") -> None:
    """Guard of "opinion_received": the opinion is recorded before the case goes back to the clerk's decision."""
    if not application.opinion.strip():
        raise PatronageError(_("Record the merit unit's opinion first."), code="opinion_missing")


def application_check_grant(application, *, acting_user, note: str = "") -> None:
    """Guard of "grant": the department's criteria (DOMAIN.md §E.1, Katowice [K], docs/patronage.md).

    No patronage for a commercial event or an event with fundraising unless the clerk records the exception's
    reason; none for an event that has already started.
    """
    if application.needs_exception and not application.exception_reason.strip():
        raise PatronageError(
            _(
                "The event is commercial or collects money: the patronage may be granted only as an exception. "
                "Record the reason for the exception first, or refuse."
            ),
            code="exception_needed",
        )
    if application.starts_on < timezone.localdate():
        raise PatronageError(_("The event has already started: patronage can no longer be granted."), code="past")


def _letter_context(application, subject: str) -> dict:
    return {
        "case_mark": application.case_mark,
        "place_and_date": place_and_date(timezone.localdate()),
        "addressee_lines": [application.organiser_name, application.organiser_address],
        "subject": subject,
        "body_html": "<p></p>",
        **department_signatory(),
        "application": application,
        "recipients": [application.organiser_name, "a/a"],
    }


def application_link_calendar_event(*, application: PatronageApplication, previous_event_id: int | None) -> None:
    """Carry the patronage's mark to the event the application names in the city's calendar, and off the one before.

    DOMAIN.md §E.1: events under the Prezydent's honorary patronage appear in the calendar with the mark "Patronat
    Prezydenta Miasta". An event keeps the mark while any granted patronage names it.
    """
    granted = application.status in PatronageApplication.GRANTED_STATUSES
    if previous_event_id and previous_event_id != application.calendar_event_id:
        still_named = (
            PatronageApplication.objects.filter(
                calendar_event_id=previous_event_id, status__in=PatronageApplication.GRANTED_STATUSES
            )
            .exclude(pk=application.pk)
            .exists()
        )
        event_mark_honorary_patronage(event_id=previous_event_id, granted=still_named)
    if application.calendar_event_id and granted:
        event_mark_honorary_patronage(event_id=application.calendar_event_id, granted=True)


def on_application_grant(application, *, acting_user, note: str = "") -> None:
    """Effect of granting the patronage: the written answer as a PDF letter, with a diploma if chosen.

    DOMAIN.md §E.1: a written answer in every case; Piekary confirms with a diploma; the letter states the
    organiser's duties (the patronage in every material, the report with photos after the event). An event of the
    calendar the application names gets the mark "Patronat Prezydenta Miasta".
    """
    application.decided_on = timezone.localdate()
    application.save(update_fields=["decided_on", "updated_at"])
    application_link_calendar_event(application=application, previous_event_id=None)
    context = {
        **_letter_context(
            application, f"objęcia Honorowym Patronatem Prezydenta Miasta wydarzenia „{application.event_name}”"
        ),
        "report_days": PATRONAGE_REPORT_DAYS_AFTER,
        "note": note,
    }
    letter_issue(
        case=application,
        template_name="patronage/documents/grant.html",
        context=context,
        acting_user=acting_user,
        description="Pismo o objęciu patronatem",
        file_name=f"patronat-{application.case_mark}.pdf",
    )
    if application.answer_form == AnswerForm.DIPLOMA:
        letter_issue(
            case=application,
            template_name="patronage/documents/diploma.html",
            context=context,
            acting_user=acting_user,
            description="Dyplom Honorowego Patronatu",
            file_name=f"dyplom-{application.case_mark}.pdf",
        )


def application_message_grant(application, note: str) -> str:
    """What the organiser reads when the patronage is granted: the letter (and diploma), the duties, the note."""
    text = _(
        "The Prezydent has granted honorary patronage to your event. The letter is on your case page. Put the "
        "patronage and its logo on every material of the event and send us the drafts for approval."
    )
    if application.answer_form == AnswerForm.DIPLOMA:
        text += " " + _("The diploma is there too.")
    return f"{text}\n\n{note}" if note else text


def on_application_refuse(application, *, acting_user, note: str = "") -> None:
    """Effect of refusing: the written answer with the reasons as a PDF letter (DOMAIN.md §E.1: no appeal)."""
    application.decided_on = timezone.localdate()
    application.save(update_fields=["decided_on", "updated_at"])
    letter_issue(
        case=application,
        template_name="patronage/documents/refusal.html",
        context={
            **_letter_context(application, f"wniosku o objęcie patronatem wydarzenia „{application.event_name}”"),
            "reasons": note,
        },
        acting_user=acting_user,
        description="Pismo o odmowie objęcia patronatem",
        file_name=f"odmowa-{application.case_mark}.pdf",
    )


def application_message_refuse(application, note: str) -> str:
    """What the organiser reads on a refusal: the letter is on the case page, then the reasons."""
    text = _(
        "The Prezydent has not granted honorary patronage to your event. The letter with the reasons is on your "
        "case page. Honorary patronage is not an administrative decision: there is no appeal."
    )
    return f"{text}\n\n{note}"


def application_message_approve_materials(application, note: str) -> str:
    """What the organiser reads when the drafts of the promotional materials are approved."""
    text = _("Your promotional materials with the patronage logo have been approved: you may print and publish them.")
    return f"{text}\n\n{note}" if note else text


def application_check_event_held(application, *, acting_user, note: str = "") -> None:
    """Guard of "event_held": the event's last day has come (DOMAIN.md §E.1: the report follows the event)."""
    if application.ends_on > timezone.localdate():
        raise PatronageError(
            _("The event ends on %(date)s: record it as held after that day.")
            % {"date": polish_date(application.ends_on)},
            code="not_yet",
        )


def on_application_event_held(application, *, acting_user, note: str = "") -> None:
    """Effect: stamp the report's due day, 3 days after the event (`patronage_report_due`, DOMAIN.md §E.1)."""
    application.report_due_on = patronage_report_due(application.ends_on)
    application.save(update_fields=["report_due_on", "updated_at"])


def application_message_event_held(application, note: str) -> str:
    """What the organiser reads after the event: the report with photos, its day and the licence."""
    text = _(
        "Thank you for holding the event under the Prezydent's patronage. Please send a short report with photos "
        "by %(date)s from your case page, with a licence for the city's use of the photos."
    ) % {"date": polish_date(application.report_due_on)}
    return f"{text}\n\n{note}" if note else text


def application_report_attach(*, application: PatronageApplication, report_text: str, photos) -> None:
    """Keep the report and photos the organiser sent from the tracking link, with the licence granted.

    Called by `core.applicant_changes.case_changes_send` (the case locked, the transaction open); the kernel then
    performs "report_sent" (`on_application_report_sent` stamps the day).
    """
    application.report_text = report_text
    application.photo_licence_granted = True
    application.save(update_fields=["report_text", "photo_licence_granted", "updated_at"])
    for photo in photos:
        document_attach_upload(
            case=application, upload=photo, description="Zdjęcie z wydarzenia (licencja dla miasta)"
        )


def on_application_report_sent(application, *, acting_user, note: str = "") -> None:
    """Effect: stamp the day the report came (DOMAIN.md §E.1)."""
    application.report_received_on = timezone.localdate()
    application.save(update_fields=["report_received_on", "updated_at"])


def application_check_report_missing(application, *, acting_user, note: str = "") -> None:
    """Guard of "report_missing": the report's day has passed (`patronage_report_due`, DOMAIN.md §E.1).

    A missing report is recorded and shown on the organiser's next application (`earlier_missing_report`).
    """
    if application.report_due_on and timezone.localdate() <= application.report_due_on:
        raise PatronageError(
            _("The organiser may still send the report until %(date)s.")
            % {"date": polish_date(application.report_due_on)},
            code="report_not_due",
        )
