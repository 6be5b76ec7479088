"""The employees' catalogue search: in the URL, without JavaScript, run in the database; bad input never a 500."""

import django_filters
from django.utils.translation import gettext_lazy as _

from library.models import LibraryItem
from library.selectors import catalogue_search


class CatalogueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Title, author, subject or ISBN"), method="filter_text", max_length=200)
    rodzaj = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", choices=LibraryItem.Kind.choices, empty_label=_("all kinds")
    )

    class Meta:
        model = LibraryItem
        fields = []

    def filter_text(self, queryset, name, value):
        return catalogue_search(queryset, value)
