"""Occasional letters and speeches (listy okolicznościowe i przemówienia) drafted for the Mayor.

DOMAIN.md §I.4 [K]. A request moves requested → draft → in review → approved → signed → sent through the
kernel workflow. Every saved text is a new `OccasionalLetterVersion` row: a version is never overwritten
(its `save` and its queryset's `update` refuse), so the archive shows who wrote what and when, and which
version was approved. Clerks start a draft from a `LetterTemplate` of the template library. Admin only:
nothing here is public.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.html import SanitisedHTMLField
from core.models import TimeStampedModel
from core.workflow import Transition, Workflow


class LetterKind(models.TextChoices):
    LETTER = "letter", _("letter")
    SPEECH = "speech", _("speech")


class LetterOccasion(models.TextChoices):
    CONGRATULATIONS = "congratulations", _("congratulations")
    JUBILEE = "jubilee", _("jubilee")
    CONDOLENCES = "condolences", _("condolences")
    THANKS = "thanks", _("thanks")
    GREETINGS = "greetings", _("greetings")
    OPENING = "opening", _("opening of an event")
    FOREWORD = "foreword", _("foreword")
    OTHER = "other", _("other occasion")


class LetterTemplate(TimeStampedModel):
    """A named model text of the template library, by occasion; a clerk starts a draft from it."""

    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. “Jubilee of a culture centre”."))
    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind, default=LetterKind.LETTER)
    occasion_kind = models.CharField(
        _("occasion"), max_length=20, choices=LetterOccasion, default=LetterOccasion.CONGRATULATIONS
    )
    text = SanitisedHTMLField(
        _("text"), help_text=_("Fill-in places in square brackets, e.g. “[name of the institution]”.")
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        ordering = ["occasion_kind", "name"]

    def __str__(self):
        return self.name


class OccasionalLetter(TimeStampedModel):
    """A request for an occasional letter or speech of the Mayor, its drafts (versions) and its dispatch."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        DRAFT = "draft", pgettext_lazy("letter status", "draft")
        IN_REVIEW = "in_review", pgettext_lazy("letter status", "in review")
        APPROVED = "approved", pgettext_lazy("letter status", "approved")
        SIGNED = "signed", pgettext_lazy("letter status", "signed")
        SENT = "sent", pgettext_lazy("letter status", "sent")
        CANCELLED = "cancelled", pgettext_lazy("letter status", "cancelled")

    # A new text may be saved only while the letter is being written or reviewed.
    EDITABLE_STATUSES = (Status.REQUESTED, Status.DRAFT, Status.IN_REVIEW)
    # The date needed is a deadline in the Terminarz until the letter is sent (or cancelled).
    OPEN_STATUSES = (Status.REQUESTED, Status.DRAFT, Status.IN_REVIEW, Status.APPROVED, Status.SIGNED)

    kind = models.CharField(_("kind"), max_length=20, choices=LetterKind, default=LetterKind.LETTER)
    occasion_kind = models.CharField(
        _("occasion"), max_length=20, choices=LetterOccasion, default=LetterOccasion.CONGRATULATIONS
    )
    occasion = models.CharField(
        _("occasion in detail"), max_length=300, help_text=_("E.g. “50 years of the Municipal Culture Centre”.")
    )
    addressee = models.CharField(
        _("addressee or audience"),
        max_length=300,
        help_text=_("E.g. “Director of the Municipal Culture Centre” or “guests of the gala”."),
    )
    needed_on = models.DateField(_("date needed"), help_text=_("When the letter must be handed over or read."))
    requested_by = models.CharField(
        _("requested by"), max_length=200, help_text=_("E.g. “Mayor's office” or the name of the person asking.")
    )
    signatory = models.CharField(
        _("signed by"), max_length=200, blank=True, help_text=_("E.g. “Mayor of the City” or “Deputy Mayor”.")
    )
    delivered_how = models.CharField(
        _("delivered how"), max_length=200, blank=True, help_text=_("E.g. “by post”, “read at the gala”.")
    )
    notes = models.TextField(_("notes"), blank=True)
    template = models.ForeignKey(
        LetterTemplate,
        verbose_name=_("started from template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.REQUESTED, editable=False)
    approved_version = models.ForeignKey(
        "press.OccasionalLetterVersion",
        verbose_name=_("approved version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    workflow = Workflow(
        action_prefix="press.letter",
        transitions=[
            Transition("start_draft", source={Status.REQUESTED}, target=Status.DRAFT, label=_("Start the draft")),
            Transition(
                "submit",
                source={Status.DRAFT},
                target=Status.IN_REVIEW,
                label=_("Send for review"),
                guard="press.services.letter_check_submit",
            ),
            Transition(
                "return_to_draft",
                source={Status.IN_REVIEW, Status.APPROVED},
                target=Status.DRAFT,
                label=_("Return to the author"),
                note_required=True,
                effect="press.services.on_letter_return",
            ),
            Transition(
                "approve",
                source={Status.IN_REVIEW},
                target=Status.APPROVED,
                label=_("Approve the latest version"),
                effect="press.services.on_letter_approve",
            ),
            Transition("sign", source={Status.APPROVED}, target=Status.SIGNED, label=_("Mark as signed")),
            Transition(
                "send",
                source={Status.SIGNED},
                target=Status.SENT,
                label=_("Mark as sent"),
                effect="press.services.on_letter_send",
            ),
            Transition(
                "cancel",
                source={Status.REQUESTED, Status.DRAFT, Status.IN_REVIEW, Status.APPROVED, Status.SIGNED},
                target=Status.CANCELLED,
                label=_("Cancel the request"),
                note_required=True,
            ),
        ],
    )

    class Meta:
        verbose_name = _("occasional letter or speech")
        verbose_name_plural = _("occasional letters and speeches")
        ordering = ["-needed_on", "-pk"]
        indexes = [models.Index(fields=["status", "needed_on"], name="press_letter_open_idx")]

    def __str__(self):
        return self.occasion


class OccasionalLetterVersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("A saved version of a letter cannot be changed: save a new version instead."))


class OccasionalLetterVersion(models.Model):
    """One saved text of a letter: immutable, numbered 1, 2, 3… per letter (press.services.letter_version_add)."""

    letter = models.ForeignKey(
        OccasionalLetter, verbose_name=_("letter or speech"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    # Written in the admin's editor; sanitised on save (core.html), shown as HTML in the list of versions.
    text = SanitisedHTMLField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    objects = OccasionalLetterVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("version of a letter")
        verbose_name_plural = _("versions of a letter")
        ordering = ["letter", "-number"]
        constraints = [models.UniqueConstraint(fields=["letter", "number"], name="press_letter_version_unique")]

    def __str__(self):
        return _("version %(number)d") % {"number": self.number}

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A saved version of a letter cannot be changed: save a new version instead."))
        super().save(*args, **kwargs)


__all__ = ["LetterKind", "LetterOccasion", "LetterTemplate", "OccasionalLetter", "OccasionalLetterVersion"]
