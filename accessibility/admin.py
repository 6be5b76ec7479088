"""The coordinator's side: the cases, the declaration of accessibility, the plan of action and the 4-yearly report.

Statuses change only through the workflow panel (core.admin_mixins); what the applicant stated is read-only, the
clerk writes the new date and the reason of a delay and what was done, which the letters print.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accessibility import monitoring
from accessibility.deadlines import declaration_review_due
from accessibility.models import (
    AccessibilityDeclaration,
    AccessibilityReport,
    AccessibilityRequest,
    ActionPlan,
    ActionPlanMeasure,
    DeclarationApp,
    DigitalAccessibilityDemand,
    ReportBuilding,
)
from accessibility.report_export import report_header, report_rows
from accessibility.selectors import demand_open_deadlines, request_open_deadlines
from accessibility.services import answer_due
from core.admin_mixins import CaseAdminMixin, CaseDocumentsAdminMixin
from core.exports import clerk_csv_cell, clerk_xlsx_cell, csv_response, xlsx_response
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


class DeclarationAppInline(admin.TabularInline):
    model = DeclarationApp
    extra = 0


@admin.register(AccessibilityDeclaration)
class AccessibilityDeclarationAdmin(SimpleHistoryAdmin):
    """The declaration of accessibility as data (ustawa z 4.04.2019 art. 10): the page writes the v2.0 structure."""

    list_display = ["site_name", "language", "status", "prepared_on", "reviewed_on", "review_due", "is_published"]
    list_filter = ["language", "is_published", "status"]
    autocomplete_fields = ["buildings"]
    inlines = [DeclarationAppInline]
    readonly_fields = ["review_due"]
    fieldsets = [
        (None, {"fields": ["language", "is_published", "entity_name", "scope", "site_name", "site_url"]}),
        (_("Dates"), {"fields": ["published_on", "updated_on", "prepared_on", "reviewed_on", "review_due"]}),
        (
            _("Digital accessibility status"),
            {"fields": ["status", "noncompliance", "out_of_scope", "burden", "burden_assessment_url"]},
        ),
        (_("Preparation"), {"fields": ["method", "method_report_url", "facilitations", "shortcuts"]}),
        (_("Contact"), {"fields": ["contact_person", "contact_email", "contact_phone"]}),
        (
            _("Other information"),
            {"fields": ["buildings", "architecture", "architecture_url", "communication", "pjm_online"]},
        ),
    ]

    @admin.display(description=_("next review due"))
    def review_due(self, declaration):
        return declaration_review_due(declaration.last_review) if declaration.prepared_on else "—"

    def get_urls(self):
        urls = [
            path(
                "monitoring/",
                self.admin_site.admin_view(self.monitoring_view),
                name="accessibility_monitoring",
            )
        ]
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        may_monitor = request.user.has_perm("accessibility.view_accessibilitycheck")
        return super().changelist_view(request, {**(extra_context or {}), "may_monitor": may_monitor})

    def monitoring_view(self, request):
        """The portal's own accessibility evidence (issue 22 item 4; ustawa z 4.04.2019 art. 10, DOMAIN.md §G.4): the
        last automated check of each type of public page and the open requests and demands with their clocks."""
        if not request.user.has_perm("accessibility.view_accessibilitycheck"):
            raise PermissionDenied
        today = timezone.localdate()
        cases = sorted([*request_open_deadlines(), *demand_open_deadlines()], key=lambda d: (d.due_date, d.case_mark))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Accessibility monitoring"),
            "checks": monitoring.latest_checks(),
            "open_cases": [
                (deadline, (deadline.due_date - today).days, max(0, (today - deadline.due_date).days))
                for deadline in cases
            ],
            "today": today,
        }
        return TemplateResponse(request, "admin/accessibility/monitoring.html", context)


class ActionPlanMeasureInline(admin.TabularInline):
    model = ActionPlanMeasure
    extra = 0
    fields = ["dimension", "measure", "responsible", "deadline", "started_on", "done_on", "progress"]
    readonly_fields = ["progress"]

    @admin.display(description=_("progress"))
    def progress(self, measure):
        return ActionPlanMeasure.Progress(measure.progress()).label if measure.pk else "—"


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    """The plan of action to improve accessibility (ustawa z 19.07.2019 art. 14 [K]) with its measures."""

    list_display = ["title", "period_from", "period_to", "adopted_on"]
    inlines = [ActionPlanMeasureInline]


class ReportBuildingInline(admin.StackedInline):
    model = ReportBuilding
    extra = 0
    autocomplete_fields = ["venue"]


@admin.register(AccessibilityReport)
class AccessibilityReportAdmin(SimpleHistoryAdmin):
    """The 4-yearly report (ustawa z 19.07.2019 art. 11): the figures per building, the BIP and the voivode; "Eksport
    do CSV" and "Eksport do XLSX" give the form's layout (`accessibility.report_export`)."""

    list_display = ["year", "prepared_on", "bip_published_on", "sent_to_voivode_on"]
    inlines = [ReportBuildingInline]
    change_form_template = "admin/accessibility/accessibilityreport/change_form.html"
    fieldsets = [
        (None, {"fields": ["year", "prepared_on"]}),
        (_("Digital accessibility"), {"fields": ["websites", "websites_full", "websites_partial"]}),
        (_("Alternative access"), {"fields": ["alternative_access"]}),
        (_("Publication"), {"fields": ["bip_published_on", "bip_url", "sent_to_voivode_on"]}),
    ]

    def get_urls(self):
        urls = [
            path(
                "<int:pk>/eksport.<str:fmt>",
                self.admin_site.admin_view(self.export_view),
                name="accessibility_report_export",
            )
        ]
        return urls + super().get_urls()

    def export_view(self, request, pk, fmt):
        report = self.get_object(request, str(pk))
        if report is None:
            raise Http404
        if not self.has_view_permission(request, report):
            raise PermissionDenied
        buildings = list(report.buildings.select_related("venue"))
        header = report_header(buildings)
        rows = list(report_rows(report, buildings))
        name = f"raport-dostepnosci-{report.year}"
        if fmt == "xlsx":
            return xlsx_response(f"{name}.xlsx", name, header, rows, cell=clerk_xlsx_cell)
        if fmt == "csv":
            return csv_response(f"{name}.csv", header, rows, cell=clerk_csv_cell)
        raise Http404
