"""Notifications of artistic events held outside the organiser's seat (u.o.p.d.k. art. 34–37)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.fieldsets import Fieldset
from core.workflow import ApplicantChanges, Transition, Workflow
from mass_events.models.base import AppealRecord, OrganisedEventCase


class EventNotification(AppealRecord, OrganisedEventCase):
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
        APPEAL_FORWARDED = "appeal_forwarded", _("appeal forwarded to the SKO")
        BAN_UPHELD = "ban_upheld", _("ban upheld on appeal")
        BAN_OVERTURNED = "ban_overturned", _("ban overturned on appeal")
        CONSENT_BY_SILENCE = "consent_by_silence", _("consent: no appeal decision within 7 days")
        WITHDRAWN = "withdrawn", _("withdrawn by the organiser")

    CASE_OPENED_SUBJECT = _("Your event notification has been received — %(mark)s")
    # The personal data among them: OrganisedEventCase.PERSONAL_DATA_FIELDS.
    # What the organiser states (u.o.p.d.k. art. 34), in the public form's groups; the clerk's page shows the same.
    APPLICANT_FIELDSETS = (
        Fieldset(
            _("The organiser"),
            (
                "organiser_name",
                "organiser_address",
                "correspondence_address",
                "is_city_institution",
                "contact_name",
                "contact_email",
                "contact_phone",
            ),
        ),
        Fieldset(
            _("The event"),
            (
                "event_name",
                "event_type",
                "character",
                "venue",
                "starts_at",
                "ends_at",
                "expected_participants",
                "is_cyclic",
                "cycle_description",
            ),
        ),
        Fieldset(_("Safety and accessibility"), ("safety_measures", "accessibility_measures")),
    )

    # The organiser, the event's name, place and time: OrganisedEventCase.
    is_city_institution = models.BooleanField(_("the organiser is a city cultural institution"), default=False)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    event_type = models.CharField(
        _("type of the event"), max_length=200, help_text=_("E.g. an open-air concert, a touring theatre show.")
    )
    character = models.CharField(
        _("character of the event"), max_length=300, help_text=_("E.g. open to all, free; ticketed; for families.")
    )
    ends_at = models.DateTimeField(_("planned end"))
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
        _("ban delivered on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the organiser received the ban (the return receipt or the ePUAP confirmation). It must be "
            "delivered by the ban deadline (u.o.p.d.k. art. 36 ust. 1); the 3 days to appeal run from it."
        ),
    )
    appeal_filed_on = models.DateField(
        _("appeal filed on"),
        null=True,
        blank=True,
        help_text=_(
            "Stamped with the day it is recorded; correct it to the real day of filing. The appeal body's 7 days "
            "(u.o.p.d.k. art. 36 ust. 3) and the 7 days to forward it to the SKO (k.p.a. art. 133) run from it."
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
                effect="mass_events.services.notifications.on_notification_request_certificate",
                note_to_applicant=True,
                note_message="mass_events.services.notifications.notification_message_request_certificate",
            ),
            Transition(
                "certificate_delivered",
                source={Status.CERTIFICATE_REQUESTED},
                target=Status.RECEIVED,
                label=_("Certificate delivered"),
                effect="mass_events.services.notifications.on_notification_deliver_certificate",
                announce_status=True,
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
                guard="mass_events.services.notifications.notification_check_ban",
                effect="mass_events.services.notifications.on_notification_ban",
            ),
            Transition(
                "ban_final",
                source={Status.BAN_ISSUED},
                target=Status.BAN_FINAL,
                label=_("No appeal: the ban is final"),
                guard="mass_events.services.notifications.notification_check_ban_final",
                announce_status=True,
                closes_case=True,
            ),
            Transition(
                "appeal",
                source={Status.BAN_ISSUED},
                target=Status.APPEALED,
                label=_("Appeal received"),
                effect="mass_events.services.notifications.on_notification_appeal",
            ),
            Transition(
                "forward_appeal",
                source={Status.APPEALED},
                target=Status.APPEAL_FORWARDED,
                label=_("Appeal forwarded to the SKO with the files"),
                effect="mass_events.services.notifications.on_notification_forward_appeal",
                announce_status=True,
            ),
            Transition(
                "appeal_upheld",
                source={Status.APPEAL_FORWARDED},
                target=Status.BAN_UPHELD,
                label=_("The SKO upheld the ban"),
                closes_case=True,
                guard="mass_events.services.notifications.notification_check_appeal_upheld",
                effect="mass_events.services.notifications.on_notification_appeal_upheld",
                note_to_applicant=True,
                note_message="mass_events.services.notifications.notification_message_appeal_outcome",
            ),
            Transition(
                "appeal_overturned",
                source={Status.APPEAL_FORWARDED},
                target=Status.BAN_OVERTURNED,
                label=_("The SKO overturned the ban"),
                closes_case=True,
                guard="mass_events.services.notifications.notification_check_appeal_overturned",
                effect="mass_events.services.notifications.on_notification_appeal_overturned",
                note_to_applicant=True,
                note_message="mass_events.services.notifications.notification_message_appeal_outcome",
            ),
            Transition(
                "appeal_remitted",
                source={Status.APPEAL_FORWARDED},
                target=Status.RECEIVED,
                label=_("The SKO remitted the case: examine the notification again"),
                guard="mass_events.services.notifications.notification_check_appeal_remitted",
                effect="mass_events.services.notifications.on_notification_appeal_remitted",
                note_to_applicant=True,
                note_message="mass_events.services.notifications.notification_message_appeal_outcome",
            ),
            Transition(
                "consent_by_silence",
                source={Status.APPEALED, Status.APPEAL_FORWARDED},
                target=Status.CONSENT_BY_SILENCE,
                label=_("No appeal decision in 7 days: consent"),
                closes_case=True,
                guard="mass_events.services.notifications.notification_check_consent_by_silence",
                effect="mass_events.services.notifications.on_notification_consent_by_silence",
            ),
            Transition(
                "withdraw",
                source={Status.RECEIVED, Status.CERTIFICATE_REQUESTED},
                target=Status.WITHDRAWN,
                label=_("Withdrawn by the organiser"),
                announce_status=True,
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

    def clean(self):
        super().clean()
        if self.ban_delivered_on:
            if self.ban_delivered_on > timezone.localdate():
                raise ValidationError({"ban_delivered_on": _("The delivery date cannot be in the future.")})
            if not self.ban_issued_on:
                raise ValidationError({"ban_delivered_on": _("No ban has been issued yet: nothing was delivered.")})
            if self.ban_delivered_on < self.ban_issued_on:
                raise ValidationError(
                    {"ban_delivered_on": _("The ban cannot have been delivered before it was issued.")}
                )
