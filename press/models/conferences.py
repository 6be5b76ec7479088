"""Press conferences and journalists' accreditation requests (DOMAIN.md §F.2 [K — no statute]).

Accreditation is not regulated by statute: the form closes a configurable number of hours before the
conference (typically 24–48 h, [K]). Journalists' access to information from public bodies follows
Prawo prasowe art. 3a (ustawa o dostępie do informacji publicznej).
"""

from datetime import timedelta

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.fieldsets import Fieldset
from core.html import SanitisedHTMLField
from core.models import Case, TimeStampedModel
from core.slugs import unique_slug
from core.workflow import Transition, Workflow

# [K] DOMAIN.md §F.2: "typical deadline: 24–48 h before". The default of a new conference; each
# conference can set its own.
DEFAULT_ACCREDITATION_HOURS_BEFORE = 24


class PressConferenceQuerySet(models.QuerySet):
    def public(self):
        """Conferences the public may see: announced, held or cancelled (a draft never)."""
        return self.filter(status__in=PressConference.PUBLIC_STATUSES)


class PressConference(TimeStampedModel):
    """A press conference: announcement page, invitation e-mail, accreditation, materials afterwards."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ANNOUNCED = "announced", _("announced")
        HELD = "held", _("held")
        CANCELLED = "cancelled", pgettext_lazy("conference status", "cancelled")

    PUBLIC_STATUSES = (Status.ANNOUNCED, Status.HELD, Status.CANCELLED)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=220, unique=True, blank=True)
    topic = models.CharField(_("topic"), max_length=400, help_text=_("One or two sentences: what it is about."))
    starts_at = models.DateTimeField(_("starts at"))
    venue = models.CharField(
        _("place"), max_length=300, help_text=_("E.g. Urząd Miasta, sala sesyjna, pl. Jana Pawła II 6.")
    )
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line, with their function."))
    accreditation_hours_before = models.PositiveSmallIntegerField(
        _("accreditation closes (hours before)"),
        default=DEFAULT_ACCREDITATION_HOURS_BEFORE,
        help_text=_("The public form closes this many hours before the start."),
    )
    accreditation_required = models.BooleanField(_("accreditation required"), default=True)
    materials = SanitisedHTMLField(
        _("materials after the conference"),
        blank=True,
        help_text=_("Published on the page once the conference is held."),
    )
    release = models.ForeignKey(
        "press.PressRelease",
        verbose_name=_("press release after the conference"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conferences",
    )
    media_lists = models.ManyToManyField(
        "press.MediaList", verbose_name=_("invite media lists"), blank=True, related_name="conferences"
    )
    invitation_sent_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False)

    objects = PressConferenceQuerySet.as_manager()
    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="press.conference",
        transitions=[
            Transition(
                "announce",
                source={Status.DRAFT},
                target=Status.ANNOUNCED,
                label=_("Announce and invite the media"),
                effect="press.services.on_conference_announce",
            ),
            Transition("mark_held", source={Status.ANNOUNCED}, target=Status.HELD, label=_("Mark as held")),
            Transition(
                "cancel",
                source={Status.DRAFT, Status.ANNOUNCED},
                target=Status.CANCELLED,
                label=_("Cancel the conference"),
                note_required=True,
            ),
        ],
    )

    class Meta:
        verbose_name = _("press conference")
        verbose_name_plural = _("press conferences")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                PressConference.objects.all(),
                self.title,
                fallback="konferencja",
                route_name="press:conference_detail",
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("press:conference_detail", kwargs={"slug": self.slug})

    @property
    def accreditation_closes_at(self):
        return self.starts_at - timedelta(hours=self.accreditation_hours_before)

    def accreditation_open(self, now=None) -> bool:
        """Whether the public accreditation form takes requests at `now` (DOMAIN.md §F.2 [K])."""
        now = now or timezone.now()
        return (
            self.accreditation_required and self.status == self.Status.ANNOUNCED and now < self.accreditation_closes_at
        )


class Accreditation(Case):
    """A journalist's request for accreditation to a press conference: a case the clerk accepts or rejects."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", pgettext_lazy("accreditation status", "rejected")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "0420"}
    PERSONAL_DATA_FIELDS = ("full_name", "email", "phone", "press_card_number", "crew")
    # What the journalist states, in the public form's groups; the clerk's page shows the same, read-only.
    APPLICANT_FIELDSETS = (
        Fieldset(_("Journalist"), ("full_name", "outlet_name", "role", "press_card_number")),
        Fieldset(_("Contact"), ("email", "phone")),
        Fieldset(_("Crew and equipment"), ("crew", "equipment", "recording_consent")),
    )
    APPLICANT_NAME_FIELDS = ("full_name", "outlet_name")
    APPLICANT_EMAIL_FIELD = "email"
    CASE_OPENED_SUBJECT = _("Your accreditation request has been received — %(mark)s")

    conference = models.ForeignKey(
        PressConference, verbose_name=_("press conference"), on_delete=models.PROTECT, related_name="accreditations"
    )
    full_name = models.CharField(_("first name and surname"), max_length=200)
    outlet_name = models.CharField(_("media outlet"), max_length=200)
    role = models.CharField(_("role"), max_length=100, help_text=_("E.g. reporter, photographer, camera operator."))
    press_card_number = models.CharField(_("press card number"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    crew = models.TextField(
        _("crew"), max_length=1000, blank=True, help_text=_("Other members of the crew: name and role, one per line.")
    )
    equipment = models.TextField(
        _("equipment"), max_length=1000, blank=True, help_text=_("E.g. camera with a tripod, microphone, drone.")
    )
    recording_consent = models.BooleanField(
        _("I know the conference is recorded and streamed"),
        default=False,
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.REQUESTED, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="press.accreditation",
        transitions=[
            Transition(
                "accept",
                source={Status.REQUESTED, Status.REJECTED},
                target=Status.ACCEPTED,
                label=_("Accept"),
                closes_case=True,
                note_to_applicant=True,
                note_message="press.services.accreditation_message_decide",
            ),
            Transition(
                "reject",
                source={Status.REQUESTED, Status.ACCEPTED},
                target=Status.REJECTED,
                label=_("Reject"),
                closes_case=True,
                note_required=True,
                note_to_applicant=True,
                note_message="press.services.accreditation_message_decide",
            ),
        ],
    )

    class Meta:
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.case_mark}: {self.outlet_name}"
