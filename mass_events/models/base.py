"""What the two case models of the duty share: the organiser who files, the event's name, place and time."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Case


class OrganisedEventCase(Case):
    """A case an event's organiser files: a permit application (u.b.i.m.) or a notification (u.o.p.d.k.).

    Holds the organiser and the contact person (the personal data retention clears), the event's name, place,
    start and end, the expected participants and the day of receipt the statutory clocks count from. A subclass
    overrides a field only where its act words it differently (e.g. the notification's optional phone).
    """

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "5240"}
    PERSONAL_DATA_FIELDS = (
        "organiser_address",
        "correspondence_address",
        "contact_name",
        "contact_email",
        "contact_phone",
    )
    APPLICANT_NAME_FIELDS = ("organiser_name", "contact_name")
    APPLICANT_EMAIL_FIELD = "contact_email"

    organiser_name = models.CharField(_("organiser's name"), max_length=200)
    organiser_address = models.CharField(_("address or registered seat"), max_length=300)
    correspondence_address = models.CharField(
        _("correspondence address"), max_length=300, blank=True, help_text=_("Only if different from the above.")
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30)
    event_name = models.CharField(_("name of the event"), max_length=200)
    venue = models.CharField(_("place of the event"), max_length=300, help_text=_("Name and address."))
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    expected_participants = models.PositiveIntegerField(_("expected number of participants"))
    received_on = models.DateField(_("received on"), editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.case_mark}: {self.event_name}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end must not be before the start.")})


class AppealOutcome(models.TextChoices):
    """What the appeal body decided on an appeal (k.p.a. art. 138)."""

    UPHELD = "upheld", _("upheld (k.p.a. art. 138 § 1 pkt 1)")
    OVERTURNED = "overturned", _("overturned (k.p.a. art. 138 § 1 pkt 2)")
    REMITTED = "remitted", _("remitted for re-examination (k.p.a. art. 138 § 2)")


class AppealRecord(models.Model):
    """The appeal against the Prezydent's decision (a permit decision or a ban) on its way to the SKO and back.

    k.p.a. art. 133: the appeal is forwarded with the files to the samorządowe kolegium odwoławcze within 7 days of
    its receipt (`appeal_forwarded_on`, stamped by the "forward_appeal" transition); art. 138: the SKO upholds the
    decision (§ 1 pkt 1), overturns it (§ 1 pkt 2) or remits the case for re-examination (§ 2). The clerk records
    the SKO's decision number and date before choosing the outcome's transition, which stamps `appeal_outcome`.
    """

    appeal_forwarded_on = models.DateField(_("appeal forwarded to the SKO on"), null=True, blank=True, editable=False)
    appeal_decision_number = models.CharField(
        _("SKO decision number"), max_length=60, blank=True, help_text=_("E.g. SKO.4100.123.2026.")
    )
    appeal_decided_on = models.DateField(
        _("SKO decision date"),
        null=True,
        blank=True,
        help_text=_(
            "The date on the appeal body's decision; fill it in with its number before recording the outcome."
        ),
    )
    appeal_outcome = models.CharField(
        _("outcome of the appeal"), max_length=20, choices=AppealOutcome, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        today = timezone.localdate()
        if self.appeal_decided_on and self.appeal_decided_on > today:
            raise ValidationError({"appeal_decided_on": _("The SKO's decision date cannot be in the future.")})
        if self.appeal_decided_on and self.appeal_forwarded_on and self.appeal_decided_on < self.appeal_forwarded_on:
            raise ValidationError(
                {"appeal_decided_on": _("The SKO cannot have decided before the appeal was forwarded to it.")}
            )
