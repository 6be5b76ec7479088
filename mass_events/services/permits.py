"""Mass-event permits (u.b.i.m.): receiving an application, its workflow's guards and effects, the public calendar.

Status changes go through `core.services.transition_perform`; the functions below that take
`(application, *, acting_user, note)` are the workflow's guards (`permit_check_<verb>`, run on the locked row before
anything is written) and effects (`on_permit_<verb>`, run inside the transition's transaction: an error they raise
rolls the transition back).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from core.documents import department_signatory, place_and_date, polish_long_date
from core.html import plain_text_html
from core.models import PrivateDocument
from core.private_documents import document_attach_upload, letter_issue
from core.services import case_open
from mass_events import deadlines
from mass_events.deadlines import mass_event_application_timeliness
from mass_events.models import MassEventOpinion, MassEventPermitApplication, OpinionBody, OrganiserKind
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


def permit_application_received(*, application: MassEventPermitApplication, attachments) -> None:
    """Finish receiving an opened application: the opinions checklist and the attachments.

    Runs in the transaction that opens the case (`core.services.case_open(on_open=...)`). `attachments` are
    (description, validated file, opinion body or "") triples from the public form
    (`mass_events.forms.PermitAttachment`): an opinion the organiser attached (u.b.i.m. art. 25 ust. 1, art. 26
    ust. 1) is linked to its body's line of the checklist, whose verdict the clerk then records. The kernel then
    acknowledges the case to the organiser (`CASE_OPENED_SUBJECT`).
    """
    documents = _permit_files_attach(application, attachments)
    MassEventOpinion.objects.bulk_create(
        MassEventOpinion(application=application, body=body, document=documents.get(body))
        for body in OpinionBody.values
    )


def _permit_files_attach(application: MassEventPermitApplication, attachments) -> dict[str, PrivateDocument]:
    """Keep the organiser's files with the case; return the opinions among them by their body."""
    documents = {}
    for description, file, opinion_body in attachments:
        document = document_attach_upload(case=application, upload=file, description=description)
        if opinion_body:
            documents[opinion_body] = document
    return documents


def permit_case_title(application: MassEventPermitApplication) -> str:
    """The title of the application's entry in the case register."""
    return _("Mass-event permit: %(name)s") % {"name": application.event_name[:200]}


def permit_application_open(
    *, application: MassEventPermitApplication, attachments=(), received_on=None, acting_user=None
) -> MassEventPermitApplication:
    """Receive an application that does not come through the public form (a paper one keyed in, demo data, tests).

    The same steps as the form's view: `permit_application_prepare`, `core.services.case_open` (case mark,
    history, the organiser's acknowledgement) and `permit_application_received`. Returns the opened case.
    """
    permit_application_prepare(application=application, received_on=received_on)
    return case_open(
        case=application,
        title=permit_case_title(application),
        acting_user=acting_user,
        on_open=lambda case: permit_application_received(application=case, attachments=attachments),
    )


def permit_completion_attach(*, application: MassEventPermitApplication, attachments) -> None:
    """Keep the documents the organiser sent to complete the application (k.p.a. art. 64 § 2, u.b.i.m. art. 26).

    Called by `core.applicant_changes.case_changes_send` (the application locked, the transaction open; the
    kernel then records the change and performs "completed"). `attachments` are (description, validated file,
    opinion body or "") triples (`mass_events.forms.PermitAttachment`); an opinion becomes its body's document on
    the checklist, replacing an earlier one, and the clerk records its verdict as before.
    """
    for body, document in _permit_files_attach(application, attachments).items():
        MassEventOpinion.objects.filter(application=application, body=body).update(document=document)


# THE WORKFLOW'S GUARDS AND EFFECTS
# ------------------------------------------------------------------------------
def on_permit_request_completion(application, *, acting_user, note: str = "") -> None:
    """Effect of asking the organiser to complete the application (k.p.a. art. 64 § 2).

    Stamps the request's date (the clerk corrects it to the delivery date if it differs; the 7 days of
    `mass_event_completion_due` run from it), issues the request as a PDF letter listing what is missing
    (the note); the kernel then sends the organiser `permit_message_request_completion`.
    """
    application.completion_requested_on = timezone.localdate()
    application.save(update_fields=["completion_requested_on", "updated_at"])
    letter_issue(
        case=application,
        template_name="documents/letter.html",
        context={
            "case_mark": application.case_mark,
            "place_and_date": place_and_date(timezone.localdate()),
            "addressee_lines": addressee_lines(application),
            "subject": f"wezwanie do uzupełnienia wniosku o wydanie zezwolenia na imprezę masową "
            f"„{application.event_name}”",
            "legal_basis": "art. 64 § 2 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
            "body_html": "<p>Wzywam do uzupełnienia wniosku w terminie 7 dni od dnia doręczenia wezwania, "
            "pod rygorem pozostawienia wniosku bez rozpoznania. Braki:</p>" + linebreaks(escape(note)),
            **department_signatory(),
        },
        acting_user=acting_user,
        description="Wezwanie do uzupełnienia wniosku",
    )


def permit_message_request_completion(application, note: str) -> str:
    """What the organiser reads when asked to complete the application: the 7 days, then the clerk's list."""
    return _("Please complete your application within 7 days. What is missing:") + "\n\n" + note


def on_permit_receive_completion(application, *, acting_user, note: str = "") -> None:
    """Effect: the organiser completed the application; the completion clock stops."""
    application.completion_requested_on = None
    application.save(update_fields=["completion_requested_on", "updated_at"])


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


def on_permit_issue_decision(application, *, acting_user, note: str = "") -> None:
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
        # The clerk's note is plain text: its paragraphs become the justification's HTML.
        application.decision_justification = application.decision_justification or plain_text_html(note)
    today = timezone.localdate()
    application.decision_kind = (
        MassEventPermitApplication.DecisionKind.PERMIT
        if is_permit
        else MassEventPermitApplication.DecisionKind.REFUSAL
    )
    application.decision_issued_on = today
    application.save(update_fields=["decision_kind", "decision_issued_on", "decision_justification", "updated_at"])
    context = {
        "case_mark": application.case_mark,
        "place_and_date": place_and_date(today),
        "addressee_lines": addressee_lines(application),
        "subject": f"imprezy masowej „{application.event_name}”",
        "legal_basis": "art. 29 ust. 1 i 2 ustawy z dnia 20 marca 2009 r. o bezpieczeństwie imprez masowych "
        "oraz art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
        "body_html": "",
        **department_signatory(),
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
    organiser_tell(application, body, acting_user)


def on_permit_send_copies(application, *, acting_user, note: str = "") -> None:
    """Effect: stamp the day the copies went to the police commander and the voivode (u.b.i.m. art. 29, 3 days)."""
    application.copies_sent_on = timezone.localdate()
    application.save(update_fields=["copies_sent_on", "updated_at"])


def permit_check_become_final(application, *, acting_user, note: str = "") -> None:
    """Guard of "become_final": the decision was delivered and the 14 days to appeal have passed without an appeal.

    k.p.a. art. 129 § 2 with u.b.i.m. art. 33 ust. 1 (`mass_event_appeal_latest`, counted from the delivery, moved
    off a Saturday or a day off by art. 57 § 4); art. 16 § 1: a decision no appeal lies against any more is final.
    Raises MassEventError.
    """
    appeal_check_window_closed(
        application.decision_delivered_on,
        deadlines.mass_event_appeal_latest,
        not_delivered=_("Record the day the decision was delivered first: the 14 days to appeal run from it."),
        still_open=_("The organiser may still appeal until %(date)s (k.p.a. art. 129 § 2)."),
    )


def on_permit_appeal(application, *, acting_user, note: str = "") -> None:
    """Effect: stamp the appeal's receipt (the clerk corrects it to the real day); k.p.a. art. 133's 7 days to
    forward it to the SKO run from it (`mass_events.deadlines.appeal_forwarding_due`, in the Terminarz)."""
    application.appeal_filed_on = timezone.localdate()
    application.save(update_fields=["appeal_filed_on", "updated_at"])


def on_permit_forward_appeal(application, *, acting_user, note: str = "") -> None:
    """Effect: stamp the day the appeal went to the SKO with the files (k.p.a. art. 133)."""
    appeal_record_forwarding(application)


def permit_check_appeal_outcome(application, *, acting_user, note: str = "") -> None:
    """Guard of the SKO's outcomes (k.p.a. art. 138 § 1 pkt 1, § 1 pkt 2, § 2): its decision number and date are
    recorded first. Raises MassEventError."""
    appeal_check_outcome(application)


def on_permit_appeal_upheld(application, *, acting_user, note: str = "") -> None:
    """Effect: the SKO upheld the decision (k.p.a. art. 138 § 1 pkt 1); it is final (art. 16 § 1)."""
    appeal_record_outcome(application, AppealOutcome.UPHELD)


def on_permit_appeal_overturned(application, *, acting_user, note: str = "") -> None:
    """Effect: the SKO overturned the decision (k.p.a. art. 138 § 1 pkt 2): the Prezydent's decision no longer
    stands and the SKO's own decision settles the case, which closes here."""
    appeal_record_outcome(application, AppealOutcome.OVERTURNED)


def on_permit_appeal_remitted(application, *, acting_user, note: str = "") -> None:
    """Effect: the SKO remitted the case (k.p.a. art. 138 § 2): it is examined again and a new decision issued.

    The issued decision's kind, number and dates (issue, delivery, copies) are cleared, so its contents can be
    edited and the decision's clock (u.b.i.m. art. 29 ust. 1) returns to the Terminarz; the old decision stays
    among the case's documents and in the change history.
    """
    appeal_record_outcome(application, AppealOutcome.REMITTED)
    application.decision_kind = ""
    application.decision_number = ""
    application.decision_issued_on = None
    application.decision_delivered_on = None
    application.copies_sent_on = None
    application.save(
        update_fields=[
            "decision_kind",
            "decision_number",
            "decision_issued_on",
            "decision_delivered_on",
            "copies_sent_on",
            "updated_at",
        ]
    )


def permit_message_appeal_outcome(application, note: str) -> str:
    """What the organiser reads when the SKO's decision on the permit decision is recorded, then the clerk's note."""
    return appeal_message_outcome(
        application,
        note,
        {
            AppealOutcome.UPHELD: _("The Prezydent's decision stands and is final."),
            AppealOutcome.OVERTURNED: _("The Prezydent's decision no longer stands: the SKO's decision settles it."),
            AppealOutcome.REMITTED: _("The Prezydent will examine your application again and issue a new decision."),
        },
    )


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
