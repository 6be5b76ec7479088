"""Periods of mourning the portal shows (kir żałobny, DOMAIN.md §F.6).

National mourning is declared by the President of Poland by regulation (ustawa z 31.01.1980 o godle, barwach i hymnie
RP); city mourning by the Mayor's order published on BIP (u.s.g. art. 31). A clerk enters the period once, ahead of
time if it is known; every public page carries the black ribbon from `starts_at` until `ends_at` (exclusive) without
anyone touching it again. Two periods never overlap: `clean()` refuses it for the clerk, and on PostgreSQL an
exclusion constraint refuses it for every writer (migration 0002).
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models.base import TimeStampedModel


class MourningPeriodQuerySet(models.QuerySet):
    def covering(self, moment):
        """The periods in force at `moment`: started at or before it and ending after it."""
        return self.filter(starts_at__lte=moment, ends_at__gt=moment)

    def overlapping(self, starts_at, ends_at):
        """The periods that share at least one moment with [starts_at, ends_at)."""
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class MourningPeriod(TimeStampedModel):
    """A declared period of mourning: its kind, the reason, the act that declared it and the condolence book.

    DOMAIN.md §F.6: `[starts_at, ends_at)` in Europe/Warsaw (the end is the first moment after the mourning: a
    mourning "until 10 December" ends at 11 December 00:00); no two periods overlap.
    """

    class Kind(models.TextChoices):
        NATIONAL = "national", _("national mourning")
        CITY = "city", _("city mourning")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reason = models.CharField(
        _("reason"),
        max_length=300,
        help_text=_("What the mourning is for, as the act states it, e.g. “for the victims of the mine disaster”."),
    )
    starts_at = models.DateTimeField(
        _("starts at"), help_text=_("Europe/Warsaw time; usually 00:00 of the first day.")
    )
    ends_at = models.DateTimeField(
        _("ends at"),
        help_text=_("The first moment after the mourning: 00:00 of the day after its last day (Europe/Warsaw time)."),
    )
    act_number = models.CharField(
        _("number of the act"),
        max_length=100,
        help_text=_("The President's regulation or the Mayor's order, e.g. “zarządzenie nr 465/2019”."),
    )
    act_date = models.DateField(_("date of the act"))
    act_url = models.URLField(
        _("publication of the act"), help_text=_("The link to the act on BIP or in Dziennik Ustaw.")
    )
    announcement = models.TextField(
        _("announcement"), blank=True, help_text=_("Optional words of the Mayor or the department shown with the act.")
    )
    condolence_book_place = models.CharField(_("condolence book: where"), max_length=300, blank=True)
    condolence_book_hours = models.CharField(_("condolence book: when"), max_length=300, blank=True)

    history = HistoricalRecords()
    objects = MourningPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("mourning period")
        verbose_name_plural = _("mourning periods")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="mourning_period_ends_starts")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="mourning_period_ends_after_start"),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at).date() if self.starts_at else ""
        return f"{self.get_kind_display()}: {self.reason} ({start})"

    def get_absolute_url(self):
        return reverse("mourning:announcement", kwargs={"pk": self.pk})

    @property
    def last_day(self):
        """The last day of the mourning in Europe/Warsaw (the day before an end at midnight)."""
        return timezone.localtime(self.ends_at - timedelta(microseconds=1)).date()

    @property
    def ends_at_midnight(self) -> bool:
        local = timezone.localtime(self.ends_at)
        return (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)

    @property
    def has_condolence_book(self) -> bool:
        return bool(self.condolence_book_place or self.condolence_book_hours)

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at:
            if self.ends_at <= self.starts_at:
                raise ValidationError({"ends_at": _("The mourning must end after it starts.")})
            others = MourningPeriod.objects.overlapping(self.starts_at, self.ends_at).exclude(pk=self.pk)
            clash = others.order_by("starts_at").first()
            if clash is not None:
                raise ValidationError(
                    _("This period overlaps another mourning period: %(other)s. Change the dates of one of them."),
                    params={"other": clash},
                    code="overlap",
                )
