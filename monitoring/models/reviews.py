"""The press review (przegląd prasy) for the Mayor and the heads of units, from the mentions a clerk selected.

DOMAIN.md §F.4 [K]. Daily or weekly; sent as a PDF (WeasyPrint) and as an e-mail through the outbox with each
mention's outlet, date, headline, link and an excerpt within the quotation limits: a review quotes fragments, never
whole articles (prawo autorskie art. 25 ust. 1 pkt 1 lit. b and art. 29 [K]; `REVIEW_EXCERPT_MAX_CHARS`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from monitoring.models.mentions import MediaMention

#: [K] The longest excerpt of one mention a review quotes (prawo autorskie art. 25 and 29: fragments only).
REVIEW_EXCERPT_MAX_CHARS = 400


class PressReview(TimeStampedModel):
    """A daily or weekly press review: the mentions a clerk selected, as a PDF and an e-mail."""

    class Kind(models.TextChoices):
        DAILY = "daily", _("daily review")
        WEEKLY = "weekly", _("weekly review")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.DAILY)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    title = models.CharField(_("title"), max_length=200, help_text=_("E.g. “Press review of 9 March 2026”."))
    mentions = models.ManyToManyField(MediaMention, verbose_name=_("media mentions"), related_name="reviews")
    recipients = models.TextField(
        _("recipients"),
        help_text=_("E-mail addresses of the Mayor and the heads of units, one a line."),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("press review")
        verbose_name_plural = _("press reviews")
        ordering = ["-period_end", "-pk"]

    def __str__(self):
        return self.title

    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = gettext("The end of the period cannot be before its start.")
        bad = []
        for address in self.recipient_list():
            try:
                validate_email(address)
            except ValidationError:
                bad.append(address)
        if bad:
            errors["recipients"] = gettext("Not an e-mail address: %(addresses)s.") % {"addresses": ", ".join(bad)}
        if errors:
            raise ValidationError(errors)
