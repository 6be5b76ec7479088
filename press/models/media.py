"""Media contacts (outlets and journalists), mailing lists and the log of what was sent to whom.

Journalists' names and e-mail addresses are personal data: each contact records the legal basis of
processing (RODO art. 6 ust. 1 — lit. e, the city's public task of informing the press under Prawo
prasowe art. 4, or lit. a, consent), and a contact who unsubscribed is never mailed again (RODO art. 21
objection / art. 7 ust. 3 withdrawal of consent). DOMAIN.md §F.1, §J.3 [K].
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import InformationClause, OutboxMessage, TimeStampedModel


class MediaOutlet(TimeStampedModel):
    """A newspaper, portal, radio or television station the office works with."""

    class Kind(models.TextChoices):
        DAILY = "daily", _("daily newspaper")
        PERIODICAL = "periodical", _("periodical")
        ONLINE = "online", _("online portal")
        RADIO = "radio", _("radio")
        TV = "tv", _("television")
        AGENCY = "agency", _("press agency")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ONLINE)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("media outlet")
        verbose_name_plural = _("media outlets")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MediaList(TimeStampedModel):
    """A distribution list (e.g. "Local media", "Culture journalists") releases and invitations are sent to."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("media list")
        verbose_name_plural = _("media lists")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MediaContactQuerySet(models.QuerySet):
    def mailable(self):
        """Contacts that may be mailed: not unsubscribed."""
        return self.filter(unsubscribed_at__isnull=True)


class MediaContact(TimeStampedModel):
    """A journalist or an editorial office address, with beats, lists and the legal basis of processing."""

    LegalBasis = InformationClause.LegalBasis

    name = models.CharField(
        _("name"), max_length=200, help_text=_("A person or an editorial office, e.g. “Newsroom”.")
    )
    email = models.EmailField(_("e-mail"), unique=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    outlet = models.ForeignKey(
        MediaOutlet,
        verbose_name=_("outlet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    beats = models.CharField(_("beats"), max_length=300, blank=True, help_text=_("E.g. culture, sport, investments."))
    lists = models.ManyToManyField(MediaList, verbose_name=_("lists"), blank=True, related_name="contacts")
    legal_basis = models.CharField(
        _("legal basis of processing"), max_length=20, choices=LegalBasis, default=LegalBasis.PUBLIC_TASK
    )
    legal_basis_note = models.CharField(
        _("source of the data"),
        max_length=300,
        blank=True,
        help_text=_("E.g. “business card at the press conference of 12.03.2026” or “consent form of 5.01.2026”."),
    )
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True, editable=False)

    objects = MediaContactQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class DistributionLogEntry(models.Model):
    """One e-mail of a distribution: which release or invitation went to which contact, through which list."""

    release = models.ForeignKey(
        "press.PressRelease",
        verbose_name=_("press release"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="distribution_log",
    )
    conference = models.ForeignKey(
        "press.PressConference",
        verbose_name=_("press conference"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="distribution_log",
    )
    contact = models.ForeignKey(
        MediaContact, verbose_name=_("media contact"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    media_list = models.ForeignKey(
        MediaList, verbose_name=_("media list"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        OutboxMessage, verbose_name=_("e-mail"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("distribution log entry")
        verbose_name_plural = _("distribution log")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["release", "contact"], name="press_distribution_once_per_release"),
            models.UniqueConstraint(fields=["conference", "contact"], name="press_invitation_once_per_conference"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} → {self.contact or '—'}"
