"""Filters of the public register: they live in the URL, work without JavaScript and run in the database."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.public_forms import reject_control_characters
from core.search import normalise_query, search_stem
from institutions.models import CulturalInstitution, InstitutionKind

STATUS_CHOICES = [("wpisane", _("in the register")), ("wykreslone", _("struck out"))]


class InstitutionFilterForm(forms.Form):
    def clean_szukaj(self):
        value = self.cleaned_data.get("szukaj", "")
        reject_control_characters(value)
        return normalise_query(value)


class InstitutionFilter(django_filters.FilterSet):
    """The register's filters: a phrase in the names, seat or address; the kind; in the register or struck out."""

    szukaj = django_filters.CharFilter(
        label=_("Name or address"),
        method="filter_text",
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    rodzaj = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", choices=InstitutionKind.choices, empty_label=_("all kinds")
    )
    stan = django_filters.ChoiceFilter(
        label=_("Status"), method="filter_status", choices=STATUS_CHOICES, empty_label=_("all")
    )

    class Meta:
        model = CulturalInstitution
        fields = []
        form = InstitutionFilterForm

    def filter_text(self, queryset, name, value):
        for word in value.split()[:8]:
            stem = search_stem(word)
            queryset = queryset.filter(
                Q(full_name__icontains=stem)
                | Q(short_name__icontains=stem)
                | Q(seat__icontains=stem)
                | Q(address__icontains=stem)
            )
        return queryset

    def filter_status(self, queryset, name, value):
        if value == "wpisane":
            return queryset.filter(struck_out_on__isnull=True)
        if value == "wykreslone":
            return queryset.filter(struck_out_on__isnull=False)
        return queryset
