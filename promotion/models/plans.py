"""The culture development programme and the city promotion plan: goals → objectives → actions with yearly indicators.

DOMAIN.md §I.5 [K]: `StrategicPlan(kind enum(culture, promotion), period, adopted_by (uchwała/zarządzenie), goals →
objectives → actions (responsible unit, budget, indicator, baseline, target, year), annual implementation reports)`.
No statute requires a municipal culture strategy; the city adopts it by a Rada Miasta resolution or a Prezydent's
order, and the department prepares it and carries out its tasks (duties 1, 9 and 10). Adopted plans are public; a
draft is shown nowhere.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models.base import TimeStampedModel
from core.money import MONEY_FIELD


class PlanKind(models.TextChoices):
    """The two plans of DOMAIN.md §I.5."""

    CULTURE = "culture", _("culture development programme")
    PROMOTION = "promotion", _("city promotion plan")


class AdoptingAct(models.TextChoices):
    """How the plan was adopted (DOMAIN.md §I.5 [K]: a Rada Miasta resolution or a Prezydent's order)."""

    RESOLUTION = "resolution", _("resolution of the Rada Miasta")
    ORDER = "order", _("order of the Prezydent")


class StrategicPlanQuerySet(models.QuerySet):
    def published(self):
        """The adopted plans residents see (DOMAIN.md §I.5: adopted documents public, drafts internal)."""
        return self.filter(is_published=True)


class StrategicPlan(TimeStampedModel):
    """A culture development programme or a city promotion plan for a period of years (DOMAIN.md §I.5 [K])."""

    kind = models.CharField(_("kind of plan"), max_length=20, choices=PlanKind)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    adopting_act = models.CharField(_("adopted by"), max_length=20, choices=AdoptingAct)
    act_number = models.CharField(
        _("number of the act"),
        max_length=100,
        help_text=_("E.g. uchwała nr PR.0007.123.2025 or zarządzenie nr 0050.12.2026."),
    )
    adopted_on = models.DateField(_("adopted on"))
    act_url = models.URLField(_("the act in the BIP"), blank=True)
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = StrategicPlanQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategic plan")
        verbose_name_plural = _("strategic plans")
        ordering = ["-first_year", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(last_year__gte=F("first_year")), name="strategic_plan_years_order"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("promotion:plan_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year must not be before the first.")})

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))


class PlanGoal(models.Model):
    """A strategic goal of a plan (cel strategiczny)."""

    plan = models.ForeignKey(StrategicPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("goal of a plan")
        verbose_name_plural = _("goals of plans")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_goal_number_once")]

    def __str__(self):
        return f"{self.number}. {self.title}"


class PlanObjective(models.Model):
    """An operational objective under a goal (cel operacyjny)."""

    goal = models.ForeignKey(PlanGoal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("objective of a plan")
        verbose_name_plural = _("objectives of plans")
        ordering = ["goal", "number"]
        constraints = [models.UniqueConstraint(fields=["goal", "number"], name="plan_objective_number_once")]

    def __str__(self):
        return f"{self.goal.number}.{self.number}. {self.title}"


class PlanAction(models.Model):
    """An action carrying out an objective: who does it, its budget and its indicator (DOMAIN.md §I.5)."""

    objective = models.ForeignKey(
        PlanObjective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="actions"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    responsible_unit = models.CharField(
        _("responsible unit"), max_length=200, help_text=_("E.g. Wydział Kultury, Miejskie Centrum Kultury.")
    )
    budget = models.DecimalField(_("budget for the whole period (PLN)"), null=True, blank=True, **MONEY_FIELD)
    indicator = models.CharField(_("indicator"), max_length=200, help_text=_("E.g. participants of the festival."))
    unit = models.CharField(_("unit of the indicator"), max_length=40, help_text=_("E.g. persons, events, %."))
    baseline = models.DecimalField(_("baseline value"), max_digits=14, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(_("year of the baseline"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action of a plan")
        verbose_name_plural = _("actions of plans")
        ordering = ["objective", "number"]
        constraints = [models.UniqueConstraint(fields=["objective", "number"], name="plan_action_number_once")]

    def __str__(self):
        return f"{self.objective.goal.number}.{self.objective.number}.{self.number}. {self.title}"


class ActionYear(models.Model):
    """An action's target for a year and the value reached, recorded by the clerk after the year (DOMAIN.md §I.5)."""

    action = models.ForeignKey(PlanAction, verbose_name=_("action"), on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("year"))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    value = models.DecimalField(
        _("value reached"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty until measured."),
    )
    spent = models.DecimalField(_("spent in the year (PLN)"), null=True, blank=True, **MONEY_FIELD)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly value of an action")
        verbose_name_plural = _("yearly values of actions")
        ordering = ["action", "year"]
        constraints = [models.UniqueConstraint(fields=["action", "year"], name="action_year_once")]

    def __str__(self):
        return f"{self.action}: {self.year}"
