"""The filter of the public list of meetings: in the URL, without JavaScript, run in the database."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.districts import District
from core.widgets import DirectSelect
from meetings.models import MeetingKind, ResidentMeeting


class MeetingFilter(django_filters.FilterSet):
    rodzaj = django_filters.ChoiceFilter(
        label=_("Kind of meeting"),
        field_name="kind",
        choices=MeetingKind.choices,
        empty_label=_("all meetings"),
        widget=DirectSelect,
    )
    dzielnica = django_filters.ChoiceFilter(
        label=_("District"),
        field_name="district",
        choices=District.choices,
        empty_label=_("all districts"),
        widget=DirectSelect,
    )

    class Meta:
        model = ResidentMeeting
        fields = []
