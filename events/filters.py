"""Filters of the public calendar: they live in the URL, work without JavaScript and run in the database."""

from datetime import timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.districts import District
from core.filters import DATE_WIDGET_ATTRS, BoundedDateFilter, DateRangeFilterForm, day_bounds
from core.search import contains_word, search_stem
from core.widgets import DirectCheckboxSelectMultiple, DirectSelect
from events.models import Category, EventOccurrence, Venue

AUDIENCE_FIELDS = {
    "dzieci": "event__for_children",
    "mlodziez": "event__for_youth",
    "seniorzy": "event__for_seniors",
    "rodziny": "event__for_families",
}
ACCESSIBILITY_FIELDS = {
    "bez-barier": "event__venue__step_free_entry",
    "toaleta": "event__venue__accessible_toilet",
    "petla-indukcyjna": "event__venue__induction_loop",
    "pjm": "event__sign_language_interpreter",
    "audiodeskrypcja": "event__audio_description",
    "cicha-strefa": "event__venue__quiet_space",
    "parking": "event__venue__disabled_parking",
}
WHEN_CHOICES = [
    ("dzis", _("today")),
    ("weekend", _("this weekend")),
    ("tydzien", _("this week")),
    ("miesiac", _("this month")),
]


def when_range(value: str, today=None):
    """(start, end) of a named period in Warsaw time, or None."""
    today = today or timezone.localdate()
    if value == "dzis":
        return day_bounds(today, today)
    if value == "weekend":
        if today.weekday() == 6:
            return day_bounds(today, today)
        saturday = today + timedelta(days=5 - today.weekday())
        return day_bounds(saturday, saturday + timedelta(days=1))
    if value == "tydzien":
        return day_bounds(today, today + timedelta(days=6 - today.weekday()))
    if value == "miesiac":
        next_month = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
        return day_bounds(today, next_month - timedelta(days=1))
    return None


def weekend_range(dates, now=None):
    """(start, end) of "this weekend" for `dates`: the coming Saturday and Sunday, or the next ones once it is over.

    On a Sunday evening nothing of today's weekend may be left to go to; a resident asking for the weekend
    then plans the coming one, so the range moves to next Saturday and Sunday. "Left" means a date of `dates`
    that has not ended by `now` (a running exhibition counts).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    start, end = when_range("weekend", today=today)
    if today.weekday() == 6 and not overlapping(dates, now, end).exists():
        return when_range("weekend", today=today + timedelta(days=1))
    return start, end


def overlapping(queryset, start, end):
    """Dates of `queryset` on between `start` and `end`: starting then, or begun earlier and still running."""
    return queryset.filter(starts_at__lt=end).filter(
        Q(ends_at__gte=start) | Q(ends_at__isnull=True, starts_at__gte=start)
    )


class CheckedBox(forms.CheckboxInput):
    """A checkbox that counts only "on", "1" and "true" as ticked ("?bezplatne=0" means not ticked)."""

    def value_from_datadict(self, data, files, name):
        return str(data.get(name, "")).strip().lower() in ("on", "1", "true")


class OccurrenceFilter(django_filters.FilterSet):
    """The public list's filters; every parameter is optional and a bad value is ignored with a message."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=100)
    kiedy = django_filters.ChoiceFilter(
        label=_("When"), choices=WHEN_CHOICES, method="filter_when", empty_label=_("any time"), widget=DirectSelect
    )
    # <input type="date"> only accepts ISO values; the Polish default format (31.12.2026) would blank it.
    od = BoundedDateFilter(
        label=_("From"), method="filter_from", widget=forms.DateInput(DATE_WIDGET_ATTRS, "%Y-%m-%d")
    )
    do = BoundedDateFilter(label=_("To"), method="filter_to", widget=forms.DateInput(DATE_WIDGET_ATTRS, "%Y-%m-%d"))
    kategoria = django_filters.ModelChoiceFilter(
        label=_("Category"),
        field_name="event__category",
        to_field_name="slug",
        queryset=Category.objects.all(),
        empty_label=_("all categories"),
        widget=DirectSelect,
    )
    dla = django_filters.ChoiceFilter(
        label=_("For whom"),
        choices=[
            ("dzieci", _("children")),
            ("mlodziez", _("youth")),
            ("seniorzy", _("seniors")),
            ("rodziny", _("families")),
        ],
        method="filter_audience",
        empty_label=_("everyone"),
        widget=DirectSelect,
    )
    dzielnica = django_filters.ChoiceFilter(
        label=_("District"),
        field_name="event__venue__district",
        choices=District.choices,
        empty_label=_("all districts"),
        widget=DirectSelect,
    )
    miejsce = django_filters.ModelChoiceFilter(
        label=_("Venue"),
        field_name="event__venue",
        to_field_name="slug",
        queryset=Venue.objects.all(),
        empty_label=_("all venues"),
        widget=DirectSelect,
    )
    bezplatne = django_filters.BooleanFilter(label=_("Free admission only"), method="filter_free", widget=CheckedBox)
    dostepnosc = django_filters.MultipleChoiceFilter(
        label=_("Accessibility"),
        choices=[
            ("bez-barier", _("step-free entry")),
            ("toaleta", _("accessible toilet")),
            ("petla-indukcyjna", _("induction loop")),
            ("pjm", _("Polish Sign Language interpreter")),
            ("audiodeskrypcja", _("audio description")),
            ("cicha-strefa", _("quiet space")),
            ("parking", _("parking for disabled people")),
        ],
        method="filter_accessibility",
        widget=DirectCheckboxSelectMultiple,
    )

    class Meta:
        model = EventOccurrence
        fields = []
        form = DateRangeFilterForm

    TEXT_FIELDS = [
        "event__title",
        "event__lead",
        "event__venue__name",
        "event__category__name",
        "event__organiser_name",
    ]

    def filter_text(self, queryset, name, value):
        for word in value.split()[:8]:
            queryset = queryset.filter(contains_word(self.TEXT_FIELDS, search_stem(word), using=queryset.db))
        return queryset

    def filter_when(self, queryset, name, value):
        bounds = weekend_range(queryset) if value == "weekend" else when_range(value)
        if bounds is None:
            return queryset
        start, end = bounds
        return overlapping(queryset, start, end)

    def filter_from(self, queryset, name, value):
        start, _end = day_bounds(value, value)
        return queryset.filter(Q(ends_at__gte=start) | Q(ends_at__isnull=True, starts_at__gte=start))

    def filter_to(self, queryset, name, value):
        _start, end = day_bounds(value, value)
        return queryset.filter(starts_at__lt=end)

    def filter_audience(self, queryset, name, value):
        return queryset.filter(**{AUDIENCE_FIELDS[value]: True}) if value in AUDIENCE_FIELDS else queryset

    def filter_free(self, queryset, name, value):
        return queryset.filter(event__price_kind="free") if value else queryset

    def filter_accessibility(self, queryset, name, values):
        for value in values:
            if value in ACCESSIBILITY_FIELDS:
                queryset = queryset.filter(**{ACCESSIBILITY_FIELDS[value]: True})
        return queryset
