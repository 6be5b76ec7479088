"""Factories of the mass-events duty, built the way the department does: through the services and the workflow.

`PermitApplicationFactory(status=...)` opens the application with `permit_application_open` (the form's steps:
timeliness, case mark, the organiser's files and the opinions checklist, the acknowledgement) and moves it to
`status` as a clerk would: the four verdicts are recorded before the decision is drafted and the decision is
filled in before the permit is issued. `EventNotificationFactory(status=...)` does the same with `notification_open`.
The event starts 60 (permit) or 45 (notification) days ahead at 16:00, as in the public forms' fixtures.
"""

from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.services import transition_perform
from core.uploads import PDF, validate_upload
from mass_events.forms import OPINION_ATTACHMENTS, PERMIT_ATTACHMENTS, PermitAttachment
from mass_events.models import EventNotification, MassEventOpinion, MassEventPermitApplication, OrganiserKind
from mass_events.services.notifications import notification_open
from mass_events.services.permits import permit_application_open
from tests.core.upload_corpus import valid_pdf
from tests.mass_events.conftest import PESEL, start_in

Permit = MassEventPermitApplication.Status
Notification = EventNotification.Status
COMPLETION_NOTE = "Brak opinii Komendanta Miejskiego PSP."
CERTIFICATE_NOTE = "Zaświadczenie o stanie technicznym sceny."


def pdf_upload(name="dokument.pdf"):
    """A PDF passed through the validation of a public form's upload, as the services receive it."""
    upload = SimpleUploadedFile(name, valid_pdf(), content_type="application/pdf")
    return validate_upload(upload, allowed_kinds=[PDF]).as_file()


def permit_attachments(*, opinions=tuple(OPINION_ATTACHMENTS)) -> list[PermitAttachment]:
    """The required files and the opinions of `opinions` (field names, e.g. "opinion_police"), as the form sends."""
    return [
        PermitAttachment(description, pdf_upload(f"{name}.pdf"), OPINION_ATTACHMENTS.get(name, ""))
        for name, description, _label, required in PERMIT_ATTACHMENTS
        if required or name in opinions
    ]


def fill_opinions(application, verdict=MassEventOpinion.Verdict.POSITIVE):
    """Record every opinion's verdict, as the clerk does on the checklist."""
    application.opinions.update(verdict=verdict, issued_on=timezone.localdate() - timedelta(days=3))


def fill_decision(application, **changes):
    """Fill in the decision's contents (u.b.i.m. art. 29 ust. 2), as the clerk does in the admin."""
    values = {
        "decision_number": "KSP.5240.1.2026",
        "permitted_participants": 2500,
        "permitted_stewards": 60,
        "permitted_info_staff": 20,
        "decision_conditions": "Zapewnić dwie karetki.",
        **changes,
    }
    MassEventPermitApplication.objects.filter(pk=application.pk).update(**values)
    application.refresh_from_db()


def _permit_to_opinions(application):
    return transition_perform(obj=application, name="formally_complete", acting_user=None)


def _permit_to_decision(application):
    application = _permit_to_opinions(application)
    fill_opinions(application)
    return transition_perform(obj=application, name="draft_decision", acting_user=None)


def _permit_to_permit(application):
    application = _permit_to_decision(application)
    fill_decision(application)
    return transition_perform(obj=application, name="issue_permit", acting_user=None)


def _permit_to_completion(application):
    return transition_perform(obj=application, name="request_completion", acting_user=None, note=COMPLETION_NOTE)


PERMIT_MOVES = {
    Permit.RECEIVED: lambda application: application,
    Permit.COMPLETION_REQUESTED: _permit_to_completion,
    Permit.OPINIONS: _permit_to_opinions,
    Permit.DECISION_DRAFTED: _permit_to_decision,
    Permit.PERMIT_ISSUED: _permit_to_permit,
}


class PermitApplicationFactory(DjangoModelFactory):
    """An application opened by `permit_application_open`, then moved to `status` (received by default).

    `attachments`: PermitAttachment triples (default: the required files and the four opinions).
    """

    class Meta:
        model = MassEventPermitApplication

    organiser_kind = OrganiserKind.ORGANISATION
    organiser_name = "Stowarzyszenie Rudzkie Lato"
    organiser_address = "ul. Kokota 1, 41-711 Ruda Śląska"
    contact_name = "Anna Nowak"
    contact_email = "anna.nowak@example.pl"
    contact_phone = "+48 600 100 200"
    event_name = "Festiwal Rudzkie Lato"
    event_type = "artistic"
    programme = "Koncerty zespołów lokalnych i gwiazdy wieczoru."
    venue = "Park Dworski, ul. Kokota 1, Ruda Śląska"
    venue_kind = "open_area"
    starts_at = factory.LazyFunction(lambda: start_in(60))
    ends_at = factory.LazyAttribute(lambda application: application.starts_at + timedelta(hours=6))
    places_total = 5000
    places_available = 3000
    expected_participants = 2500
    stewards = 60
    info_staff = 20
    threats = "Duże zgromadzenie, upał, ruch uliczny."
    cctv = True
    security_manager_name = "Jan Kowalski"
    security_manager_pesel = PESEL
    security_manager_certificate = "KB/123/2024 z 12.03.2024"
    security_manager_phone = "600 200 300"

    @classmethod
    def _create(cls, model_class, *args, status=Permit.RECEIVED, attachments=None, received_on=None, **kwargs):
        application = permit_application_open(
            application=model_class(**kwargs),
            attachments=permit_attachments() if attachments is None else attachments,
            received_on=received_on,
        )
        return PERMIT_MOVES[status](application)


NOTIFICATION_MOVES = {
    Notification.RECEIVED: lambda notification: notification,
    Notification.CERTIFICATE_REQUESTED: lambda notification: transition_perform(
        obj=notification, name="request_certificate", acting_user=None, note=CERTIFICATE_NOTE
    ),
}


class EventNotificationFactory(DjangoModelFactory):
    """A notification opened by `notification_open`, then moved to `status` (received by default)."""

    class Meta:
        model = EventNotification

    organiser_name = "Miejskie Centrum Kultury im. Henryka Bisty"
    organiser_address = "ul. Niedurnego 69, 41-709 Ruda Śląska"
    is_city_institution = True
    contact_name = "Ewa Zielińska"
    contact_email = "ewa.zielinska@example.pl"
    event_name = "Koncert plenerowy na Placu Jana Pawła II"
    event_type = "koncert plenerowy"
    character = "otwarty, bezpłatny"
    venue = "Plac Jana Pawła II, Ruda Śląska"
    starts_at = factory.LazyFunction(lambda: start_in(45))
    ends_at = factory.LazyAttribute(lambda notification: notification.starts_at + timedelta(hours=3))
    expected_participants = 400
    safety_measures = "Ochrona, barierki, punkt medyczny."
    accessibility_measures = "Strefa dla osób na wózkach, tłumacz PJM."

    @classmethod
    def _create(cls, model_class, *args, status=Notification.RECEIVED, attachments=(), received_on=None, **kwargs):
        notification = notification_open(
            notification=model_class(**kwargs), attachments=attachments, received_on=received_on
        )
        return NOTIFICATION_MOVES[status](notification)
