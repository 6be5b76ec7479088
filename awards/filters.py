"""Filters of the public lists of scholarships and awards."""

import django_filters
from django.utils.translation import gettext_lazy as _

from awards.models import AwardCall, Kind


class CallArchiveFilter(django_filters.FilterSet):
    """The archive of calls: by year and kind (?rok=2026&rodzaj=scholarship)."""

    rok = django_filters.NumberFilter(field_name="year", label=_("Year"))
    rodzaj = django_filters.ChoiceFilter(field_name="kind", choices=Kind.choices, label=_("Kind"))

    class Meta:
        model = AwardCall
        fields = []
