"""The coordinator's plan of action and the report on the state of accessibility (ustawa z 19.07.2019 art. 11, 14).

DOMAIN.md §G.1: the coordinator prepares and coordinates the plan of action to improve accessibility (measures, who is
responsible, deadlines, how far each got). DOMAIN.md §G.3: every 4 years by 31 March (2021, 2025, 2029…) the entity
reports how it meets the art. 6 minimum requirements, per building for the architectural and the information and
communication dimensions and for its websites, on the form of the minister for regional development; the report is
published in the BIP and sent to the voivode. The figures entered here are exported in the form's layout
(`accessibility.reports.report_rows`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models.base import TimeStampedModel


class Dimension(models.TextChoices):
    """The three dimensions of accessibility (ustawa z 19.07.2019 art. 6; DOMAIN.md §G.1)."""

    ARCHITECTURAL = "architectural", _("architectural")
    DIGITAL = "digital", _("digital")
    INFO_COMM = "info_comm", _("information and communication")


class ActionPlan(TimeStampedModel):
    """The plan of action to improve accessibility (plan działania na rzecz poprawy zapewniania dostępności, ustawa
    z 19.07.2019 art. 14 ust. 2 pkt 2 [K]) for a period, adopted by the Prezydent."""

    title = models.CharField(_("title"), max_length=200)
    period_from = models.DateField(_("period from"))
    period_to = models.DateField(_("period until"))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(
        _("adopted by"), max_length=200, blank=True, help_text=_("E.g. Zarządzenie nr 120/2026 Prezydenta Miasta.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan of action for accessibility")
        verbose_name_plural = _("plans of action for accessibility")
        ordering = ["-period_from"]
        constraints = [
            models.CheckConstraint(condition=Q(period_to__gte=models.F("period_from")), name="action_plan_period")
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise ValidationError({"period_to": _("The end must not be before the start.")})


class ActionPlanMeasure(models.Model):
    """A measure of the plan: what, in which dimension, who is responsible, by when, and how far it got.

    How far it got is read from the dates (started, done), never typed as a status: a measure not done by its
    deadline is overdue.
    """

    class Progress(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        OVERDUE = "overdue", _("overdue")

    plan = models.ForeignKey(ActionPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="measures")
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension)
    measure = models.TextField(_("measure"), max_length=2000)
    responsible = models.CharField(_("responsible"), max_length=200)
    deadline = models.DateField(_("deadline"))
    started_on = models.DateField(_("started on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("measure of the plan")
        verbose_name_plural = _("measures of the plan")
        ordering = ["deadline", "pk"]

    def __str__(self):
        return self.measure[:80]

    def progress(self, today=None) -> str:
        today = today or timezone.localdate()
        if self.done_on:
            return self.Progress.DONE
        if self.deadline < today:
            return self.Progress.OVERDUE
        return self.Progress.IN_PROGRESS if self.started_on else self.Progress.PLANNED


class AccessibilityReport(TimeStampedModel):
    """The report on the state of ensuring accessibility (raport o stanie zapewniania dostępności, ustawa
    z 19.07.2019 art. 11): every 4 years by 31 March, published in the BIP and sent to the voivode (DOMAIN.md §G.3).

    Digital accessibility is counted over the entity's websites and applications; the architectural and the
    information and communication answers are per building (`ReportBuilding`).
    """

    year = models.PositiveSmallIntegerField(_("year of the report"), unique=True, help_text=_("E.g. 2029."))
    prepared_on = models.DateField(_("prepared on"), null=True, blank=True)
    websites = models.PositiveSmallIntegerField(_("websites and applications"), default=0)
    websites_full = models.PositiveSmallIntegerField(_("of them fully compliant"), default=0)
    websites_partial = models.PositiveSmallIntegerField(_("of them partially compliant"), default=0)
    alternative_access = models.TextField(
        _("alternative access provided"),
        blank=True,
        help_text=_("Where accessibility could not be ensured: the alternative access and why."),
    )
    bip_published_on = models.DateField(_("published in the BIP on"), null=True, blank=True)
    bip_url = models.URLField(_("address in the BIP"), blank=True)
    sent_to_voivode_on = models.DateField(_("sent to the voivode on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report on the state of accessibility")
        verbose_name_plural = _("reports on the state of accessibility")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(websites_full__lte=models.F("websites") - models.F("websites_partial")),
                name="accessibility_report_website_counts",
            )
        ]

    def __str__(self):
        return str(self.year)

    def clean(self):
        super().clean()
        if self.websites_full + self.websites_partial > self.websites:
            raise ValidationError(
                {"websites_full": _("Fully and partially compliant ones together exceed the websites and apps.")}
            )


class ReportBuilding(models.Model):
    """One building of the report with the answers of the form's architectural and information and communication
    parts (ustawa z 19.07.2019 art. 6 pkt 1 lit. a–e and pkt 3 lit. a–d [K]: the form's questions follow them)."""

    report = models.ForeignKey(
        AccessibilityReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="buildings"
    )
    venue = models.ForeignKey("events.Venue", verbose_name=_("building"), on_delete=models.PROTECT, related_name="+")
    barrier_free_spaces = models.BooleanField(_("1.1 barrier-free horizontal and vertical spaces"), default=False)
    access_to_rooms = models.BooleanField(_("1.2 access to all rooms except technical ones"), default=False)
    room_layout_information = models.BooleanField(
        _("1.3 room layout shown visually and by touch or voice"), default=False
    )
    assistance_dog = models.BooleanField(_("1.4 entry with an assistance dog"), default=False)
    evacuation = models.BooleanField(_("1.5 evacuation or rescue of persons with special needs"), default=False)
    communication_support = models.BooleanField(
        _("3.1 service with means supporting communication (e.g. online PJM interpreter)"), default=False
    )
    hearing_devices = models.BooleanField(_("3.2 devices for the hard of hearing (induction loop, FM)"), default=False)
    website_information = models.BooleanField(
        _("3.3 information on the website as text, in PJM and in easy-to-read text"), default=False
    )
    communication_on_request = models.BooleanField(
        _("3.4 communication in the form the person requests"), default=False
    )

    class Meta:
        verbose_name = _("building in the report")
        verbose_name_plural = _("buildings in the report")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["report", "venue"], name="report_building_once")]

    def __str__(self):
        return str(self.venue)
