"""Subscriptions (print and online licences such as legal databases) and the routing of periodicals between the
City Hall's departments (obieg czasopism), DOMAIN.md §H [K].

A subscription's routing list orders the departments a new issue goes to; each issue logged copies that list into
its own stops, so a later change of the list never rewrites where an issue has been. The current holder of an issue
is its first stop not yet passed on; when every stop has passed it on, the issue is back in the library.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel
from core.money import MONEY_FIELD
from library.models.catalogue import LibraryItem
from library.validators import normalise_issn, validate_issn

#: [K] The renewal of a subscription appears in the Terminarz 30 days before it ends (time to order and pay).
DEFAULT_RENEWAL_NOTICE_DAYS = 30


class Department(TimeStampedModel):
    """A department (wydział, biuro) of the City Hall that periodicals are routed to."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    symbol = models.CharField(_("symbol"), max_length=20, blank=True, help_text=_("E.g. FN or KS."))
    room = models.CharField(_("room"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("City Hall department")
        verbose_name_plural = _("City Hall departments")
        ordering = ["name"]

    def __str__(self):
        return f"{self.symbol} — {self.name}" if self.symbol else self.name


class Subscription(TimeStampedModel):
    """A paid subscription of a periodical or an online licence, for one period."""

    class Kind(models.TextChoices):
        PRINT = "print", _("print periodical")
        ONLINE = "online", _("online licence")

    title = models.CharField(_("title"), max_length=300, help_text=_("E.g. Wspólnota or LEX Samorząd Terytorialny."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PRINT)
    issn = models.CharField(_("ISSN"), max_length=9, blank=True, validators=[validate_issn])
    supplier = models.CharField(_("supplier"), max_length=200)
    starts_on = models.DateField(_("period starts on"))
    ends_on = models.DateField(_("period ends on"))
    cost = models.DecimalField(_("cost"), **MONEY_FIELD)
    order_document = models.CharField(_("order or invoice"), max_length=200, blank=True)
    licence_users = models.PositiveSmallIntegerField(_("licensed users"), null=True, blank=True)
    url = models.URLField(_("address of the online service"), blank=True)
    renewal_notice_days = models.PositiveSmallIntegerField(
        _("renewal in the Terminarz (days before the end)"), default=DEFAULT_RENEWAL_NOTICE_DAYS
    )
    renewed = models.BooleanField(_("renewed"), default=False, help_text=_("Ticked once the next period is ordered."))
    routing_departments = models.ManyToManyField(
        Department, verbose_name=_("routing list"), through="RoutingStop", blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["title", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="library_subscription_period"
            ),
            models.CheckConstraint(condition=Q(cost__gte=0), name="library_subscription_cost_not_negative"),
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_on:%Y})"

    def clean(self):
        self.issn = normalise_issn(self.issn)


class RoutingStop(models.Model):
    """A department's place on a subscription's routing list."""

    subscription = models.ForeignKey(
        Subscription, verbose_name=_("subscription"), on_delete=models.CASCADE, related_name="routing_stops"
    )
    department = models.ForeignKey(Department, verbose_name=_("department"), on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        verbose_name = _("routing list stop")
        verbose_name_plural = _("routing list")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "department"], name="library_routing_department_once")
        ]

    def __str__(self):
        return f"{self.position}. {self.department}"


class PeriodicalIssue(TimeStampedModel):
    """An issue of a subscribed periodical, logged on arrival and routed along its subscription's list."""

    subscription = models.ForeignKey(
        Subscription, verbose_name=_("subscription"), on_delete=models.PROTECT, related_name="issues"
    )
    designation = models.CharField(_("issue"), max_length=60, help_text=_("As printed, e.g. 12/2026."))
    received_on = models.DateField(_("received on"))
    item = models.OneToOneField(
        LibraryItem,
        verbose_name=_("item in the inventory book"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="periodical_issue",
    )

    class Meta:
        verbose_name = _("periodical issue")
        verbose_name_plural = _("periodical issues")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "designation"], name="library_issue_logged_once")
        ]

    def __str__(self):
        return f"{self.subscription.title} {self.designation}"


class IssueRoutingStop(models.Model):
    """Where one issue goes, in order: received by the department, then passed on to the next."""

    issue = models.ForeignKey(
        PeriodicalIssue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="routing"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("order"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    passed_on = models.DateField(_("passed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("issue routing stop")
        verbose_name_plural = _("issue routing")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["issue", "position"], name="library_issue_stop_position")]

    def __str__(self):
        return f"{self.position}. {self.department}"
