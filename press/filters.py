"""Filters of the public newsroom: in the URL, without JavaScript, run in the database; bad input never a 500."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.districts import District
from core.filters import DATE_WIDGET_ATTRS, BoundedDateFilter, DateRangeFilterForm, day_bounds
from core.search import search_stem
from press.models import PressRelease, Topic


class ReleaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=100)
    temat = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        empty_label=_("all topics"),
    )
    dzielnica = django_filters.ChoiceFilter(
        label=_("District"), field_name="district", choices=District.choices, empty_label=_("all districts")
    )
    od = BoundedDateFilter(
        label=_("From"), method="filter_from", widget=forms.DateInput(DATE_WIDGET_ATTRS, "%Y-%m-%d")
    )
    do = BoundedDateFilter(label=_("To"), method="filter_to", widget=forms.DateInput(DATE_WIDGET_ATTRS, "%Y-%m-%d"))

    class Meta:
        model = PressRelease
        fields = []
        form = DateRangeFilterForm

    def filter_text(self, queryset, name, value):
        for word in value.split()[:8]:
            stem = search_stem(word)
            queryset = queryset.filter(Q(title__icontains=stem) | Q(lead__icontains=stem) | Q(body__icontains=stem))
        return queryset

    def filter_from(self, queryset, name, value):
        start, _end = day_bounds(value, value)
        return queryset.filter(publish_at__gte=start)

    def filter_to(self, queryset, name, value):
        _start, end = day_bounds(value, value)
        return queryset.filter(publish_at__lt=end)
