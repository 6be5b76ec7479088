"""The portal's own accessibility evidence: the last automated check of each type of public page (issue 22 item 4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessibilityCheck(models.Model):
    """The last automated check (axe-core, WCAG 2.2 A and AA) of one type of public page.

    Written by `manage.py check_accessibility` (accessibility.monitoring), one row per page type, replaced by each run;
    the coordinator's monitoring page shows them with their dates (ustawa z 4.04.2019 art. 5 and art. 10: the
    declaration's compliance status rests on such checks; DOMAIN.md §G.4).
    """

    page_type = models.CharField(_("type of page"), max_length=60, unique=True)
    label = models.CharField(_("page"), max_length=200)
    url = models.CharField(_("address checked"), max_length=500)
    checked_at = models.DateTimeField(_("checked at"))
    violations = models.PositiveIntegerField(_("violations"), default=0)
    details = models.JSONField(_("violations found"), default=list, blank=True)
    fits_320 = models.BooleanField(_("fits a 320 px screen"), default=True)
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("automated accessibility check")
        verbose_name_plural = _("automated accessibility checks")
        ordering = ["page_type"]

    def __str__(self):
        return f"{self.label} ({self.checked_at:%Y-%m-%d})"

    @property
    def passed(self) -> bool:
        return not self.error and not self.violations and self.fits_320
