"""The scholarship contract's payment schedule (DOMAIN.md §D.2). Re-exported by awards.models."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.models import AwardApplication
from core.money import MONEY_FIELD


class ScholarshipPayment(models.Model):
    """An instalment of a scholarship in the contract's payment schedule (DOMAIN.md §D.2: periodic or one sum).

    The clerk enters the schedule before the contract is signed (its amounts add up to the amount granted) and
    the day each instalment was transferred; "paid" waits for the last one.
    """

    application = models.ForeignKey(
        AwardApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="payments"
    )
    position = models.PositiveSmallIntegerField(_("no."), default=0)
    due_on = models.DateField(_("to be paid by"))
    amount = models.DecimalField(_("amount"), **MONEY_FIELD)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        verbose_name = _("instalment")
        verbose_name_plural = _("payment schedule")
        ordering = ["application", "position", "due_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="scholarship_payment_positive")]

    def __str__(self):
        return f"{self.position}: {self.amount}"
