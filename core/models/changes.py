"""Versions of a case changed by its applicant after the department asked for changes (core.applicant_changes)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantChange(models.Model):
    """One set of changes an applicant sent from the tracking page: the case as it was and as it became.

    `before` and `after` are the case as the applicant's form shows it, a list of [key, label, text] rows
    (labels and texts as the applicant saw them), so the clerk can compare versions even when a related
    record has changed since. The retention purge replaces the texts with "[usunięto]".
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    before = models.JSONField(_("before the change"), default=list)
    after = models.JSONField(_("after the change"), default=list)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("changes sent by the applicant")
        verbose_name_plural = _("changes sent by the applicant")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="applicant_change_case_idx")]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.created_at:%Y-%m-%d %H:%M}"

    def differences(self) -> list[tuple[str, str, str]]:
        """(label, before, after) of every row whose text changed, in the order of the form."""
        before = {key: (label, text) for key, label, text in self.before}
        rows = []
        for key, label, text in self.after:
            old = before.pop(key, (label, "—"))[1]
            if old != text:
                rows.append((label, old, text))
        rows.extend((label, text, "—") for label, text in before.values())
        return rows
