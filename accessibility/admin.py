"""The coordinator's side of requests for accessibility and demands for digital accessibility.

Statuses change only through the workflow panel (core.admin_mixins); what the applicant stated is read-only, the
clerk writes the new date and the reason of a delay and what was done, which the letters print.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accessibility.models import AccessibilityRequest, DigitalAccessibilityDemand
from accessibility.services import answer_due
from core.admin_mixins import CaseAdminMixin, CaseDocumentsAdminMixin
from core.fieldsets import admin_fieldsets, fieldset_fields

CASE_FIELDS = ["case_mark", "status", "handler", "received_on", "answer_due", "channel", "incoming_reg_no"]
CASE_READONLY_FIELDS = ["case_mark", "channel", "received_on", "answer_due", "delay_notified_on", "answered_on"]
ANSWER_FIELDSETS = [
    (_("Documents"), {"fields": ["documents"]}),
    (_("Delay"), {"fields": ["extended_to", "delay_reason", "delay_notified_on"]}),
    (_("Answer"), {"fields": ["answer", "answered_on"]}),
]


class AccessibilityCaseAdmin(CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
    list_filter = ["status", "channel"]
    date_hierarchy = "received_on"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("answer due"))
    def answer_due(self, case):
        return answer_due(case) if case.received_on else "—"


@admin.register(AccessibilityRequest)
class AccessibilityRequestAdmin(AccessibilityCaseAdmin):
    list_display = ["case_mark", "barrier_place", "barrier_kind", "received_on", "answer_due", "status"]
    list_filter = ["status", "barrier_kind", "channel"]
    search_fields = ["case_mark", "barrier_place", "applicant_name"]
    readonly_fields = [
        *CASE_READONLY_FIELDS,
        *fieldset_fields(AccessibilityRequest.APPLICANT_FIELDSETS),
        "documents",
    ]
    fieldsets = [
        (None, {"fields": CASE_FIELDS}),
        *admin_fieldsets(AccessibilityRequest.APPLICANT_FIELDSETS),
        *ANSWER_FIELDSETS,
    ]


@admin.register(DigitalAccessibilityDemand)
class DigitalAccessibilityDemandAdmin(AccessibilityCaseAdmin):
    list_display = ["case_mark", "page_url", "received_on", "answer_due", "status"]
    search_fields = ["case_mark", "page_url", "element", "applicant_name"]
    readonly_fields = [
        *CASE_READONLY_FIELDS,
        *fieldset_fields(DigitalAccessibilityDemand.APPLICANT_FIELDSETS),
        "documents",
    ]
    fieldsets = [
        (None, {"fields": CASE_FIELDS}),
        *admin_fieldsets(DigitalAccessibilityDemand.APPLICANT_FIELDSETS),
        *ANSWER_FIELDSETS,
    ]
