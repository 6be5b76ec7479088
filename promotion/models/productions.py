"""The production record of the city's own and co-organised events (duty 4 of the department).

No statute governs how the city produces its own festival: the record is the department's working file [K]. It keeps
the kind of event with its checklist (each item becomes a task when the record is created), the budget lines with what
was planned and what was spent, the tasks with their owner and due date (each open task is a clock in the Terminarz),
the partners with their co-organisation agreements, the links to the mass-event permit (u.b.i.m. art. 25, mass_events
app), the press release (press app) and the calendar entry (events app), and after the event a short report with the
attendance and the costs. Nothing of it is public: the calendar entry and the release are what residents see.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models.base import TimeStampedModel
from core.money import MONEY_FIELD


class ProductionKind(TimeStampedModel):
    """A kind of the city's own event (a festival, the city's days, a concert) with the checklist of its tasks."""

    name = models.CharField(_("name"), max_length=100, unique=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kind of own event")
        verbose_name_plural = _("kinds of own events")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ChecklistItem(models.Model):
    """A task every event of a kind needs, due a number of days before the event starts (after it when negative)."""

    kind = models.ForeignKey(
        ProductionKind, verbose_name=_("kind of event"), on_delete=models.CASCADE, related_name="checklist"
    )
    title = models.CharField(_("task"), max_length=200)
    days_before = models.SmallIntegerField(
        _("days before the event"),
        help_text=_("The task is due this many days before the first day of the event; a negative number: after it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["kind", "-days_before", "position", "pk"]

    def __str__(self):
        return self.title


class ProductionRole(models.TextChoices):
    """Whether the city produces the event alone or with partners."""

    OWN = "own", _("the city's own event")
    CO_ORGANISED = "co_organised", _("co-organised by the city")


class EventProduction(TimeStampedModel):
    """The production record of one own or co-organised event of the city (duty 4)."""

    title = models.CharField(_("title of the event"), max_length=200)
    kind = models.ForeignKey(
        ProductionKind, verbose_name=_("kind of event"), on_delete=models.PROTECT, related_name="productions"
    )
    role = models.CharField(_("the city's role"), max_length=20, choices=ProductionRole, default=ProductionRole.OWN)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text=_("The clerk in charge; the tasks of the checklist are theirs until given to someone else."),
    )
    calendar_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("entry in the events calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    press_release = models.ForeignKey(
        "press.PressRelease",
        verbose_name=_("press release"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mass_event_permit = models.ForeignKey(
        "mass_events.MassEventPermitApplication",
        verbose_name=_("mass-event permit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The application for the permit (u.b.i.m. art. 25), when the event is a mass event."),
    )
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    attendance = models.PositiveIntegerField(
        _("attendance"), null=True, blank=True, help_text=_("After the event: how many people came (an estimate).")
    )
    report_summary = models.TextField(
        _("report"), max_length=5000, blank=True, help_text=_("After the event: a short account of how it went.")
    )
    reported_on = models.DateField(_("report prepared on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("own event production")
        verbose_name_plural = _("own event productions")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="event_production_days_order"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day must not be before the first.")})


class BudgetLine(models.Model):
    """A line of an event's budget: what was planned and what has been spent on it so far."""

    production = models.ForeignKey(
        EventProduction, verbose_name=_("event"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    title = models.CharField(_("item"), max_length=200, help_text=_("E.g. stage and sound, artists' fees, security."))
    planned = models.DecimalField(_("planned (PLN)"), **MONEY_FIELD)
    spent = models.DecimalField(_("spent (PLN)"), default=Decimal("0.00"), **MONEY_FIELD)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["production", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(planned__gte=0) & Q(spent__gte=0), name="budget_line_not_negative"),
        ]

    def __str__(self):
        return self.title


class ProductionTask(models.Model):
    """A task of an event's production with its owner and due date; open until the day it was done is recorded."""

    production = models.ForeignKey(
        EventProduction, verbose_name=_("event"), on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(_("task"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("production task")
        verbose_name_plural = _("production tasks")
        ordering = ["production", "due_on", "pk"]
        indexes = [models.Index(fields=["due_on"], condition=Q(done_on__isnull=True), name="production_task_open")]

    def __str__(self):
        return self.title


class ProductionPartner(models.Model):
    """A partner of the event and the terms of its co-organisation agreement (porozumienie o współorganizacji)."""

    production = models.ForeignKey(
        EventProduction, verbose_name=_("event"), on_delete=models.CASCADE, related_name="partners"
    )
    name = models.CharField(_("partner"), max_length=200)
    address = models.CharField(_("seat and address"), max_length=300)
    representative = models.CharField(_("represented by"), max_length=200, blank=True)
    partner_obligations = models.TextField(
        _("the partner undertakes"), max_length=3000, help_text=_("One obligation a line.")
    )
    city_obligations = models.TextField(
        _("the city undertakes"), max_length=3000, help_text=_("One obligation a line.")
    )
    partner_contribution = models.DecimalField(
        _("the partner's contribution (PLN)"), null=True, blank=True, **MONEY_FIELD
    )
    city_contribution = models.DecimalField(_("the city's contribution (PLN)"), null=True, blank=True, **MONEY_FIELD)
    agreement_number = models.CharField(_("number of the agreement"), max_length=100, blank=True)
    agreement_signed_on = models.DateField(_("agreement signed on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner of an own event")
        verbose_name_plural = _("partners of own events")
        ordering = ["production", "name"]

    def __str__(self):
        return self.name

    @staticmethod
    def lines(text: str) -> list[str]:
        """The obligations typed one a line, without the empty lines."""
        return [line.strip() for line in text.splitlines() if line.strip()]
