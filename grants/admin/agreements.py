"""After the grant: agreements with their tranches, reports, controls, settlements and the data tables."""

from django.contrib import admin, messages
from django.utils.formats import localize
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    CaseDocumentsAdminMixin,
    ChangeListExportMixin,
    ReadOnlyInlineMixin,
    ServiceCreateAdminMixin,
    WorkflowAdminMixin,
    save_editable_fields,
)
from core.money import format_pln
from core.services import CaseWorkError
from grants import rules, services
from grants.forms import (
    AgreementSignForm,
    SettlementRecordForm,
    SettlementReturnForm,
)
from grants.models import (
    AgreementTranche,
    GrantAgreement,
    GrantControl,
    GrantReport,
    GrantReportCostLine,
    GrantSettlement,
    RegisteredLetterFee,
    TaxArrearsInterestRate,
    YearPlan,
)


class TrancheInline(admin.TabularInline):
    """Tranches typed in with the agreement (annex 3, § 3 ust. 1); afterwards they are read-only."""

    model = AgreementTranche

    def get_fields(self, request, obj=None):
        return ["position", "due_on", "amount"] if obj else ["due_on", "amount"]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj) if obj else []

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 2

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("grants.view_grantagreement")

    def has_add_permission(self, request, obj=None):
        return obj is None and request.user.has_perm("grants.add_grantagreement")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


AGREEMENT_SIGNED_FIELDS = [
    "offer",
    "number",
    "signed_on",
    "amount",
    "bank_account",
    "implementation_from",
    "implementation_to",
    "use_deadline",
    "budget_updated",
]


@admin.register(GrantAgreement)
class GrantAgreementAdmin(ChangeListExportMixin, ServiceCreateAdminMixin, CaseDocumentsAdminMixin, SimpleHistoryAdmin):
    """Signing an agreement calls `services.agreement_sign`; the signed terms are read-only afterwards.

    The agreement belongs to its offer's case: its page lists that case's documents (the offer, the offeror's
    attachments and declarations, the agreement and every letter since).
    """

    list_display = ["number", "offer", "amount", "signed_on", "implementation_to"]
    list_select_related = ["offer"]
    list_filter = ["offer__kind", "offer__call__year", "budget_updated"]
    export_filename = "umowy-dotacyjne"
    export_columns = [
        "number",
        (_("Case mark"), "offer__case_mark"),
        (_("Organisation"), "offer__organisation_name"),
        (_("Task"), "offer__title"),
        "amount",
        "signed_on",
        "implementation_from",
        "implementation_to",
        "use_deadline",
        "transferred_on",
        "budget_updated",
    ]
    search_fields = ["number", "offer__case_mark", "offer__organisation_name"]
    date_hierarchy = "signed_on"
    ordering = ["-signed_on"]
    inlines = [TrancheInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = AgreementSignForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": AgreementSignForm.Meta.fields})]
        return [
            (None, {"fields": AGREEMENT_SIGNED_FIELDS}),
            (
                _("Deadlines"),
                {"fields": ["final_report_due", "unused_return_due", "transferred_on", "information_obligation"]},
            ),
            (_("Documents"), {"fields": ["documents"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return [*AGREEMENT_SIGNED_FIELDS, "final_report_due", "unused_return_due", "documents"] if obj else []

    def documents_case(self, obj):
        return obj.offer

    @admin.display(description=_("final report due (u.d.p.p. art. 18 ust. 1)"))
    def final_report_due(self, obj):
        return localize(rules.final_report_due(obj.implementation_to))

    @admin.display(description=_("unused part to be returned by (u.f.p. art. 251)"))
    def unused_return_due(self, obj):
        return localize(rules.unused_subsidy_return_due(obj.use_deadline))

    def save_model(self, request, obj, form, change):
        if not change:
            return  # signed in create_through_service, once the tranches are known
        if "transferred_on" in form.changed_data and obj.transferred_on:
            services.agreement_transfer_record(
                agreement=obj, transferred_on=obj.transferred_on, acting_user=request.user
            )
        save_editable_fields(request, obj)

    def create_through_service(self, request, form, formsets):
        tranches = sorted(
            (row.cleaned_data["due_on"], row.cleaned_data["amount"])
            for formset in formsets
            for row in formset.forms
            if row.cleaned_data and not row.cleaned_data.get("DELETE")
        )
        data = form.cleaned_data
        return services.agreement_sign(
            offer=data["offer"],
            number=data["number"],
            signed_on=data["signed_on"],
            bank_account=data["bank_account"],
            tranches=tranches,
            budget_updated=data["budget_updated"],
            use_deadline=data.get("use_deadline"),
            acting_user=request.user,
        )


class ReportCostLineInline(ReadOnlyInlineMixin, admin.TabularInline):
    """The cost table as executed, as the organisation filed it (annex 5, part II)."""

    model = GrantReportCostLine
    fields = ["position", "category", "name", "unit", "unit_cost", "units", "total"]
    readonly_fields = fields
    extra = 0


REPORT_FILED_FIELDS = [
    "filed_at",
    "period_from",
    "period_to",
    "results_description",
    "actions_description",
    "own_financial",
    "own_personal",
    "own_material",
    "recipient_fees",
    "additional_information",
]


@admin.register(GrantReport)
class GrantReportAdmin(ServiceCreateAdminMixin, CaseDocumentsAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    """Adding a report demands a partial one (`services.report_request_partial`); typing the amount used
    registers the receipt of a paper report (`services.report_receive`). A report filed online by the organisation
    (`services.report_file`) is shown read-only with its cost table and its PDF among the case's documents;
    acceptance and return (with the note the organisation gets) are workflow buttons."""

    inlines = [ReportCostLineInline]

    list_display = ["agreement", "kind", "due_on", "submitted_on", "call_due_on", "status"]
    list_filter = ["status", "kind"]
    list_select_related = ["agreement"]
    search_fields = ["agreement__number", "agreement__offer__case_mark"]
    date_hierarchy = "due_on"
    ordering = ["due_on"]
    autocomplete_fields = ["agreement"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(_("Demand a partial report (u.d.p.p. art. 18 ust. 3)"), {"fields": ["agreement", "due_on"]})]
        fieldsets = [
            (None, {"fields": ["agreement", "kind", "status", "due_on", "called_on", "call_due_on"]}),
            (_("Receipt"), {"fields": ["submitted_on", "costs_used"]}),
        ]
        if obj.filed_at:
            fieldsets.append(
                (_("Report filed online (annex 5 to Dz.U. 2018 poz. 2057)"), {"fields": REPORT_FILED_FIELDS})
            )
        return [*fieldsets, (_("Documents"), {"fields": ["documents"]})]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        readonly = ["agreement", "kind", "due_on", "submitted_on", "called_on", "call_due_on", "documents"]
        if obj.status not in GrantReport.workflow.get("receive").source:
            readonly.append("costs_used")
        return super().get_readonly_fields(request, obj) + readonly + REPORT_FILED_FIELDS

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        return inlines if obj is not None and obj.filed_at else [i for i in inlines if i is not ReportCostLineInline]

    def documents_case(self, obj):
        return obj.agreement.offer

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return services.report_request_partial(
            agreement=data["agreement"], due_on=data["due_on"], acting_user=request.user
        )

    def save_model(self, request, obj, form, change):
        if change and "costs_used" in form.changed_data and obj.costs_used is not None:
            services.report_receive(
                report=GrantReport.objects.get(pk=obj.pk), costs_used=obj.costs_used, acting_user=request.user
            )


@admin.register(GrantControl)
class GrantControlAdmin(ServiceCreateAdminMixin, SimpleHistoryAdmin):
    """A control is recorded by `services.control_record`; its findings may be completed later."""

    list_display = ["agreement", "controlled_on", "recommendations_due"]
    list_select_related = ["agreement"]
    search_fields = ["agreement__number", "findings"]
    date_hierarchy = "controlled_on"
    ordering = ["-controlled_on"]
    autocomplete_fields = ["agreement"]
    fields = ["agreement", "controlled_on", "scope", "findings", "recommendations", "recommendations_due"]

    def get_readonly_fields(self, request, obj=None):
        return ["agreement"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            save_editable_fields(request, obj)

    def create_through_service(self, request, form, formsets):
        return services.control_record(**form.cleaned_data, acting_user=request.user)


SETTLEMENT_FIELDS = [
    "agreement",
    "used_amount",
    "unused_amount",
    "misused_amount",
    "undue_amount",
    "found_on",
    "to_return",
    "unused_return_due",
    "misused_return_due",
]


@admin.register(GrantSettlement)
class GrantSettlementAdmin(ServiceCreateAdminMixin, SimpleHistoryAdmin):
    """The settlement is recorded by `services.settlement_record`, the return by
    `services.settlement_return_record` (which computes the interest) and closed by `services.settlement_close`."""

    list_display = ["agreement", "used_amount", "unused_amount", "misused_amount", "interest_amount", "settled_at"]
    list_select_related = ["agreement"]
    search_fields = ["agreement__number"]
    ordering = ["-created_at"]
    actions = ["close_settlements"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = SettlementRecordForm if obj is None else SettlementReturnForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": SettlementRecordForm.Meta.fields})]
        return [
            (None, {"fields": SETTLEMENT_FIELDS}),
            (
                _("Return and interest (u.f.p. art. 252)"),
                {"fields": ["returned_amount", "returned_on", "interest_amount", "decision_number", "settled_at"]},
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        readonly = [*SETTLEMENT_FIELDS, "interest_amount", "settled_at"]
        if obj.settled_at is not None:
            readonly += ["returned_amount", "returned_on", "decision_number"]
        return readonly

    @admin.display(description=_("to be returned"))
    def to_return(self, obj):
        return format_pln(obj.to_return)

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return services.settlement_record(
            agreement=data["agreement"],
            used=data["used_amount"],
            misused=data["misused_amount"],
            undue=data["undue_amount"],
            found_on=data["found_on"],
            acting_user=request.user,
        )

    def save_model(self, request, obj, form, change):
        if not change:
            return  # recorded in create_through_service
        if {"returned_amount", "returned_on"} & set(form.changed_data) and obj.returned_on:
            services.settlement_return_record(
                settlement=GrantSettlement.objects.get(pk=obj.pk),
                returned_amount=obj.returned_amount,
                returned_on=obj.returned_on,
                acting_user=request.user,
            )
        if "decision_number" in form.changed_data:
            obj._history_user = request.user
            obj.save(update_fields=["decision_number", "updated_at"])

    @admin.action(description=_("Close the settlement"), permissions=["change"])
    def close_settlements(self, request, queryset):
        for settlement in queryset.select_related("agreement__offer"):
            try:
                services.settlement_close(settlement=settlement, acting_user=request.user)
                self.message_user(request, gettext("Settled: %(number)s.") % {"number": settlement}, messages.SUCCESS)
            except CaseWorkError as error:
                self.message_user(request, f"{settlement}: {error.message}", messages.ERROR)


@admin.register(TaxArrearsInterestRate)
class TaxArrearsInterestRateAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "annual_percent", "announcement"]
    ordering = ["-valid_from"]
    search_fields = ["announcement"]
    date_hierarchy = "valid_from"


@admin.register(RegisteredLetterFee)
class RegisteredLetterFeeAdmin(admin.ModelAdmin):
    """The fees behind the minimum interest charged (o.p. art. 54 § 1 pkt 5): a new row when the tariff changes."""

    list_display = ["valid_from", "fee", "source"]
    ordering = ["-valid_from"]
    search_fields = ["source"]
    date_hierarchy = "valid_from"


@admin.register(YearPlan)
class YearPlanAdmin(admin.ModelAdmin):
    list_display = ["year", "planned_ngo_subsidies"]
    ordering = ["-year"]
    search_fields = ["year"]
