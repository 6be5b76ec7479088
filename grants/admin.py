"""The clerks' side of grants: calls with their criteria and documents, offers, the committee, agreements,
reports, controls, settlements and the data tables (interest rates, year plans).

Statuses change only through the workflow panel (core.admin_mixins), whose transitions run the guards in
grants.services; records the services create (agreements, settlements) are not added by hand.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import CaseAdminMixin, ReadOnlyModelAdmin, WorkflowAdminMixin
from core.services import CaseWorkError
from grants import services
from grants.models import (
    AgreementTranche,
    CallCriterion,
    CallDocument,
    CommitteeMember,
    GrantAgreement,
    GrantCall,
    GrantControl,
    GrantOffer,
    GrantReport,
    GrantSettlement,
    MeritScore,
    OfferAction,
    OfferAssignment,
    OfferCostLine,
    OfferResult,
    SmallGrantComment,
    TaxArrearsInterestRate,
    YearPlan,
)

ADVANCED = _("Advanced")


def save_editable_fields(request, obj):
    """Save an existing record's editable fields only: statuses and stamps belong to the services."""
    names = [f.name for f in obj._meta.concrete_fields if not f.primary_key and (f.editable or f.name == "updated_at")]
    obj._history_user = request.user
    obj.save(update_fields=names)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CallCriterionInline(admin.TabularInline):
    model = CallCriterion
    extra = 1


class CallDocumentInline(admin.TabularInline):
    model = CallDocument
    extra = 0


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(GrantCall)
class GrantCallAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "year", "mode", "budget", "offers_deadline", "status"]
    list_filter = ["status", "year", "mode"]
    search_fields = ["title", "task_type"]
    ordering = ["-offers_deadline"]
    date_hierarchy = "offers_deadline"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CallCriterionInline, CallDocumentInline, CommitteeMemberInline]
    readonly_fields = ["cancellation_reason", "results_published_at", "copied_from"]
    actions = ["copy_calls"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "year", "task_type", "mode", "budget", "rules", "previous_year_info"]}),
        (_("Limits for offers"), {"fields": ["max_subsidy", "min_own_percent", "max_admin_percent"]}),
        (
            _("Dates"),
            {"fields": ["implementation_from", "implementation_to", "offers_deadline", "selection_date"]},
        ),
        (_("Publication"), {"fields": ["published_bip_on", "published_board_on", "published_web_on"]}),
        (
            ADVANCED,
            {"classes": ["collapse"], "fields": ["cancellation_reason", "results_published_at", "copied_from"]},
        ),
    ]

    @admin.action(description=_("Copy as a new draft"), permissions=["add"])
    def copy_calls(self, request, queryset):
        for call in queryset:
            copy = services.call_copy(call=call, acting_user=request.user)
            self.message_user(request, gettext("Copied: %(title)s.") % {"title": copy.slug})

    def save_model(self, request, obj, form, change):
        if change:
            save_editable_fields(request, obj)
        else:
            super().save_model(request, obj, form, change)


@admin.register(CallCriterion)
class CallCriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "call", "kind", "max_points"]
    list_filter = ["kind"]
    list_select_related = ["call"]
    search_fields = ["name", "call__title"]
    ordering = ["call", "position"]
    autocomplete_fields = ["call"]


@admin.register(CallDocument)
class CallDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "call", "position"]
    list_select_related = ["call"]
    search_fields = ["title", "call__title"]
    ordering = ["call", "position"]
    autocomplete_fields = ["call"]


class OfferActionInline(ReadOnlyInline):
    model = OfferAction
    fields = ["position", "name", "target_group", "planned_period", "partner_scope"]
    readonly_fields = fields


class OfferResultInline(ReadOnlyInline):
    model = OfferResult
    fields = ["position", "name", "target_value", "monitoring"]
    readonly_fields = fields


class OfferCostLineInline(ReadOnlyInline):
    model = OfferCostLine
    fields = ["position", "category", "name", "unit", "unit_cost", "units", "total"]
    readonly_fields = fields


OFFER_READONLY = [
    "case_mark",
    "kind",
    "call",
    "organisation_name",
    "legal_form",
    "register_number",
    "address",
    "correspondence_address",
    "website",
    "email",
    "phone",
    "contact_name",
    "contact_phone",
    "contact_email",
    "is_joint",
    "partners",
    "title",
    "start_date",
    "end_date",
    "place",
    "description",
    "expected_results",
    "experience",
    "resources",
    "total_costs",
    "requested_amount",
    "own_financial",
    "own_personal",
    "own_material",
    "recipient_fees",
    "paid_activity",
    "other_information",
    "merit_score",
    "completion_due",
    "published_on",
    "comments_until",
    "channel",
    "created_at",
    "closed_at",
]


@admin.register(GrantOffer)
class GrantOfferAdmin(CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "organisation_name", "title", "call", "requested_amount", "merit_score", "status"]
    list_filter = ["status", "kind", "call__year"]
    list_select_related = ["call", "handler"]
    search_fields = ["case_mark", "organisation_name", "title", "register_number"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    readonly_fields = OFFER_READONLY
    inlines = [OfferActionInline, OfferResultInline, OfferCostLineInline]
    fieldsets = [
        (None, {"fields": ["case_mark", "kind", "call", "status", "handler"]}),
        (
            _("II. The offeror"),
            {
                "fields": [
                    "organisation_name",
                    "legal_form",
                    "register_number",
                    "address",
                    "correspondence_address",
                    "website",
                    "email",
                    "phone",
                    "contact_name",
                    "contact_phone",
                    "contact_email",
                    "is_joint",
                    "partners",
                ]
            },
        ),
        (
            _("III–IV. The task and the offeror"),
            {
                "fields": [
                    "title",
                    "start_date",
                    "end_date",
                    "place",
                    "description",
                    "expected_results",
                    "experience",
                    "resources",
                ]
            },
        ),
        (
            _("V. Sources of funding"),
            {
                "fields": [
                    "total_costs",
                    "requested_amount",
                    "own_financial",
                    "own_personal",
                    "own_material",
                    "recipient_fees",
                ]
            },
        ),
        (_("Evaluation"), {"fields": ["merit_score", "recommended_amount", "granted_amount", "completion_due"]}),
        (
            ADVANCED,
            {
                "classes": ["collapse"],
                "fields": [
                    "paid_activity",
                    "other_information",
                    "published_on",
                    "comments_until",
                    "channel",
                    "incoming_reg_no",
                    "created_at",
                    "closed_at",
                ],
            },
        ),
    ]

    def has_add_permission(self, request):
        # Offers come from the public form (or are typed in by the offeror there for a paper offer).
        return False

    def save_model(self, request, obj, form, change):
        amounts = {"recommended_amount", "granted_amount"} & set(form.changed_data)
        if amounts:
            try:
                services.offer_amounts_set(
                    offer=GrantOffer.objects.get(pk=obj.pk),
                    acting_user=request.user,
                    recommended=obj.recommended_amount,
                    granted=obj.granted_amount,
                )
            except CaseWorkError as error:
                self.message_user(request, error.message, messages.ERROR)
                return
        obj.refresh_from_db(fields=["recommended_amount", "granted_amount"])
        obj.handler = form.cleaned_data.get("handler")
        obj.save(update_fields=["handler", "incoming_reg_no", "updated_at"])

    def revert_disabled(self, request, obj=None):
        return True


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "call", "role"]
    list_filter = ["role"]
    list_select_related = ["user", "call"]
    search_fields = ["user__username", "user__last_name", "call__title"]
    ordering = ["call", "role"]
    autocomplete_fields = ["user", "call"]


@admin.register(OfferAssignment)
class OfferAssignmentAdmin(admin.ModelAdmin):
    list_display = ["offer", "member", "declared_at", "has_conflict"]
    list_filter = ["has_conflict"]
    list_select_related = ["offer", "member__user", "member__call"]
    search_fields = ["offer__case_mark", "member__user__username"]
    ordering = ["offer"]
    raw_id_fields = ["member", "offer"]
    readonly_fields = ["declared_at", "has_conflict"]

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        try:
            services.offer_assign(member=obj.member, offer=obj.offer, acting_user=request.user)
        except CaseWorkError as error:
            self.message_user(request, error.message, messages.ERROR)


@admin.register(MeritScore)
class MeritScoreAdmin(ReadOnlyModelAdmin):
    list_display = ["assignment", "criterion", "points"]
    list_select_related = ["assignment__offer", "assignment__member__user", "criterion"]
    search_fields = ["assignment__offer__case_mark"]
    ordering = ["assignment"]


class TrancheInline(ReadOnlyInline):
    model = AgreementTranche
    fields = ["position", "due_on", "amount"]
    readonly_fields = fields


@admin.register(GrantAgreement)
class GrantAgreementAdmin(SimpleHistoryAdmin):
    list_display = ["number", "offer", "amount", "signed_on", "implementation_to"]
    list_select_related = ["offer"]
    search_fields = ["number", "offer__case_mark", "offer__organisation_name"]
    date_hierarchy = "signed_on"
    ordering = ["-signed_on"]
    inlines = [TrancheInline]
    readonly_fields = [
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

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        save_editable_fields(request, obj)


@admin.register(GrantReport)
class GrantReportAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["agreement", "kind", "due_on", "submitted_on", "call_due_on", "status"]
    list_filter = ["status", "kind"]
    list_select_related = ["agreement"]
    search_fields = ["agreement__number", "agreement__offer__case_mark"]
    date_hierarchy = "due_on"
    ordering = ["due_on"]
    readonly_fields = ["agreement", "kind", "due_on", "submitted_on", "called_on", "call_due_on"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        save_editable_fields(request, obj)


@admin.register(GrantControl)
class GrantControlAdmin(SimpleHistoryAdmin):
    list_display = ["agreement", "controlled_on", "recommendations_due"]
    list_select_related = ["agreement"]
    search_fields = ["agreement__number", "findings"]
    date_hierarchy = "controlled_on"
    ordering = ["-controlled_on"]
    autocomplete_fields = ["agreement"]


@admin.register(GrantSettlement)
class GrantSettlementAdmin(SimpleHistoryAdmin):
    list_display = ["agreement", "used_amount", "unused_amount", "misused_amount", "interest_amount", "settled_at"]
    list_select_related = ["agreement"]
    search_fields = ["agreement__number"]
    ordering = ["-created_at"]
    readonly_fields = [
        "agreement",
        "used_amount",
        "unused_amount",
        "misused_amount",
        "undue_amount",
        "found_on",
        "unused_return_due",
        "misused_return_due",
        "returned_amount",
        "returned_on",
        "interest_amount",
        "settled_at",
    ]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        save_editable_fields(request, obj)


@admin.register(TaxArrearsInterestRate)
class TaxArrearsInterestRateAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "annual_percent", "announcement"]
    ordering = ["-valid_from"]
    search_fields = ["announcement"]
    date_hierarchy = "valid_from"


@admin.register(YearPlan)
class YearPlanAdmin(admin.ModelAdmin):
    list_display = ["year", "planned_ngo_subsidies"]
    ordering = ["-year"]
    search_fields = ["year"]


@admin.register(SmallGrantComment)
class SmallGrantCommentAdmin(admin.ModelAdmin):
    list_display = ["offer", "author_name", "received_at"]
    list_select_related = ["offer"]
    search_fields = ["offer__case_mark", "author_name", "text"]
    date_hierarchy = "received_at"
    ordering = ["-received_at"]
    readonly_fields = ["offer", "author_name", "text", "received_at"]

    def has_add_permission(self, request):
        return False
