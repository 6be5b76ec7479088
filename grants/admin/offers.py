"""Offers with their tables, the committee's assignments and scores, and the comments on small grants."""

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    CaseAdminMixin,
    CaseDocumentsAdminMixin,
    ChangeListExportMixin,
    ReadOnlyInlineMixin,
    ReadOnlyModelAdmin,
)
from core.committee.admin import CommitteeAssignmentAdmin
from core.services import CaseWorkError
from grants import selectors, services
from grants.admin.common import ADVANCED
from grants.models import (
    GrantOffer,
    MeritScore,
    OfferAction,
    OfferAssignment,
    OfferCostLine,
    OfferResult,
    SmallGrantComment,
)


class OfferActionInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = OfferAction
    fields = ["position", "name", "target_group", "planned_period", "partner_scope"]
    readonly_fields = fields


class OfferResultInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = OfferResult
    fields = ["position", "name", "target_value", "monitoring"]
    readonly_fields = fields


class OfferCostLineInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = OfferCostLine
    fields = ["position", "category", "name", "unit", "unit_cost", "units", "total"]
    readonly_fields = fields


#: What a clerk changes on an offer's page: the paper register number and the amounts (through
#: `services.offer_amounts_set`); the status moves by the workflow's buttons and the handler by taking or assigning
#: the case (the panel's buttons). Everything else is the offeror's.
OFFER_EDITABLE = {"status", "incoming_reg_no", "recommended_amount", "granted_amount"}


@admin.register(GrantOffer)
class GrantOfferAdmin(ChangeListExportMixin, CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "organisation_name", "title", "call", "requested_amount", "merit_score", "status"]
    export_filename = "oferty"
    export_columns = [
        "case_mark",
        "kind",
        (_("Call"), "call__title"),
        "organisation_name",
        "title",
        "start_date",
        "end_date",
        "requested_amount",
        "merit_score",
        "recommended_amount",
        "granted_amount",
        "status",
    ]
    list_filter = ["status", "kind", "call__year"]
    list_select_related = ["call", "handler"]
    search_fields = ["case_mark", "organisation_name", "title", "register_number"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
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
        (
            _("Evaluation"),
            {
                "fields": [
                    "merit_score",
                    "recommended_amount",
                    "granted_amount",
                    "completion_due",
                    "committee_conflict",
                ]
            },
        ),
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

    readonly_fields = [name for _t, options in fieldsets for name in options["fields"] if name not in OFFER_EDITABLE]

    @admin.display(description=_("offeror's nominees on the committee"))
    def committee_conflict(self, obj):
        """Members of the call's committee nominated by this offeror: the offer stands, they may not sit (ust. 2d)."""
        nominees = selectors.offer_excluded_nominees(obj) if obj is not None else []
        if not nominees:
            return "—"
        return format_html(
            '<strong class="errornote">{}</strong>',
            gettext(
                "The offeror nominated %(members)s to the call's committee: they may not sit on it "
                "(u.d.p.p. art. 15 ust. 2d). Remove them from the committee on the call's page."
            )
            % {"members": ", ".join(selectors.committee_candidate_label(m.user) for m in nominees)},
        )

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
        # The handler changes only by taking or assigning the case (core.services.case_take, case_assign).
        obj.save(update_fields=["incoming_reg_no", "updated_at"])


@admin.register(OfferAssignment)
class OfferAssignmentAdmin(CommitteeAssignmentAdmin):
    """Giving a member an offer to score calls `services.offer_assign`; a refusal comes back as an error."""

    list_display = ["offer", "member", "declared_at", "has_conflict"]
    list_filter = ["has_conflict"]
    list_select_related = ["offer", "member__user", "member__call"]
    search_fields = ["offer__case_mark", "member__user__username"]
    ordering = ["offer"]
    raw_id_fields = ["member", "offer"]

    def assign(self, request, member, case):
        return services.offer_assign(member=member, offer=case, acting_user=request.user)


@admin.register(MeritScore)
class MeritScoreAdmin(ReadOnlyModelAdmin):
    list_display = ["assignment", "criterion", "points"]
    list_select_related = ["assignment__offer", "assignment__member__user", "criterion"]
    search_fields = ["assignment__offer__case_mark"]
    ordering = ["assignment"]


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
