"""Small grants the city made outside the portal, recorded so the yearly limits of u.d.p.p. art. 19a count them."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import HistoryViewOnlyMixin
from grants.models import ExternalSmallGrant


@admin.register(ExternalSmallGrant)
class ExternalSmallGrantAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """Typed in by a clerk from the agreement another unit of the City Hall signed (art. 19a ust. 6 and 7)."""

    list_display = ["granted_on", "organisation_name", "register_number", "task_title", "amount", "granted_by"]
    search_fields = ["organisation_name", "register_number", "task_title", "reference"]
    date_hierarchy = "granted_on"
    ordering = ["-granted_on", "-pk"]
    fields = ["organisation_name", "register_number", "task_title", "amount", "granted_on", "granted_by", "reference"]
