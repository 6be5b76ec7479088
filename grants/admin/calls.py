"""Calls with their criteria and documents, and the committee with its picker of staff (u.d.p.p. art. 13, 15)."""

from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import WorkflowAdminMixin
from core.committee import admin as core_committee_admin
from core.committee.admin import CommitteeCandidatesAdminMixin
from core.public_attachments import PublicAttachmentForm, PublicAttachmentInline
from core.rich_text import RichTextAdminMixin
from grants import selectors, services
from grants.admin.common import ADVANCED
from grants.forms import (
    CallAdminForm,
    CommitteeMemberForm,
)
from grants.models import (
    CallCriterion,
    CallDocument,
    CommitteeMember,
    GrantCall,
)


class CallCriterionInline(admin.TabularInline):
    model = CallCriterion
    extra = 1


class CallDocumentInline(PublicAttachmentInline):
    model = CallDocument


#: The admin URL name of the committee picker's search (`core.committee.admin.CommitteeCandidatesAdminMixin`).
COMMITTEE_CANDIDATES_URL = "grants_committeemember_candidates"


class CommitteePickerMixin(core_committee_admin.CommitteePickerMixin):
    """Give a committee member's `user` the kernel's picker of active staff, asking the grants admin for people.

    Django's own autocomplete answers only those who may view the user admin, which no clerk role may; the
    grants clerks pick among `selectors.committee_candidates` through `CommitteeMemberAdmin.candidates_view`.
    """

    form = CommitteeMemberForm
    candidates_url_name = COMMITTEE_CANDIDATES_URL


class CommitteeMemberInline(CommitteePickerMixin, admin.TabularInline):
    model = CommitteeMember
    extra = 0


@admin.register(GrantCall)
class GrantCallAdmin(RichTextAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "year", "mode", "budget", "offers_deadline", "status"]
    list_filter = ["status", "year", "mode"]
    search_fields = ["title", "task_type"]
    ordering = ["-offers_deadline"]
    date_hierarchy = "offers_deadline"
    form = CallAdminForm
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CallCriterionInline, CallDocumentInline, CommitteeMemberInline]
    readonly_fields = [
        "cancellation_reason",
        "results_published_at",
        "copied_from",
        "committee_composition",
        "ranking",
    ]
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
            _("Committee (u.d.p.p. art. 15 ust. 2a–2f)"),
            {"fields": ["committee_composition", "committee_without_ngo_reason", "committee_without_ngo_note"]},
        ),
        (_("Committee's ranking (u.d.p.p. art. 15 ust. 1)"), {"fields": ["ranking"]}),
        (
            ADVANCED,
            {"classes": ["collapse"], "fields": ["cancellation_reason", "results_published_at", "copied_from"]},
        ),
    ]

    @admin.display(description=_("composition"))
    def committee_composition(self, obj):
        """Who sits on the committee, who nominated them, who only advises, and who may not sit (ust. 2d–2e)."""
        if obj is None or obj.pk is None:
            return "—"
        excluded = selectors.committee_excluded_members(obj)
        members = [
            (member, excluded.get(member.pk)) for member in obj.committee.select_related("user").order_by("role", "pk")
        ]
        return render_to_string(
            "admin/grants/call_committee.html",
            {
                "members": members,
                "sitting_ngo": len(selectors.committee_sitting_ngo_members(obj)),
                "reason": obj.get_committee_without_ngo_reason_display(),
                "note": obj.committee_without_ngo_note,
            },
        )

    @admin.display(description=_("ranking"))
    def ranking(self, obj):
        """The offers by the voting members' points, once the call is closed for offers, with the exports.

        The experts' points (u.d.p.p. art. 15 ust. 2e) are listed under the ranking, labelled, and not counted.
        """
        if obj is None or obj.status not in (GrantCall.Status.EVALUATION, GrantCall.Status.RESOLVED):
            return "—"
        return render_to_string(
            "admin/grants/call_ranking.html",
            {
                "rows": selectors.call_ranking(obj),
                "advisory": selectors.call_advisory_scores(obj),
                "csv_url": reverse("grants:ranking_csv", args=[obj.pk]),
                "xlsx_url": reverse("grants:ranking_xlsx", args=[obj.pk]),
            },
        )

    @admin.action(description=_("Copy as a new draft"), permissions=["add"])
    def copy_calls(self, request, queryset):
        for call in queryset:
            copy = services.call_copy(call=call, acting_user=request.user)
            self.message_user(request, gettext("Copied: %(title)s.") % {"title": copy.slug})


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
    form = PublicAttachmentForm
    fields = ["call", "title", "file", "position"]
    list_display = ["title", "call", "position"]
    list_select_related = ["call"]
    search_fields = ["title", "call__title"]
    ordering = ["call", "position"]
    autocomplete_fields = ["call"]


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(CommitteeCandidatesAdminMixin, CommitteePickerMixin, admin.ModelAdmin):
    list_display = ["person", "call", "role", "nominated_by"]
    list_filter = ["role"]
    list_select_related = ["user", "call"]
    search_fields = ["user__username", "user__last_name", "call__title"]
    ordering = ["call", "role"]
    autocomplete_fields = ["call"]
    fields = ["call", "user", "role", "nominated_by", "nominated_by_register"]

    @admin.display(description=_("member"), ordering="user__last_name")
    def person(self, obj):
        # The name, as the picker shows it: a login may be an e-mail address.
        return selectors.committee_candidate_label(obj.user)
