"""What the public lists' filters share: dates a person can type without crashing anything.

Every list keeps its filters in the URL (django-filter), works without JavaScript and filters in the database.
A date outside 2000–2100 or an end before the start is a Polish form error, never a 500.
"""

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: The browser's date picker, limited to the years `BoundedDateField` accepts.
DATE_WIDGET_ATTRS = {"type": "date", "min": "2000-01-01", "max": "2100-12-31"}
MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2100, 12, 31)


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[start, end) in the site's time zone covering the days `first` to `last` whole."""
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(first, time.min), zone),
        timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min), zone),
    )


class BoundedDateField(forms.DateField):
    """A date between 2000 and 2100: a year 99999 is a clear form error, never a crash."""

    def to_python(self, value):
        result = super().to_python(value)
        if result is not None and not (MIN_DATE <= result <= MAX_DATE):
            raise forms.ValidationError(_("Enter a date between 2000 and 2100."), code="out_of_range")
        return result


class BoundedDateFilter(django_filters.DateFilter):
    field_class = BoundedDateField


class DateRangeFilterForm(forms.Form):
    """The form of a filter set with the dates "od" (from) and "do" (to): the end must not be before the start."""

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("od"), cleaned.get("do")
        if first and last and last < first:
            self.add_error("do", _("The end must not be before the start."))
        return cleaned
