"""The clerks' side of grants: calls with their criteria and documents, offers, the committee, agreements,
reports, controls, settlements and the data tables (interest rates, year plans).

Statuses change only through the workflow panel (core.admin_mixins), whose transitions run the guards in
grants.services. The screens after the grant (agreements, partial reports, controls, settlements) are forms
whose `save_model`/`save_related` call the services; a service's refusal comes back as an error message.
"""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import CaseAdminMixin, CaseDocumentsAdminMixin, ReadOnlyModelAdmin, WorkflowAdminMixin
from core.services import CaseWorkError
from grants import rules, selectors, services
from grants.forms import (
    AgreementSignForm,
    CallAdminForm,
    CommitteeMemberForm,
    SettlementRecordForm,
    SettlementReturnForm,
)
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
from grants.rules import format_pln

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


class ServiceRefusalAdminMixin:
    """Show a service's refusal raised from `save_model`/`save_related` as an error message, not a 500.

    The admin runs the whole form in one transaction: the refusal rolls it back, and the clerk is sent back
    to the same form with the service's Polish message.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except CaseWorkError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


def adopt_created(obj, created) -> None:
    """Point the admin's unsaved form instance at the record a service created, for the log and the redirect."""
    obj.pk = created.pk
    obj._state.adding = False
    obj._state.db = created._state.db


class CallCriterionInline(admin.TabularInline):
    model = CallCriterion
    extra = 1


class CallDocumentInline(admin.TabularInline):
    model = CallDocument
    extra = 0


#: The admin URL name of the committee picker's search (`CommitteeMemberAdmin.candidates_view`).
COMMITTEE_CANDIDATES_URL = "grants_committeemember_candidates"
COMMITTEE_CANDIDATES_PER_PAGE = 20


class CommitteeCandidateSelect(AutocompleteSelect):
    """The admin's autocomplete widget, asking the grants admin for people instead of the user admin.

    Django's own autocomplete answers only those who may view the user admin, which no clerk role may; the
    grants clerks pick among `selectors.committee_candidates` through `CommitteeMemberAdmin.candidates_view`.
    """

    def get_url(self):
        return reverse(f"{self.admin_site.name}:{COMMITTEE_CANDIDATES_URL}")


class CommitteePickerMixin:
    """Give a committee member's `user` the picker of active staff, for the inline and the member's own page."""

    form = CommitteeMemberForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["widget"] = CommitteeCandidateSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CommitteeMemberInline(CommitteePickerMixin, admin.TabularInline):
    model = CommitteeMember
    extra = 0


@admin.register(GrantCall)
class GrantCallAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "year", "mode", "budget", "offers_deadline", "status"]
    list_filter = ["status", "year", "mode"]
    search_fields = ["title", "task_type"]
    ordering = ["-offers_deadline"]
    date_hierarchy = "offers_deadline"
    form = CallAdminForm
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CallCriterionInline, CallDocumentInline, CommitteeMemberInline]
    readonly_fields = ["cancellation_reason", "results_published_at", "copied_from", "ranking"]
    actions = ["copy_calls"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "year", "task_type", "mode", "budget", "rules", "previous_year_info"]}),
        (_("Limits for offers"), {"fields": ["max_subsidy", "min_own_percent", "max_admin_percent"]}),
        (
            _("Dates"),
            {"fields": ["implementation_from", "implementation_to", "offers_deadline", "selection_date"]},
        ),
        (_("Publication"), {"fields": ["published_bip_on", "published_board_on", "published_web_on"]}),
        (_("Committee's ranking (u.d.p.p. art. 15 ust. 1)"), {"fields": ["ranking"]}),
        (
            ADVANCED,
            {"classes": ["collapse"], "fields": ["cancellation_reason", "results_published_at", "copied_from"]},
        ),
    ]

    @admin.display(description=_("ranking"))
    def ranking(self, obj):
        """The offers by the committee's points, once the call is closed for offers, with the exports."""
        if obj is None or obj.status not in (GrantCall.Status.EVALUATION, GrantCall.Status.RESOLVED):
            return "—"
        return render_to_string(
            "admin/grants/call_ranking.html",
            {
                "rows": selectors.call_ranking(obj),
                "csv_url": reverse("grants:ranking_csv", args=[obj.pk]),
                "xlsx_url": reverse("grants:ranking_xlsx", args=[obj.pk]),
            },
        )

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
    "documents",
]


@admin.register(GrantOffer)
class GrantOfferAdmin(CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
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
        (_("Documents"), {"fields": ["documents"]}),
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
class CommitteeMemberAdmin(CommitteePickerMixin, admin.ModelAdmin):
    list_display = ["person", "call", "role"]
    list_filter = ["role"]
    list_select_related = ["user", "call"]
    search_fields = ["user__username", "user__last_name", "call__title"]
    ordering = ["call", "role"]
    autocomplete_fields = ["call"]
    fields = ["call", "user", "role"]

    @admin.display(description=_("member"), ordering="user__last_name")
    def person(self, obj):
        # The name, as the picker shows it: a login may be an e-mail address.
        return selectors.committee_candidate_label(obj.user)

    def get_urls(self):
        return [
            path(
                "kandydaci/",
                self.admin_site.admin_view(self.candidates_view),
                name=COMMITTEE_CANDIDATES_URL,
            ),
            *super().get_urls(),
        ]

    def candidates_view(self, request):
        """The picker's search: active staff by name, for a clerk who may appoint members (JSON for select2).

        Only names and ids go out, never an e-mail address; a clerk who may not add or change committee members
        gets 403, as does everyone for the user admin itself.
        """
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        people = selectors.committee_candidates(request.GET.get("term", "")[:100])
        page = Paginator(people, COMMITTEE_CANDIDATES_PER_PAGE).get_page(request.GET.get("page"))
        return JsonResponse(
            {
                "results": [
                    {"id": str(person.pk), "text": selectors.committee_candidate_label(person)} for person in page
                ],
                "pagination": {"more": page.has_next()},
            }
        )


@admin.register(OfferAssignment)
class OfferAssignmentAdmin(ServiceRefusalAdminMixin, admin.ModelAdmin):
    """Giving a member an offer to score calls `services.offer_assign`; a refusal comes back as an error."""

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
        assignment = services.offer_assign(member=obj.member, offer=obj.offer, acting_user=request.user)
        adopt_created(obj, assignment)


@admin.register(MeritScore)
class MeritScoreAdmin(ReadOnlyModelAdmin):
    list_display = ["assignment", "criterion", "points"]
    list_select_related = ["assignment__offer", "assignment__member__user", "criterion"]
    search_fields = ["assignment__offer__case_mark"]
    ordering = ["assignment"]


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
class GrantAgreementAdmin(ServiceRefusalAdminMixin, CaseDocumentsAdminMixin, SimpleHistoryAdmin):
    """Signing an agreement calls `services.agreement_sign`; the signed terms are read-only afterwards.

    The agreement belongs to its offer's case: its page lists that case's documents (the offer, the offeror's
    attachments and declarations, the agreement and every letter since).
    """

    list_display = ["number", "offer", "amount", "signed_on", "implementation_to"]
    list_select_related = ["offer"]
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
        return localize(rules.unused_subsidy_return_due(obj.implementation_to))

    def save_model(self, request, obj, form, change):
        if not change:
            return  # signed in save_related, once the tranches are known
        if "transferred_on" in form.changed_data and obj.transferred_on:
            services.agreement_transfer_record(
                agreement=obj, transferred_on=obj.transferred_on, acting_user=request.user
            )
        save_editable_fields(request, obj)

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)
            return
        tranches = sorted(
            (row.cleaned_data["due_on"], row.cleaned_data["amount"])
            for formset in formsets
            for row in formset.forms
            if row.cleaned_data and not row.cleaned_data.get("DELETE")
        )
        data = form.cleaned_data
        agreement = services.agreement_sign(
            offer=data["offer"],
            number=data["number"],
            signed_on=data["signed_on"],
            bank_account=data["bank_account"],
            tranches=tranches,
            budget_updated=data["budget_updated"],
            use_deadline=data.get("use_deadline"),
            acting_user=request.user,
        )
        adopt_created(form.instance, agreement)

    def construct_change_message(self, request, form, formsets, add=False):
        # The tranche formset is read, not saved: the service wrote the tranches.
        return [{"added": {}}] if add else super().construct_change_message(request, form, formsets, add)


@admin.register(GrantReport)
class GrantReportAdmin(ServiceRefusalAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    """Adding a report demands a partial one (`services.report_request_partial`); typing the amount used
    registers its receipt (`services.report_receive`); acceptance and return are workflow buttons."""

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
        return [
            (None, {"fields": ["agreement", "kind", "status", "due_on", "called_on", "call_due_on"]}),
            (_("Receipt"), {"fields": ["submitted_on", "costs_used"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        readonly = ["agreement", "kind", "due_on", "submitted_on", "called_on", "call_due_on"]
        if obj.status not in GrantReport.workflow.get("receive").source:
            readonly.append("costs_used")
        return super().get_readonly_fields(request, obj) + readonly

    def save_model(self, request, obj, form, change):
        if not change:
            report = services.report_request_partial(
                agreement=obj.agreement, due_on=obj.due_on, acting_user=request.user
            )
            adopt_created(obj, report)
            return
        if "costs_used" in form.changed_data and obj.costs_used is not None:
            services.report_receive(
                report=GrantReport.objects.get(pk=obj.pk), costs_used=obj.costs_used, acting_user=request.user
            )


@admin.register(GrantControl)
class GrantControlAdmin(ServiceRefusalAdminMixin, SimpleHistoryAdmin):
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
            return
        control = services.control_record(
            agreement=obj.agreement,
            controlled_on=obj.controlled_on,
            scope=obj.scope,
            findings=obj.findings,
            recommendations=obj.recommendations,
            recommendations_due=obj.recommendations_due,
            acting_user=request.user,
        )
        adopt_created(obj, control)


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
class GrantSettlementAdmin(ServiceRefusalAdminMixin, SimpleHistoryAdmin):
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

    def save_model(self, request, obj, form, change):
        if not change:
            data = form.cleaned_data
            settlement = services.settlement_record(
                agreement=data["agreement"],
                used=data["used_amount"],
                misused=data["misused_amount"],
                undue=data["undue_amount"],
                found_on=data["found_on"],
                acting_user=request.user,
            )
            adopt_created(obj, settlement)
            return
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
