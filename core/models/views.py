"""How many times residents opened a piece of public information (the metryczka's "number of views")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicRecordViews(models.Model):
    """The number of views of one public record, by its kind of public information (core.public_information).

    Counted by `core.public_information.RecordViewsMiddleware` with one UPDATE … SET views = views + 1 per view of
    an anonymous reader who is not a robot; never saved through a model's signals, so a view neither writes a
    version of the record nor renews the page cache.
    """

    kind = models.CharField(_("kind of public information"), max_length=60)
    record_id = models.PositiveBigIntegerField(_("record"))
    views = models.PositiveBigIntegerField(_("number of views"), default=0)

    class Meta:
        verbose_name = _("number of views")
        verbose_name_plural = _("numbers of views")
        constraints = [models.UniqueConstraint(fields=["kind", "record_id"], name="public_record_views_once")]

    def __str__(self):
        return f"{self.kind} {self.record_id}: {self.views}"
