"""Scholarship and award calls, and the applications and nominations they receive, in the admin.

The section "Dotacje, stypendia i nagrody" runs both (u.o.p.d.k. art. 7a, 7b; DOMAIN.md §D).
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from awards.models import (
    AwardApplication,
    AwardCall,
    AwardCallDocument,
    AwardResolution,
    FieldOfArt,
    ScholarshipPayment,
)
from core.admin_mixins import CaseAdminMixin, CaseDocumentsAdminMixin, ChangeListExportMixin
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


@admin.register(AwardCall)
class AwardCallAdmin(RichTextAdminMixin, SimpleHistoryAdmin):
    inlines = [AwardCallDocumentInline]
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
    ]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else None


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


@admin.register(AwardApplication)
class AwardApplicationAdmin(ChangeListExportMixin, CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
    form = AwardApplicationAdminForm
    inlines = [ScholarshipPaymentInline]
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
