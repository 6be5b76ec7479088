"""The investors' filters of the public list of investment sites: in the URL, without JavaScript, run in the database.

DOMAIN.md §I.2: area, zoning (plan status and permitted use), utilities and the special economic zone. Bad input
never gives a 500: an invalid value leaves the list unfiltered by it and the form shows the error.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from promotion.models import InvestmentSite, PermittedUse, SiteUtility, Utility, ZoningStatus

AREA_WIDGET_ATTRS = {"inputmode": "decimal", "min": "0", "step": "0.01"}


class InvestmentSiteFilter(django_filters.FilterSet):
    powierzchnia_od = django_filters.NumberFilter(
        label=_("Area from (ha)"),
        field_name="area_ha",
        lookup_expr="gte",
        min_value=0,
        widget=forms.NumberInput(AREA_WIDGET_ATTRS),
    )
    powierzchnia_do = django_filters.NumberFilter(
        label=_("Area up to (ha)"),
        field_name="area_ha",
        lookup_expr="lte",
        min_value=0,
        widget=forms.NumberInput(AREA_WIDGET_ATTRS),
    )
    plan = django_filters.ChoiceFilter(
        label=_("Zoning plan"), field_name="zoning_status", choices=ZoningStatus.choices, empty_label=_("any")
    )
    przeznaczenie = django_filters.ChoiceFilter(
        label=_("Permitted use"), field_name="permitted_use", choices=PermittedUse.choices, empty_label=_("any")
    )
    media = django_filters.MultipleChoiceFilter(
        label=_("Utilities available"),
        choices=Utility.choices,
        method="filter_utilities",
        widget=forms.CheckboxSelectMultiple,
    )
    strefa = django_filters.BooleanFilter(
        label=_("Only in a special economic zone"), method="filter_zone", widget=forms.CheckboxInput
    )

    class Meta:
        model = InvestmentSite
        fields = []

    def filter_utilities(self, queryset, name, value):
        """Sites with every utility ticked: one EXISTS per utility, so a site is never listed twice."""
        for kind in value:
            queryset = queryset.filter(Exists(SiteUtility.objects.filter(site=OuterRef("pk"), kind=kind)))
        return queryset

    def filter_zone(self, queryset, name, value):
        return queryset.filter(in_economic_zone=True) if value else queryset
