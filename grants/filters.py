import django_filters
from django.utils.translation import gettext_lazy as _

from grants.models import GrantCall, TaskMode


class CallArchiveFilter(django_filters.FilterSet):
    """The archive of calls: by budget year and mode (?rok=2026&tryb=support)."""

    rok = django_filters.NumberFilter(field_name="year", label=_("Year"))
    tryb = django_filters.ChoiceFilter(field_name="mode", choices=TaskMode.choices, label=_("Mode"))

    class Meta:
        model = GrantCall
        fields = []
