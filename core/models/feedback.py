from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models.base import TimeStampedModel


class Feedback(TimeStampedModel):
    """An opinion sent through "Prześlij opinię" (DOMAIN.md §F.5).

    Purpose-limited: the e-mail address is kept only when the sender wants an answer.
    """

    class Status(models.TextChoices):
        NEW = "new", _("new")
        READ = "read", _("read")
        ANSWERED = "answered", _("answered")

    message = models.TextField(_("opinion"), max_length=5000)
    page_path = models.CharField(
        _("page the opinion is about"),
        max_length=500,
        blank=True,
        help_text=_("Address on this portal, e.g. /wydzial/"),
    )
    contact_email = models.EmailField(_("e-mail for the answer"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW, editable=False)

    class Meta:
        verbose_name = _("opinion")
        verbose_name_plural = _("opinions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"], name="feedback_status_created_idx")]

    def __str__(self):
        return self.message[:60]
