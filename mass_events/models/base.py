"""What the two case models of the duty share: the organiser who files, the event's name, place and time."""

from django.core.exceptions import ValidationError
from django.db import models
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
