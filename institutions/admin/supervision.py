"""Supervision in the admin: directors' terms, financial statements, inspections and subsidies."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    HistoryViewOnlyMixin,
)
from institutions import services
from institutions.admin.common import (
    PrivateFileAdminMixin,
    RegisterBookAdminMixin,
    pdf_file_field,
)
from institutions.models import (
    DirectorTerm,
    FinancialStatement,
    Inspection,
    InstitutionSubsidy,
)


class EntryDateFormMixin:
    """Check the date of the book entry a save will make, so that a refusal is a form error, not a server error."""

    def check_entry_date(self, institution, entry_date):
        if institution is None or entry_date is None:
            return
        try:
            services.entry_date_validate(institution=institution, entry_date=entry_date)
        except services.RegisterError as error:
            self.add_error("entry_date" if "entry_date" in self.fields else None, error.message)


class DirectorTermForm(EntryDateFormMixin, forms.ModelForm):
    entry_date = forms.DateField(
        label=_("date of entry"),
        required=False,
        help_text=_(
            "Date of the section II entry; by default the start of the term, or today if the term starts later."
        ),
    )

    class Meta:
        model = DirectorTerm
        fields = [
            "institution",
            "person_name",
            "appointment_mode",
            "appointment_act",
            "starts_on",
            "ends_on",
            "opinions",
            "ended_early_on",
        ]

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and data.get("starts_on"):
            self.check_entry_date(
                data.get("institution"), services.director_term_entry_date(data["starts_on"], data.get("entry_date"))
            )
        return data


@admin.register(DirectorTerm)
class DirectorTermAdmin(RegisterBookAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """A new term is recorded through the service, which enters the director in section II of the book."""

    form = DirectorTermForm
    list_display = ["person_name", "institution", "appointment_mode", "starts_on", "ends_on", "ended_early_on"]
    list_filter = ["appointment_mode"]
    list_select_related = ["institution"]
    search_fields = ["person_name", "institution__full_name"]
    autocomplete_fields = ["institution", "appointment_act"]
    ordering = ["-starts_on"]
    date_hierarchy = "starts_on"
    fields = [
        "institution",
        "person_name",
        "appointment_mode",
        "appointment_act",
        "starts_on",
        "ends_on",
        "opinions",
        "ended_early_on",
    ]

    def get_fields(self, request, obj=None):
        return self.fields if obj is not None else [*self.fields, "entry_date"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["institution", "person_name", "appointment_mode", "appointment_act", "starts_on", "ends_on"]

    def save_model(self, request, obj, form, change):
        # A new term is recorded (with its section II entry) by create_through_service.
        if change:
            obj._history_user = request.user
            obj.save(update_fields=["opinions", "ended_early_on", "updated_at"])

    def create_through_service(self, request, form, formsets):
        obj = form.instance
        return services.director_term_record(
            institution=obj.institution,
            person_name=obj.person_name,
            appointment_mode=obj.appointment_mode,
            appointment_act=obj.appointment_act,
            starts_on=obj.starts_on,
            ends_on=obj.ends_on,
            opinions=obj.opinions,
            entry_date=form.cleaned_data.get("entry_date"),
            acting_user=request.user,
        )


class FinancialStatementForm(EntryDateFormMixin, forms.ModelForm):
    entry_date = forms.DateField(
        label=_("date of entry"),
        required=False,
        help_text=_("Date of the section III entry; today by default."),
    )

    class Meta:
        model = FinancialStatement
        fields = ["institution", "year", "approved_on", "approval_act"]

    def clean(self):
        data = super().clean()
        institution = data.get("institution")
        if institution is not None and data.get("year"):
            try:
                services.financial_statement_check_file(institution=institution, year=data["year"])
            except services.RegisterError as error:
                self.add_error("year", error.message)
        self.check_entry_date(institution, data.get("entry_date") or timezone.localdate())
        return data


@admin.register(FinancialStatement)
class FinancialStatementAdmin(RegisterBookAdminMixin, admin.ModelAdmin):
    """Filing a statement makes a section III entry; neither can be changed afterwards."""

    form = FinancialStatementForm

    list_display = ["institution", "year", "approved_on"]
    list_filter = ["year"]
    list_select_related = ["institution"]
    search_fields = ["institution__full_name"]
    autocomplete_fields = ["institution", "approval_act"]
    ordering = ["-year"]
    date_hierarchy = "approved_on"
    fields = ["institution", "year", "approved_on", "approval_act", "entry_date"]

    def has_change_permission(self, request, obj=None):
        return False

    def create_through_service(self, request, form, formsets):
        obj = form.instance
        return services.financial_statement_file(
            institution=obj.institution,
            year=obj.year,
            approved_on=obj.approved_on,
            approval_act=obj.approval_act,
            entry_date=form.cleaned_data.get("entry_date"),
            acting_user=request.user,
        )


class InspectionForm(forms.ModelForm):
    protocol = pdf_file_field(_("protocol"))

    class Meta:
        model = Inspection
        fields = [
            "institution",
            "scope",
            "date_from",
            "date_to",
            "protocol",
            "findings",
            "recommendations",
            "follow_up_due",
            "follow_up_done_on",
        ]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("The inspection cannot end before it starts."))
        return cleaned


@admin.register(Inspection)
class InspectionAdmin(HistoryViewOnlyMixin, PrivateFileAdminMixin, SimpleHistoryAdmin):
    form = InspectionForm
    private_file_fields = ("protocol",)
    list_display = ["scope", "institution", "date_from", "date_to", "follow_up_due", "follow_up_done_on"]
    list_filter = [("follow_up_done_on", admin.EmptyFieldListFilter)]
    list_select_related = ["institution"]
    search_fields = ["scope", "institution__full_name"]
    autocomplete_fields = ["institution"]
    ordering = ["-date_from"]
    date_hierarchy = "date_from"
    fields = [
        "institution",
        "scope",
        "date_from",
        "date_to",
        "protocol",
        "findings",
        "recommendations",
        "follow_up_due",
        "follow_up_done_on",
    ]

    @admin.display(description=_("protocol"))
    def protocol_link(self, obj):
        return self._file_link(obj, "protocol")

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(InstitutionSubsidy)
class InstitutionSubsidyAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["purpose", "institution", "year", "kind", "amount", "settlement_due", "settled_on"]
    list_filter = ["year", "kind", ("settled_on", admin.EmptyFieldListFilter)]
    list_select_related = ["institution"]
    search_fields = ["purpose", "agreement_no", "institution__full_name"]
    autocomplete_fields = ["institution"]
    ordering = ["-year"]
    fieldsets = [
        (None, {"fields": ["institution", "year", "kind", "purpose", "amount", "agreement_no"]}),
        (_("Use and settlement"), {"fields": ["use_deadline", "settlement_due", "settled_on", "returned_amount"]}),
    ]

    def has_delete_permission(self, request, obj=None):
        return False
