"""Scholarship and award calls, and the applications and nominations they receive, in the admin.

The section "Dotacje, stypendia i nagrody" runs both (u.o.p.d.k. art. 7a, 7b; DOMAIN.md §D).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from awards.models import AwardApplication, AwardCall
from core.admin_mixins import CaseAdminMixin, CaseDocumentsAdminMixin, ChangeListExportMixin
from core.fieldsets import admin_fieldsets, fieldset_fields
from core.rich_text import RichTextAdminMixin


@admin.register(AwardCall)
class AwardCallAdmin(RichTextAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "year", "deadline", "budget", "max_amount", "is_published"]
    list_filter = ["kind", "year", "is_published"]
    search_fields = ["title", "resolution"]
    date_hierarchy = "deadline"
    fieldsets = [
        (None, {"fields": ["kind", "year", "title", "slug", "resolution"]}),
        (_("Rules"), {"fields": ["rules"]}),
        (_("Deadline and amounts"), {"fields": ["deadline", "budget", "max_amount"]}),
        (_("Publication"), {"fields": ["is_published"]}),
    ]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else None


@admin.register(AwardApplication)
class AwardApplicationAdmin(ChangeListExportMixin, CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "case_mark",
        "call",
        "candidate_name",
        "field_of_art",
        "requested_amount",
        "granted_amount",
        "status",
        "created_at",
    ]
    list_select_related = ["call", "handler"]
    list_filter = ["status", "call__kind", "call__year", "field_of_art"]
    search_fields = ["case_mark", "candidate_name", "submitter_name", "call__title"]
    date_hierarchy = "created_at"
    export_filename = "stypendia-i-nagrody"
    export_columns = [
        "case_mark",
        (_("Call"), "call__title"),
        "submitter_name",
        "candidate_name",
        "field_of_art",
        "category",
        "requested_amount",
        "granted_amount",
        "decision_number",
        "decision_date",
        "status",
    ]
    fieldsets = [
        (None, {"fields": ["case_mark", "call", "status", "handler", "completion_due"]}),
        (_("Documents"), {"fields": ["documents"]}),
        *admin_fieldsets(AwardApplication.APPLICANT_FIELDSETS),
        (
            _("The Mayor's decision"),
            {
                "fields": ["decision_number", "decision_date", "granted_amount"],
                "description": _(
                    "The committee's opinion does not bind the Mayor; enter the order's number, date and amount "
                    "before the decision's button (u.o.p.d.k. art. 7a and 7b)."
                ),
            },
        ),
        (None, {"fields": ["channel", "info_clause", "created_at", "closed_at"]}),
    ]
    readonly_fields = [
        "case_mark",
        "call",
        "completion_due",
        "documents",
        *fieldset_fields(AwardApplication.APPLICANT_FIELDSETS),
        "channel",
        "info_clause",
        "created_at",
        "closed_at",
    ]

    def has_add_permission(self, request):
        # Applications and nominations come from the public form only.
        return False
