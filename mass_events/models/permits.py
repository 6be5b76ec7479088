"""Mass-event permits (u.b.i.m.): the application, its workflow and the four opinions on it.

DOMAIN.md §B. A permit application (`MassEventPermitApplication`) is a case that runs through the formal check,
the four opinions, the Prezydent's decision (a PDF with the contents of u.b.i.m. art. 29 ust. 2), copies to the
police and the voivode, finality or appeal and the event itself. The security manager's PESEL is personal data
the act requires (art. 26 ust. 1 pkt 5): it is validated, encrypted at rest with a key from the environment
(`core.encryption`), never kept in the change history, shown to clerks only masked, and cleared by the retention
purge with the rest of the case's personal data.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.encryption import EncryptedTextField
from core.fieldsets import Fieldset
from core.html import SanitisedHTMLField
from core.models import TimeStampedModel
from core.workflow import ApplicantChanges, Transition, Workflow
from mass_events.deadlines import Timeliness
from mass_events.models.base import AppealRecord, OrganisedEventCase
from mass_events.models.pesel import mask_pesel, validate_pesel


class EventType(models.TextChoices):
    """Kinds of mass events (u.b.i.m. art. 3 pkt 2–4)."""

    ARTISTIC = "artistic", _("artistic and entertainment event")
    SPORTS = "sports", _("sports event")
    FOOTBALL = "football", _("football match")


class VenueKind(models.TextChoices):
    """Where a mass event takes place: decides which threshold of places applies (u.b.i.m. art. 3 pkt 2)."""

    STADIUM = "stadium", _("stadium")
    OPEN_AREA = "open_area", _("open area (park, square, street)")
    NON_BUILDING = "non_building", _("other object that is not a building")
    SPORTS_HALL = "sports_hall", _("sports hall")
    OTHER_BUILDING = "other_building", _("other building")


class OrganiserKind(models.TextChoices):
    PERSON = "person", _("a person")
    ORGANISATION = "organisation", _("a company, association or other organisation")


class MassEventPermitApplication(AppealRecord, OrganisedEventCase):
    """An application for the Prezydent's permit to hold a mass event (wniosek o wydanie zezwolenia).

    u.b.i.m. art. 25–26 (application and its attachments), art. 29 (decision). `timeliness` is stamped when the
    application is received (art. 25 ust. 1 and 1a); a late application is still handled.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("received, formal check")
        COMPLETION_REQUESTED = "completion_requested", _("asked to complete the application")
        OPINIONS = "opinions", _("checking the opinions")
        DECISION_DRAFTED = "decision_drafted", _("decision being drafted")
        PERMIT_ISSUED = "permit_issued", _("permit issued")
        REFUSED = "refused", _("permit refused")
        COPIES_SENT = "copies_sent", _("decision sent to the police and the voivode")
        FINAL = "final", _("decision final")
        APPEALED = "appealed", _("appeal received")
        APPEAL_FORWARDED = "appeal_forwarded", _("appeal forwarded to the SKO")
        OVERTURNED = "overturned", _("decision overturned by the SKO")
        EVENT_HELD = "event_held", _("event held")
        CLOSED = "closed", _("closed")
        NOT_EXAMINED = "not_examined", _("left without examination")
        WITHDRAWN = "withdrawn", _("withdrawn by the organiser")

    class DecisionKind(models.TextChoices):
        PERMIT = "permit", _("permit")
        REFUSAL = "refusal", _("refusal")

    PERSONAL_DATA_FIELDS = (
        *OrganisedEventCase.PERSONAL_DATA_FIELDS,
        "security_manager_name",
        "security_manager_pesel",
        "security_manager_certificate",
        "security_manager_licence",
        "security_manager_phone",
    )
    CASE_OPENED_SUBJECT = _("Your mass-event permit application has been received — %(mark)s")
    # What the organiser states (u.b.i.m. art. 26), in the public form's groups; the clerk's page shows the same.
    APPLICANT_FIELDSETS = (
        Fieldset(
            _("The organiser"), ("organiser_kind", "organiser_name", "organiser_address", "correspondence_address")
        ),
        Fieldset(_("Contact person"), ("contact_name", "contact_email", "contact_phone")),
        Fieldset(
            _("The event"),
            (
                "event_name",
                "event_type",
                "programme",
                "venue",
                "venue_kind",
                "starts_at",
                "ends_at",
                "shortened_deadline_justification",
            ),
        ),
        Fieldset(
            _("Places and safety"),
            (
                "places_total",
                "places_available",
                "expected_participants",
                "stewards",
                "info_staff",
                "threats",
                "cctv",
                "paid_entry",
                "high_risk",
            ),
        ),
        Fieldset(
            _("Security manager"),
            (
                "security_manager_name",
                "security_manager_pesel",
                "security_manager_certificate",
                "security_manager_licence",
                "security_manager_phone",
            ),
            description=_(
                "The PESEL is required by law and used only by the department; it is never published nor sent by "
                "e-mail."
            ),
        ),
    )

    # The organiser (the rest of the organiser and the event: OrganisedEventCase)
    organiser_kind = models.CharField(_("organiser is"), max_length=20, choices=OrganiserKind)
    organiser_name = models.CharField(
        _("organiser's name"), max_length=200, help_text=_("Full name of the person or the organisation's name.")
    )
    # The event
    event_type = models.CharField(_("type of mass event"), max_length=20, choices=EventType)
    programme = models.TextField(_("programme of the event"), max_length=5000)
    venue = models.CharField(
        _("place of the event"), max_length=300, help_text=_("Name and address, e.g. Park Dworski, ul. Kokota 1.")
    )
    venue_kind = models.CharField(_("kind of place"), max_length=20, choices=VenueKind)
    places_total = models.PositiveIntegerField(
        _("places in the object or area"), help_text=_("As fixed by the building and fire regulations.")
    )
    places_available = models.PositiveIntegerField(_("places made available by the organiser"))
    stewards = models.PositiveIntegerField(_("stewards (służba porządkowa)"))
    info_staff = models.PositiveIntegerField(_("information staff (służba informacyjna)"))
    threats = models.TextField(
        _("foreseen threats to safety and public order"), max_length=5000, help_text=_("u.b.i.m. art. 26 ust. 1.")
    )
    cctv = models.BooleanField(_("image and sound recording devices are used"), default=False)
    paid_entry = models.BooleanField(_("paid entry"), default=False)
    high_risk = models.BooleanField(_("the organiser expects a high-risk event"), default=False)
    # The security manager (u.b.i.m. art. 26 ust. 1 pkt 5)
    security_manager_name = models.CharField(_("security manager's first and last name"), max_length=200)
    # Encrypted at rest (Fernet): the column never holds the digits, and cannot be searched.
    security_manager_pesel = EncryptedTextField(_("security manager's PESEL"), validators=[validate_pesel])
    security_manager_certificate = models.CharField(
        _("number and date of the security manager's training certificate"), max_length=100
    )
    security_manager_licence = models.CharField(
        _("security worker licence number (high-risk events)"), max_length=50, blank=True
    )
    security_manager_phone = models.CharField(_("security manager's phone"), max_length=30)
    # Timeliness (u.b.i.m. art. 25 ust. 1 and 1a)
    shortened_deadline_justification = models.TextField(
        _("why the application comes less than 30 days before the event"), max_length=3000, blank=True
    )
    timeliness = models.CharField(_("timeliness"), max_length=20, choices=Timeliness, editable=False)
    # Clerk's steps
    completion_requested_on = models.DateField(
        _("request to complete delivered on"),
        null=True,
        blank=True,
        help_text=_("The 7 days for the organiser run from this day (k.p.a. art. 64 § 2)."),
    )
    decision_kind = models.CharField(_("decision"), max_length=10, choices=DecisionKind, blank=True, editable=False)
    decision_number = models.CharField(
        _("decision number"), max_length=60, blank=True, help_text=_("E.g. KSP.5240.12.2026.")
    )
    decision_issued_on = models.DateField(_("decision issued on"), null=True, blank=True, editable=False)
    permitted_participants = models.PositiveIntegerField(_("maximum number of participants"), null=True, blank=True)
    permitted_stewards = models.PositiveIntegerField(_("number of stewards"), null=True, blank=True)
    permitted_info_staff = models.PositiveIntegerField(_("number of information staff"), null=True, blank=True)
    declared_high_risk = models.BooleanField(
        _("high-risk event"), default=False, help_text=_("u.b.i.m. art. 29 ust. 3.")
    )
    decision_conditions = models.TextField(
        _("conditions of the permit"), max_length=10000, blank=True, help_text=_("Including the police's conditions.")
    )
    # The decision's justification is written in the admin's editor and sanitised on save (core.html).
    decision_justification = SanitisedHTMLField(_("justification"), max_length=10000, blank=True)
    copies_sent_on = models.DateField(
        _("copies sent to the police and the voivode on"), null=True, blank=True, editable=False
    )
    decision_delivered_on = models.DateField(
        _("decision delivered on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the organiser received the decision (the return receipt or the ePUAP confirmation). The 14 "
            "days to appeal run from it (k.p.a. art. 129 § 2); the decision is final only after them."
        ),
    )
    # The appeal (u.b.i.m. art. 33 ust. 1, k.p.a. art. 129): its forwarding and outcome are in AppealRecord.
    appeal_filed_on = models.DateField(
        _("appeal received on"),
        null=True,
        blank=True,
        help_text=_(
            "Stamped with the day it is recorded; correct it to the day the appeal reached the office. The 7 days "
            "to forward it to the SKO run from it (k.p.a. art. 133)."
        ),
    )
    calendar_venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue in the public calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    calendar_category = models.ForeignKey(
        "events.Category",
        verbose_name=_("category in the public calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    calendar_event = models.OneToOneField(
        "events.Event",
        verbose_name=_("event in the public calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mass_event_permit",
        editable=False,
    )
    status = models.CharField(_("status"), max_length=30, choices=Status, default=Status.RECEIVED, editable=False)

    # The PESEL is never copied into the change history: the admin's history pages cannot show it.
    history = HistoricalRecords(excluded_fields=["security_manager_pesel"])

    workflow = Workflow(
        action_prefix="mass_events.permit",
        transitions=[
            Transition(
                "request_completion",
                source={Status.RECEIVED, Status.OPINIONS},
                target=Status.COMPLETION_REQUESTED,
                label=_("Ask to complete the application"),
                note_required=True,
                effect="mass_events.services.permits.on_permit_request_completion",
                note_to_applicant=True,
                note_message="mass_events.services.permits.permit_message_request_completion",
            ),
            Transition(
                "completed",
                source={Status.COMPLETION_REQUESTED},
                target=Status.RECEIVED,
                label=_("Completion received"),
                effect="mass_events.services.permits.on_permit_receive_completion",
                announce_status=True,
            ),
            Transition(
                "leave_unexamined",
                source={Status.COMPLETION_REQUESTED},
                target=Status.NOT_EXAMINED,
                label=_("Leave without examination"),
                note_required=True,
                closes_case=True,
                note_to_applicant=True,
            ),
            Transition(
                "formally_complete",
                source={Status.RECEIVED},
                target=Status.OPINIONS,
                label=_("Formally complete: check the opinions"),
                announce_status=True,
            ),
            Transition(
                "draft_decision",
                source={Status.OPINIONS},
                target=Status.DECISION_DRAFTED,
                label=_("Opinions checked: draft the decision"),
                guard="mass_events.services.permits.permit_check_draft_decision",
                announce_status=True,
            ),
            Transition(
                "issue_permit",
                source={Status.DECISION_DRAFTED},
                target=Status.PERMIT_ISSUED,
                label=_("Issue the permit"),
                guard="mass_events.services.permits.permit_check_issue_permit",
                effect="mass_events.services.permits.on_permit_issue_decision",
            ),
            Transition(
                "refuse",
                source={Status.DECISION_DRAFTED},
                target=Status.REFUSED,
                label=_("Refuse the permit"),
                note_required=True,
                guard="mass_events.services.permits.permit_check_refuse",
                effect="mass_events.services.permits.on_permit_issue_decision",
            ),
            Transition(
                "send_copies",
                source={Status.PERMIT_ISSUED, Status.REFUSED},
                target=Status.COPIES_SENT,
                label=_("Copies sent to the police and the voivode"),
                effect="mass_events.services.permits.on_permit_send_copies",
                announce_status=True,
            ),
            Transition(
                "become_final",
                source={Status.COPIES_SENT},
                target=Status.FINAL,
                label=_("No appeal: the decision is final"),
                guard="mass_events.services.permits.permit_check_become_final",
                announce_status=True,
            ),
            Transition(
                "appeal",
                source={Status.COPIES_SENT},
                target=Status.APPEALED,
                label=_("Appeal received"),
                effect="mass_events.services.permits.on_permit_appeal",
                note_to_applicant=True,
                note_required=True,
            ),
            Transition(
                "forward_appeal",
                source={Status.APPEALED},
                target=Status.APPEAL_FORWARDED,
                label=_("Appeal forwarded to the SKO with the files"),
                effect="mass_events.services.permits.on_permit_forward_appeal",
                announce_status=True,
            ),
            Transition(
                "appeal_upheld",
                source={Status.APPEAL_FORWARDED},
                target=Status.FINAL,
                label=_("The SKO upheld the decision"),
                guard="mass_events.services.permits.permit_check_appeal_outcome",
                effect="mass_events.services.permits.on_permit_appeal_upheld",
                note_to_applicant=True,
                note_message="mass_events.services.permits.permit_message_appeal_outcome",
            ),
            Transition(
                "appeal_overturned",
                source={Status.APPEAL_FORWARDED},
                target=Status.OVERTURNED,
                label=_("The SKO overturned the decision"),
                guard="mass_events.services.permits.permit_check_appeal_outcome",
                effect="mass_events.services.permits.on_permit_appeal_overturned",
                closes_case=True,
                note_to_applicant=True,
                note_message="mass_events.services.permits.permit_message_appeal_outcome",
            ),
            Transition(
                "appeal_remitted",
                source={Status.APPEAL_FORWARDED},
                target=Status.OPINIONS,
                label=_("The SKO remitted the case: examine it again"),
                guard="mass_events.services.permits.permit_check_appeal_outcome",
                effect="mass_events.services.permits.on_permit_appeal_remitted",
                note_to_applicant=True,
                note_message="mass_events.services.permits.permit_message_appeal_outcome",
            ),
            Transition(
                "mark_held",
                source={Status.FINAL},
                target=Status.EVENT_HELD,
                label=_("The event has taken place"),
                guard="mass_events.services.permits.permit_check_mark_held",
                announce_status=True,
            ),
            Transition(
                "close",
                source={Status.EVENT_HELD, Status.FINAL},
                target=Status.CLOSED,
                label=_("Close the case"),
                announce_status=True,
                closes_case=True,
            ),
            Transition(
                "withdraw",
                source={Status.RECEIVED, Status.COMPLETION_REQUESTED, Status.OPINIONS, Status.DECISION_DRAFTED},
                target=Status.WITHDRAWN,
                label=_("Withdrawn by the organiser"),
                announce_status=True,
                note_required=True,
                closes_case=True,
            ),
        ],
    )

    # Called to complete the application (k.p.a. art. 64 § 2), the organiser sends the missing documents from the
    # tracking page; sending them is the "completed" transition (core.applicant_changes).
    applicant_changes = ApplicantChanges(
        statuses={Status.COMPLETION_REQUESTED},
        resubmit="completed",
        form="mass_events.forms.PermitCompletionForm",
        label=_("Complete the application"),
    )

    class Meta:
        verbose_name = _("mass-event permit application")
        verbose_name_plural = _("mass-event permit applications")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="mass_event_end_after_start"),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="mass_event_status_start_idx")]

    def clean(self):
        super().clean()
        if self.decision_delivered_on:
            if self.decision_delivered_on > timezone.localdate():
                raise ValidationError({"decision_delivered_on": _("The delivery date cannot be in the future.")})
            if not self.decision_issued_on:
                raise ValidationError(
                    {"decision_delivered_on": _("No decision has been issued yet: nothing was delivered.")}
                )
            if self.decision_delivered_on < self.decision_issued_on:
                raise ValidationError(
                    {"decision_delivered_on": _("The decision cannot have been delivered before it was issued.")}
                )

    @property
    def is_late(self) -> bool:
        return self.timeliness == Timeliness.LATE

    @property
    def masked_pesel(self) -> str:
        return mask_pesel(self.security_manager_pesel)


class OpinionBody(models.TextChoices):
    """The four bodies whose opinions the organiser attaches (u.b.i.m. art. 25 ust. 1 pkt 2, art. 26 ust. 1)."""

    POLICE = "police", _("Komendant Miejski Policji")
    FIRE = "fire", _("Komendant Miejski Państwowej Straży Pożarnej")
    MEDICAL = "medical", _("medical emergency dispatcher (dysponent zespołów ratownictwa medycznego)")
    SANITARY = "sanitary", _("Państwowy Powiatowy Inspektor Sanitarny")


class MassEventOpinion(TimeStampedModel):
    """One of the four opinions on a mass event, as the clerk reads it: a line of the opinions checklist.

    The organiser attaches the opinions to the application (u.b.i.m. art. 25 ust. 1, art. 26 ust. 1): the file sent
    for a body is linked to that body's line (`document`); the clerk reads it and records the verdict.
    """

    class Verdict(models.TextChoices):
        MISSING = "missing", pgettext_lazy("opinion verdict", "not recorded yet")
        POSITIVE = "positive", _("positive")
        CONDITIONAL = "conditional", _("positive with conditions")
        NEGATIVE = "negative", _("negative")

    application = models.ForeignKey(
        MassEventPermitApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="opinions",
    )
    body = models.CharField(_("body"), max_length=20, choices=OpinionBody)
    document = models.ForeignKey(
        "core.PrivateDocument",
        verbose_name=_("opinion document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict, default=Verdict.MISSING)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    conditions = models.TextField(
        _("conditions or objections"), max_length=5000, blank=True, help_text=_("Copied into the permit's conditions.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opinion")
        verbose_name_plural = _("opinions")
        ordering = ["application", "body"]
        constraints = [
            models.UniqueConstraint(fields=["application", "body"], name="mass_event_one_opinion_per_body"),
        ]

    def __str__(self):
        return f"{self.get_body_display()}: {self.get_verdict_display()}"
