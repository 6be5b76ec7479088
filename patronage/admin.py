"""The clerks' side of honorary patronage and the city's symbols.

Statuses change only through the workflow panel (core.admin_mixins); what the applicant stated is read-only, the
clerk edits the exception, the opinion, the form of the answer and the conditions of a consent.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import CaseAdminMixin, CaseDocumentsAdminMixin, HistoryViewOnlyMixin
from core.fieldsets import admin_fieldsets, fieldset_fields
from core.public_attachments import PublicAttachmentInline
from patronage.deadlines import patronage_answer_due, symbol_request_answer_due
from patronage.models import FileSet, FileSetFile, PatronageApplication, SymbolMisuseReport, SymbolUseRequest
from patronage.services.applications import application_link_calendar_event

CASE_FIELDS = [
    "case_mark",
    "status",
    "handler",
    "received_on",
    "channel",
    "incoming_reg_no",
    "created_at",
    "closed_at",
]
CASE_READONLY_FIELDS = ["case_mark", "channel", "created_at", "closed_at", "received_on"]


@admin.register(PatronageApplication)
class PatronageApplicationAdmin(CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "event_name", "organiser_name", "starts_on", "is_late", "status"]
    list_filter = ["status", "is_late", "scope", "is_commercial", "has_fundraising"]
    search_fields = ["case_mark", "event_name", "organiser_name"]
    date_hierarchy = "starts_on"
    readonly_fields = [
        *CASE_READONLY_FIELDS,
        "answer_due",
        "is_late",
        "earlier_report_missing",
        *fieldset_fields(PatronageApplication.APPLICANT_FIELDSETS),
        "documents",
        "decided_on",
        "report_due_on",
        "report_received_on",
        "report_text",
        "photo_licence_granted",
    ]
    fieldsets = [
        (None, {"fields": [*CASE_FIELDS[:4], "answer_due", "is_late", "earlier_report_missing", *CASE_FIELDS[4:]]}),
        *admin_fieldsets(PatronageApplication.APPLICANT_FIELDSETS),
        (_("Documents"), {"fields": ["documents"]}),
        (
            _("Examination and answer"),
            {
                "fields": [
                    "exception_reason",
                    "opinion_unit",
                    "opinion",
                    "answer_form",
                    "publish_in_register",
                    "calendar_event",
                    "decided_on",
                ]
            },
        ),
        (
            _("Report after the event"),
            {"fields": ["report_due_on", "report_received_on", "report_text", "photo_licence_granted"]},
        ),
    ]

    autocomplete_fields = ["calendar_event"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        previous_event_id = form.initial.get("calendar_event") if change else None
        super().save_model(request, obj, form, change)
        if "calendar_event" in form.changed_data:
            application_link_calendar_event(application=obj, previous_event_id=previous_event_id)

    @admin.display(description=_("answer due (the department's aim)"))
    def answer_due(self, application):
        return patronage_answer_due(application.starts_on) if application.starts_on else "—"


@admin.register(SymbolUseRequest)
class SymbolUseRequestAdmin(CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "applicant_name", "symbol", "received_on", "answer_due", "status"]
    list_filter = ["status", "symbol", "is_commercial"]
    search_fields = ["case_mark", "applicant_name", "medium"]
    readonly_fields = [
        *CASE_READONLY_FIELDS,
        "answer_due",
        *fieldset_fields(SymbolUseRequest.APPLICANT_FIELDSETS),
        "documents",
        "decided_on",
        "revoked_on",
    ]
    fieldsets = [
        (None, {"fields": [*CASE_FIELDS[:4], "answer_due", *CASE_FIELDS[4:]]}),
        *admin_fieldsets(SymbolUseRequest.APPLICANT_FIELDSETS),
        (_("Documents"), {"fields": ["documents"]}),
        (_("Answer"), {"fields": ["conditions", "decided_on", "revoked_on"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("answer due"))
    def answer_due(self, request_obj):
        return symbol_request_answer_due(request_obj.received_on) if request_obj.received_on else "—"


@admin.register(SymbolMisuseReport)
class SymbolMisuseReportAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["found_on", "symbol", "where", "request"]
    list_filter = ["symbol"]
    search_fields = ["where", "description", "action_taken"]
    date_hierarchy = "found_on"
    autocomplete_fields = ["request"]


class FileSetFileInline(PublicAttachmentInline):
    model = FileSetFile


@admin.register(FileSet)
class FileSetAdmin(admin.ModelAdmin):
    """The approved files residents download (the patronage logo, the symbols, the brand book) with their rules."""

    list_display = ["title", "page", "is_published", "position"]
    list_filter = ["page", "is_published"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [FileSetFileInline]
