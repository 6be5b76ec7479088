"""Scholarship and award calls, and the applications and nominations they receive, in the admin.

The section "Dotacje, stypendia i nagrody" runs both (u.o.p.d.k. art. 7a, 7b; DOMAIN.md §D).
"""

from django import forms
from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from awards import selectors, services
from awards.models import (
    COMMITTEE_MAX_POINTS,
    AwardApplication,
    AwardAssignment,
    AwardCall,
    AwardCallDocument,
    AwardCommittee,
    AwardCommitteeMember,
    AwardInterview,
    AwardResolution,
    AwardScore,
    FieldOfArt,
    ScholarshipPayment,
)
from core.admin_mixins import (
    CaseAdminMixin,
    CaseDocumentsAdminMixin,
    ChangeListExportMixin,
    HistoryViewOnlyMixin,
    ReadOnlyInlineMixin,
    ReadOnlyModelAdmin,
    ServiceCreateAdminMixin,
)
from core.committee import selectors as committee_selectors
from core.committee.admin import CommitteeAssignmentAdmin, CommitteeCandidatesAdminMixin, CommitteePickerMixin
from core.fieldsets import admin_fieldsets, fieldset_fields
from core.public_attachments import PublicAttachmentInline
from core.rich_text import RichTextAdminMixin
from core.validators import normalise_nrb

#: Statuses in which the contract's data may still be typed: once signed it is printed and shown masked.
CONTRACT_EDITABLE_STATUSES = {
    AwardApplication.Status.SUBMITTED,
    AwardApplication.Status.INCOMPLETE,
    AwardApplication.Status.FORMAL_OK,
    AwardApplication.Status.GRANTED,
}
CONTRACT_FIELDS = ["contract_number", "contract_signed_on", "pesel", "bank_account"]


class AwardResolutionAdminForm(forms.ModelForm):
    """The resolution's fields of art as ticks of the list (stored as their codes)."""

    fields_of_art = forms.MultipleChoiceField(
        label=_("fields of art"),
        choices=FieldOfArt.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The fields the resolution allows; none ticked means every field."),
    )

    class Meta:
        model = AwardResolution
        fields = [
            "kind",
            "number",
            "adopted_on",
            "title",
            "journal_item",
            "max_amount",
            "max_amount_periodic",
            "max_amount_one_off",
            "fields_of_art",
        ]


@admin.register(AwardResolution)
class AwardResolutionAdmin(SimpleHistoryAdmin):
    """The council's resolutions on scholarships and awards (u.o.p.d.k. art. 7a ust. 3, art. 7b ust. 3)."""

    form = AwardResolutionAdminForm
    list_display = ["number", "kind", "adopted_on", "journal_item", "max_amount"]
    list_filter = ["kind"]
    search_fields = ["number", "title", "journal_item"]
    ordering = ["-adopted_on", "number"]
    date_hierarchy = "adopted_on"
    fieldsets = [
        (None, {"fields": ["kind", "number", "adopted_on", "title", "journal_item"]}),
        (
            _("Caps"),
            {
                "fields": ["max_amount", "max_amount_periodic", "max_amount_one_off"],
                "description": _(
                    "The highest amount of one scholarship or award; where the resolution caps periodic and one-off "
                    "scholarships apart, those two caps (the form then asks which kind is applied for)."
                ),
            },
        ),
        (_("Fields of art"), {"fields": ["fields_of_art"]}),
    ]


class AwardCallDocumentInline(PublicAttachmentInline):
    model = AwardCallDocument


#: The admin URL name of the committee picker's search (`AwardCommitteeMemberAdmin.candidates_view`).
COMMITTEE_CANDIDATES_URL = "awards_awardcommitteemember_candidates"


class AwardCommitteeInline(admin.StackedInline):
    """The Mayor's order appointing the call's committee: its number and date."""

    model = AwardCommittee
    fields = ["order_number", "order_date"]
    extra = 0
    max_num = 1
    can_delete = False


class AwardCommitteeMemberInline(CommitteePickerMixin, admin.TabularInline):
    """The committee's members, picked among active staff by name (an outside expert gets a staff account)."""

    model = AwardCommitteeMember
    fields = ["user", "role"]
    extra = 0
    candidates_url_name = COMMITTEE_CANDIDATES_URL


@admin.register(AwardCall)
class AwardCallAdmin(RichTextAdminMixin, SimpleHistoryAdmin):
    inlines = [AwardCallDocumentInline, AwardCommitteeInline, AwardCommitteeMemberInline]
    list_display = ["title", "kind", "year", "deadline", "budget", "max_amount", "is_published"]
    list_filter = ["kind", "year", "is_published"]
    search_fields = ["title", "resolution", "council_resolution__number"]
    date_hierarchy = "deadline"
    autocomplete_fields = ["council_resolution"]
    fieldsets = [
        (None, {"fields": ["kind", "year", "title", "slug", "council_resolution", "resolution"]}),
        (_("Rules"), {"fields": ["rules"]}),
        (_("Deadline and amounts"), {"fields": ["deadline", "budget", "max_amount"]}),
        (_("Publication"), {"fields": ["is_published"]}),
        (_("After the decision"), {"fields": ["results_published", "results_show_amounts", "ceremony_date"]}),
        (_("Committee (u.o.p.d.k. art. 7a/7b ust. 3)"), {"fields": ["committee_ranking"]}),
    ]
    readonly_fields = ["committee_ranking"]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else None

    @admin.display(description=_("committee's ranking"))
    def committee_ranking(self, obj):
        """The applications by the mean points of the members with a vote, the experts' points apart, not counted.

        The committee's opinion does not bind the Mayor (DOMAIN.md §D.2): the clerk reads it here, and records the
        Mayor's order on each application.
        """
        if obj is None or obj.pk is None:
            return "—"
        return render_to_string(
            "admin/awards/call_ranking.html",
            {
                "rows": selectors.call_ranking(obj),
                "advisory": selectors.call_advisory_scores(obj),
                "max_points": COMMITTEE_MAX_POINTS,
            },
        )


class AwardApplicationAdminForm(forms.ModelForm):
    """The clerk's fields; the PESEL and the bank account as one-line inputs, the account stored as 26 digits."""

    class Meta:
        model = AwardApplication
        # The admin builds the form from its fieldsets; these are the fields this form adds to.
        fields = ["pesel", "bank_account"]
        widgets = {
            "pesel": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 11, "autocomplete": "off"}),
            "bank_account": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def clean_pesel(self):
        return (self.cleaned_data.get("pesel") or "").strip()

    def clean_bank_account(self):
        return normalise_nrb(self.cleaned_data.get("bank_account") or "")


class ScholarshipPaymentInline(admin.TabularInline):
    """The contract's payment schedule: the clerk enters the instalments, then the day each was transferred."""

    model = ScholarshipPayment
    extra = 0
    fields = ["position", "due_on", "amount", "paid_on"]


class AwardAssignmentInline(ReadOnlyInlineMixin, admin.TabularInline):
    """The committee's members on this application: their declarations, points and opinions (not binding)."""

    model = AwardAssignment
    fields = ["member", "declared_at", "has_conflict", "points", "opinion"]
    readonly_fields = fields
    verbose_name_plural = _("the committee's opinions")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("member__user", "score")

    @admin.display(description=_("points"))
    def points(self, obj):
        score = getattr(obj, "score", None)
        return score.points if score else "—"

    @admin.display(description=_("opinion"))
    def opinion(self, obj):
        score = getattr(obj, "score", None)
        return score.comment if score else "—"


class AwardInterviewInline(ReadOnlyInlineMixin, admin.StackedInline):
    """The interview with the committee, set on its own page (`AwardInterviewAdmin`), which tells the applicant."""

    model = AwardInterview
    fields = ["starts_at", "place"]
    readonly_fields = fields


@admin.register(AwardApplication)
class AwardApplicationAdmin(ChangeListExportMixin, CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
    form = AwardApplicationAdminForm
    inlines = [ScholarshipPaymentInline, AwardAssignmentInline, AwardInterviewInline]
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
                "fields": ["decision_number", "decision_date", "granted_amount", "award_form"],
                "description": _(
                    "The committee's opinion does not bind the Mayor; enter the order's number, date and amount "
                    "before the decision's button (u.o.p.d.k. art. 7a and 7b)."
                ),
            },
        ),
        (
            _("Scholarship contract"),
            {
                "fields": [*CONTRACT_FIELDS, "report_due"],
                "description": _(
                    "Enter the contract's data and the payment schedule before “Scholarship contract signed”: the "
                    "contract is then printed and the PESEL and the account are shown masked."
                ),
            },
        ),
        (_("The scholar's report"), {"fields": ["report_filed_at", "report_text"]}),
        (None, {"fields": ["channel", "info_clause", "created_at", "closed_at"]}),
    ]
    readonly_fields = [
        "report_due",
        "report_filed_at",
        "report_text",
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

    def _contract_locked(self, obj) -> bool:
        return obj is not None and obj.status not in CONTRACT_EDITABLE_STATUSES

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._contract_locked(obj):
            return fieldsets
        shown = {"pesel": "masked_pesel", "bank_account": "masked_bank_account"}
        return [
            (name, {**options, "fields": [shown.get(field, field) for field in options["fields"]]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._contract_locked(obj):
            readonly += ["contract_number", "contract_signed_on", "masked_pesel", "masked_bank_account"]
        return readonly

    @admin.display(description=_("scholar's PESEL"))
    def masked_pesel(self, obj):
        return obj.masked_pesel

    @admin.display(description=_("scholar's bank account"))
    def masked_bank_account(self, obj):
        return obj.masked_bank_account


# The committee (core.committee; u.o.p.d.k. art. 7a/7b ust. 3, DOMAIN.md §D.2) -------------------------------------


@admin.register(AwardCommitteeMember)
class AwardCommitteeMemberAdmin(CommitteeCandidatesAdminMixin, admin.ModelAdmin):
    list_display = ["person", "call", "role"]
    list_filter = ["role"]
    list_select_related = ["user", "call"]
    search_fields = ["user__username", "user__last_name", "call__title"]
    ordering = ["call", "role"]
    autocomplete_fields = ["call"]
    fields = ["call", "user", "role"]
    candidates_url_name = COMMITTEE_CANDIDATES_URL

    @admin.display(description=_("member"), ordering="user__last_name")
    def person(self, obj):
        # The name, as the picker shows it: a login may be an e-mail address.
        return committee_selectors.committee_candidate_label(obj.user)


@admin.register(AwardAssignment)
class AwardAssignmentAdmin(CommitteeAssignmentAdmin):
    """Giving a member an application to score calls `services.application_assign`; a refusal comes back."""

    list_display = ["application", "member", "declared_at", "has_conflict"]
    list_filter = ["has_conflict"]
    list_select_related = ["application", "member__user"]
    search_fields = ["application__case_mark", "member__user__username", "member__user__last_name"]
    ordering = ["application"]
    raw_id_fields = ["member", "application"]

    def assign(self, request, member, case):
        return services.application_assign(member=member, application=case, acting_user=request.user)


@admin.register(AwardScore)
class AwardScoreAdmin(ReadOnlyModelAdmin):
    """The members' points and opinions, written only by the members in the committee's panel."""

    list_display = ["assignment", "points"]
    list_select_related = ["assignment__application", "assignment__member__user"]
    search_fields = ["assignment__application__case_mark"]
    ordering = ["assignment"]


@admin.register(AwardInterview)
class AwardInterviewAdmin(ServiceCreateAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """Setting or moving an interview calls `services.interview_schedule`, which tells the applicant."""

    list_display = ["application", "starts_at", "place"]
    list_select_related = ["application"]
    search_fields = ["application__case_mark", "place"]
    date_hierarchy = "starts_at"
    ordering = ["starts_at"]
    raw_id_fields = ["application"]
    fields = ["application", "starts_at", "place"]

    def get_readonly_fields(self, request, obj=None):
        return ["application"] if obj is not None else []

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return services.interview_schedule(
            application=data["application"],
            starts_at=data["starts_at"],
            place=data["place"],
            acting_user=request.user,
        )

    def save_model(self, request, obj, form, change):
        if change:
            services.interview_schedule(
                application=obj.application, starts_at=obj.starts_at, place=obj.place, acting_user=request.user
            )
