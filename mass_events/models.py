"""Mass-event permits (u.b.i.m.) and notifications of artistic events held outside an organiser's seat (u.o.p.d.k.).

DOMAIN.md §B. A permit application (`MassEventPermitApplication`) is a case that runs through the formal check,
the four opinions, the Prezydent's decision (a PDF with the contents of u.b.i.m. art. 29 ust. 2), copies to the
police and the voivode, finality or appeal and the event itself. The security manager's PESEL is personal data
the act requires (art. 26 ust. 1 pkt 5): it is validated, encrypted at rest with a key from the environment
(`core.encryption`), never kept in the change history, shown to clerks only masked, and cleared by the retention
purge with the rest of the case's personal data.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.encryption import EncryptedTextField
from core.models import Case, TimeStampedModel
from core.workflow import ApplicantChanges, Transition, Workflow
from mass_events.deadlines import Timeliness

# PESEL
# ------------------------------------------------------------------------------
PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
# Month offsets of the PESEL birth date: +80 for the 1800s, +0 for the 1900s, +20, +40, +60 for 2000–2299.
PESEL_CENTURIES = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}


def pesel_birth_date(pesel: str) -> datetime.date | None:
    """The date of birth coded in the first six digits of a PESEL, or None when they form no real date.

    Ustawa z 24.09.2010 o ewidencji ludności, art. 15 ust. 2 pkt 1: YYMMDD, the century coded in the month.
    """
    year, month, day = int(pesel[0:2]), int(pesel[2:4]), int(pesel[4:6])
    offset = (month // 20) * 20
    century = PESEL_CENTURIES.get(offset)
    if century is None:
        return None
    try:
        return datetime.date(century + year, month - offset, day)
    except ValueError:
        return None


def validate_pesel(value: str) -> None:
    """Refuse anything that is not a possible PESEL: 11 digits, a real past date of birth, a matching check digit.

    u.b.i.m. art. 26 ust. 1 pkt 5 requires the security manager's PESEL; ustawa o ewidencji ludności art. 15
    defines its structure (date of birth, serial number, check digit with the weights 1-3-7-9).
    """
    value = value or ""
    if len(value) != 11 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A PESEL number has exactly 11 digits."), code="pesel_length")
    birth = pesel_birth_date(value)
    if birth is None or birth > timezone.localdate():
        raise ValidationError(
            _("This PESEL number is not valid: its first six digits are not a date of birth. Check it for a typo."),
            code="pesel_date",
        )
    check = (10 - sum(int(digit) * weight for digit, weight in zip(value, PESEL_WEIGHTS, strict=False)) % 10) % 10
    if check != int(value[10]):
        raise ValidationError(
            _("This PESEL number is not valid: its last digit does not match the others. Check it for a typo."),
            code="pesel_checksum",
        )


def mask_pesel(value: str) -> str:
    """Show only the last two digits of a PESEL ("•••••••••45"): enough to compare with a document, not to reuse."""
    if not value:
        return ""
    return "•" * (len(value) - 2) + value[-2:]


# PERMIT APPLICATION
# ------------------------------------------------------------------------------
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


class MassEventPermitApplication(Case):
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
        APPEALED = "appealed", _("appealed to the SKO")
        EVENT_HELD = "event_held", _("event held")
        CLOSED = "closed", _("closed")
        NOT_EXAMINED = "not_examined", _("left without examination")
        WITHDRAWN = "withdrawn", _("withdrawn by the organiser")

    class DecisionKind(models.TextChoices):
        PERMIT = "permit", _("permit")
        REFUSAL = "refusal", _("refusal")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "5240"}
    PERSONAL_DATA_FIELDS = (
        "organiser_address",
        "correspondence_address",
        "contact_name",
        "contact_email",
        "contact_phone",
        "security_manager_name",
        "security_manager_pesel",
        "security_manager_certificate",
        "security_manager_licence",
        "security_manager_phone",
    )
    APPLICANT_EMAIL_FIELD = "contact_email"

    # The organiser
    organiser_kind = models.CharField(_("organiser is"), max_length=20, choices=OrganiserKind)
    organiser_name = models.CharField(
        _("organiser's name"), max_length=200, help_text=_("Full name of the person or the organisation's name.")
    )
    organiser_address = models.CharField(_("address or registered seat"), max_length=300)
    correspondence_address = models.CharField(
        _("correspondence address"), max_length=300, blank=True, help_text=_("Only if different from the above.")
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30)
    # The event
    event_name = models.CharField(_("name of the event"), max_length=200)
    event_type = models.CharField(_("type of mass event"), max_length=20, choices=EventType)
    programme = models.TextField(_("programme of the event"), max_length=5000)
    venue = models.CharField(
        _("place of the event"), max_length=300, help_text=_("Name and address, e.g. Park Dworski, ul. Kokota 1.")
    )
    venue_kind = models.CharField(_("kind of place"), max_length=20, choices=VenueKind)
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    places_total = models.PositiveIntegerField(
        _("places in the object or area"), help_text=_("As fixed by the building and fire regulations.")
    )
    places_available = models.PositiveIntegerField(_("places made available by the organiser"))
    expected_participants = models.PositiveIntegerField(_("expected number of participants"))
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
    received_on = models.DateField(_("received on"), editable=False)
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
    decision_justification = models.TextField(_("justification"), max_length=10000, blank=True)
    copies_sent_on = models.DateField(
        _("copies sent to the police and the voivode on"), null=True, blank=True, editable=False
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
                effect="mass_events.services.permit_completion_requested",
                note_to_applicant=True,
            ),
            Transition(
                "completed",
                source={Status.COMPLETION_REQUESTED},
                target=Status.RECEIVED,
                label=_("Completion received"),
                effect="mass_events.services.permit_completion_received",
            ),
            Transition(
                "leave_unexamined",
                source={Status.COMPLETION_REQUESTED},
                target=Status.NOT_EXAMINED,
                label=_("Leave without examination"),
                note_required=True,
                closes_case=True,
                effect="mass_events.services.permit_note_to_organiser",
                note_to_applicant=True,
            ),
            Transition(
                "formally_complete",
                source={Status.RECEIVED},
                target=Status.OPINIONS,
                label=_("Formally complete: check the opinions"),
                effect="mass_events.services.permit_status_announced",
            ),
            Transition(
                "draft_decision",
                source={Status.OPINIONS},
                target=Status.DECISION_DRAFTED,
                label=_("Opinions checked: draft the decision"),
                guard="mass_events.services.permit_check_draft_decision",
                effect="mass_events.services.permit_status_announced",
            ),
            Transition(
                "issue_permit",
                source={Status.DECISION_DRAFTED},
                target=Status.PERMIT_ISSUED,
                label=_("Issue the permit"),
                guard="mass_events.services.permit_check_issue_permit",
                effect="mass_events.services.permit_decision_issued",
            ),
            Transition(
                "refuse",
                source={Status.DECISION_DRAFTED},
                target=Status.REFUSED,
                label=_("Refuse the permit"),
                note_required=True,
                guard="mass_events.services.permit_check_refuse",
                effect="mass_events.services.permit_decision_issued",
            ),
            Transition(
                "send_copies",
                source={Status.PERMIT_ISSUED, Status.REFUSED},
                target=Status.COPIES_SENT,
                label=_("Copies sent to the police and the voivode"),
                effect="mass_events.services.permit_copies_sent",
            ),
            Transition(
                "become_final",
                source={Status.COPIES_SENT},
                target=Status.FINAL,
                label=_("No appeal: the decision is final"),
                effect="mass_events.services.permit_status_announced",
            ),
            Transition(
                "appeal",
                source={Status.COPIES_SENT},
                target=Status.APPEALED,
                label=_("Appeal received"),
                effect="mass_events.services.permit_note_to_organiser",
                note_to_applicant=True,
                note_required=True,
            ),
            Transition(
                "appeal_decided",
                source={Status.APPEALED},
                target=Status.FINAL,
                label=_("The SKO has decided: the decision is final"),
                note_required=True,
                effect="mass_events.services.permit_note_to_organiser",
                note_to_applicant=True,
            ),
            Transition(
                "mark_held",
                source={Status.FINAL},
                target=Status.EVENT_HELD,
                label=_("The event has taken place"),
                guard="mass_events.services.permit_check_mark_held",
                effect="mass_events.services.permit_status_announced",
            ),
            Transition(
                "close",
                source={Status.EVENT_HELD, Status.FINAL},
                target=Status.CLOSED,
                label=_("Close the case"),
                effect="mass_events.services.permit_status_announced",
                closes_case=True,
            ),
            Transition(
                "withdraw",
                source={Status.RECEIVED, Status.COMPLETION_REQUESTED, Status.OPINIONS, Status.DECISION_DRAFTED},
                target=Status.WITHDRAWN,
                label=_("Withdrawn by the organiser"),
                effect="mass_events.services.permit_status_announced",
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

    def __str__(self):
        return f"{self.case_mark}: {self.event_name}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end must not be before the start.")})

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


# NOTIFICATION OF AN ARTISTIC EVENT OUTSIDE THE ORGANISER'S SEAT
# ------------------------------------------------------------------------------
class EventNotification(Case):
    """A notification of an artistic or entertainment event held outside the organiser's seat (zawiadomienie).

    u.o.p.d.k. art. 34–37 (DOMAIN.md §B.5): filed at least 30 days before the start (or counted from the delivery
    of a certificate the organ demanded); accepted silently when no ban is delivered in time (the earlier of 14
    days after the notification and 10 days before the start); a ban can be appealed within 3 days and the appeal
    body decides in 7 days, its silence being consent. One notification covers a cyclic event. No fee.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("notification status", "received")
        CERTIFICATE_REQUESTED = "certificate_requested", _("certificate on the premises requested")
        ACCEPTED = "accepted", _("accepted without objections")
        BAN_ISSUED = "ban_issued", _("event banned")
        BAN_FINAL = "ban_final", _("ban final")
        APPEALED = "appealed", _("ban appealed")
        BAN_UPHELD = "ban_upheld", _("ban upheld on appeal")
        BAN_OVERTURNED = "ban_overturned", _("ban overturned on appeal")
        CONSENT_BY_SILENCE = "consent_by_silence", _("consent: no appeal decision within 7 days")
        WITHDRAWN = "withdrawn", _("withdrawn by the organiser")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "5240"}
    PERSONAL_DATA_FIELDS = (
        "organiser_address",
        "correspondence_address",
        "contact_name",
        "contact_email",
        "contact_phone",
    )
    APPLICANT_EMAIL_FIELD = "contact_email"

    organiser_name = models.CharField(_("organiser's name"), max_length=200)
    organiser_address = models.CharField(_("address or registered seat"), max_length=300)
    correspondence_address = models.CharField(
        _("correspondence address"), max_length=300, blank=True, help_text=_("Only if different from the above.")
    )
    is_city_institution = models.BooleanField(_("the organiser is a city cultural institution"), default=False)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    event_name = models.CharField(_("name of the event"), max_length=200)
    event_type = models.CharField(
        _("type of the event"), max_length=200, help_text=_("E.g. an open-air concert, a touring theatre show.")
    )
    character = models.CharField(
        _("character of the event"), max_length=300, help_text=_("E.g. open to all, free; ticketed; for families.")
    )
    venue = models.CharField(_("place of the event"), max_length=300, help_text=_("Name and address."))
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("planned end"))
    expected_participants = models.PositiveIntegerField(_("expected number of participants"))
    safety_measures = models.TextField(_("planned safety measures"), max_length=5000)
    accessibility_measures = models.TextField(
        _("planned measures for persons with special needs"),
        max_length=5000,
        help_text=_("Including reasonable accommodation (ustawa o zapewnianiu dostępności, 2019)."),
    )
    is_cyclic = models.BooleanField(
        _("cyclic event"), default=False, help_text=_("At least twice a year, same organiser and premises.")
    )
    cycle_description = models.TextField(_("dates of the cycle"), max_length=3000, blank=True)
    received_on = models.DateField(_("received on"), editable=False)
    is_late = models.BooleanField(_("late"), default=False, editable=False)
    certificate_requested_on = models.DateField(_("certificate requested on"), null=True, blank=True, editable=False)
    certificate_delivered_on = models.DateField(
        _("certificate delivered on"),
        null=True,
        blank=True,
        help_text=_(
            "Stamped with the day it is recorded; correct it to the real delivery day. The ban deadline and "
            "the lateness are counted from it (u.o.p.d.k. art. 34)."
        ),
    )
    ban_number = models.CharField(_("ban decision number"), max_length=60, blank=True)
    ban_issued_on = models.DateField(_("ban issued on"), null=True, blank=True, editable=False)
    ban_delivered_on = models.DateField(
        _("ban delivered on"), null=True, blank=True, help_text=_("The 3 days to appeal run from this day.")
    )
    appeal_filed_on = models.DateField(
        _("appeal filed on"),
        null=True,
        blank=True,
        help_text=_(
            "Stamped with the day it is recorded; correct it to the real day of filing. The appeal body's 7 days "
            "run from it (u.o.p.d.k. art. 36 ust. 3)."
        ),
    )
    status = models.CharField(_("status"), max_length=30, choices=Status, default=Status.RECEIVED, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="mass_events.notification",
        transitions=[
            Transition(
                "request_certificate",
                source={Status.RECEIVED},
                target=Status.CERTIFICATE_REQUESTED,
                label=_("Demand a certificate on the premises"),
                note_required=True,
                effect="mass_events.services.notification_certificate_requested",
                note_to_applicant=True,
            ),
            Transition(
                "certificate_delivered",
                source={Status.CERTIFICATE_REQUESTED},
                target=Status.RECEIVED,
                label=_("Certificate delivered"),
                effect="mass_events.services.notification_certificate_delivered",
            ),
            Transition(
                "accept",
                source={Status.RECEIVED},
                target=Status.ACCEPTED,
                label=_("No objections (silent acceptance)"),
                closes_case=True,
            ),
            Transition(
                "ban",
                source={Status.RECEIVED, Status.CERTIFICATE_REQUESTED},
                target=Status.BAN_ISSUED,
                label=_("Ban the event"),
                note_required=True,
                effect="mass_events.services.notification_ban_issued",
            ),
            Transition(
                "ban_final",
                source={Status.BAN_ISSUED},
                target=Status.BAN_FINAL,
                label=_("No appeal: the ban is final"),
                effect="mass_events.services.notification_status_announced",
                closes_case=True,
            ),
            Transition(
                "appeal",
                source={Status.BAN_ISSUED},
                target=Status.APPEALED,
                label=_("Appeal received"),
                effect="mass_events.services.notification_appeal_filed",
            ),
            Transition(
                "appeal_upheld",
                source={Status.APPEALED},
                target=Status.BAN_UPHELD,
                label=_("The appeal body upheld the ban"),
                closes_case=True,
                note_required=True,
                effect="mass_events.services.notification_note_to_organiser",
                note_to_applicant=True,
            ),
            Transition(
                "appeal_overturned",
                source={Status.APPEALED},
                target=Status.BAN_OVERTURNED,
                label=_("The appeal body overturned the ban"),
                closes_case=True,
                note_required=True,
                effect="mass_events.services.notification_note_to_organiser",
                note_to_applicant=True,
            ),
            Transition(
                "consent_by_silence",
                source={Status.APPEALED},
                target=Status.CONSENT_BY_SILENCE,
                label=_("No appeal decision in 7 days: consent"),
                closes_case=True,
                effect="mass_events.services.notification_consent_by_silence",
            ),
            Transition(
                "withdraw",
                source={Status.RECEIVED, Status.CERTIFICATE_REQUESTED},
                target=Status.WITHDRAWN,
                label=_("Withdrawn by the organiser"),
                effect="mass_events.services.notification_status_announced",
                closes_case=True,
                note_required=True,
            ),
        ],
    )

    # Asked for the certificate on the premises and devices (u.o.p.d.k. art. 34), the organiser sends it from the
    # tracking page; sending it is the "certificate_delivered" transition (core.applicant_changes).
    applicant_changes = ApplicantChanges(
        statuses={Status.CERTIFICATE_REQUESTED},
        resubmit="certificate_delivered",
        form="mass_events.forms.CertificateDeliveryForm",
        label=_("Send the certificate"),
    )

    class Meta:
        verbose_name = _("notification of an artistic event")
        verbose_name_plural = _("notifications of artistic events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_notification_end_after_start"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="event_notif_status_start_idx")]

    def __str__(self):
        return f"{self.case_mark}: {self.event_name}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end must not be before the start.")})
