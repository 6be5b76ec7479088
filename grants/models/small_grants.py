"""Small grants the city made outside the portal: they count towards the yearly limits of u.d.p.p. art. 19a."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.money import MONEY_FIELD
from grants.rules.small_grants import SMALL_GRANT_MAX_AMOUNT


class ExternalSmallGrant(TimeStampedModel):
    """A small grant (u.d.p.p. art. 19a) the City Hall gave outside this portal, e.g. by another department.

    The limits of art. 19a ust. 6 (20 000 zł to one organisation a calendar year) and ust. 7 (20 % of the
    subsidies planned for NGOs in the budget year) bind the Prezydent as the city's executive organ, so every
    small grant of the city counts, not only those handled here. The organisation is matched to offers by its
    register number however it is typed (`grants.services.register_key`).
    """

    organisation_name = models.CharField(_("organisation"), max_length=300)
    register_number = models.CharField(
        _("number in the KRS or another register"),
        max_length=50,
        help_text=_("E.g. KRS 0000123456. The yearly limit of the organisation is counted by this number."),
    )
    task_title = models.CharField(_("title of the public task"), max_length=300)
    amount = models.DecimalField(
        _("amount granted"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(SMALL_GRANT_MAX_AMOUNT)],
        help_text=_("At most 10 000 zł (u.d.p.p. art. 19a ust. 1)."),
        **MONEY_FIELD,
    )
    granted_on = models.DateField(
        _("agreement signed on"), help_text=_("The calendar year of this date is the year the grant counts in.")
    )
    granted_by = models.CharField(
        _("granted by"), max_length=200, blank=True, help_text=_("E.g. Wydział Sportu i Rekreacji.")
    )
    reference = models.CharField(_("agreement number"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("small grant made outside the portal")
        verbose_name_plural = _("small grants made outside the portal")
        ordering = ["-granted_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="external_small_grant_amount_positive"),
        ]
        indexes = [models.Index(fields=["granted_on"], name="external_small_grant_date_idx")]

    def __str__(self):
        return f"{self.organisation_name}: {self.task_title} ({self.granted_on:%d.%m.%Y})"
