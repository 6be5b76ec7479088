"""The clerk's side of mourning: declaring a period once, ahead of time if it is known (DOMAIN.md §F.6)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import HistoryViewOnlyMixin
from mourning.models import MourningPeriod


@admin.register(MourningPeriod)
class MourningPeriodAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """Every public page follows a saved period on time; an overlapping one is refused by the model's `clean()`."""

    list_display = ["reason", "kind", "starts_at", "ends_at", "act_number"]
    list_filter = ["kind"]
    search_fields = ["reason", "act_number"]
    date_hierarchy = "starts_at"
    fieldsets = [
        (None, {"fields": ["kind", "reason", "starts_at", "ends_at"]}),
        (_("The act"), {"fields": ["act_number", "act_date", "act_url", "announcement"]}),
        (_("Condolence book"), {"fields": ["condolence_book_place", "condolence_book_hours"]}),
    ]
