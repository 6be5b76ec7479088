"""The clerks' side of the register: institutions, the append-only book, acts and files, supervision, plans, extracts.

Rozporządzenie MKiDN z 26.01.2012 (Dz.U. 2012 poz. 189), § 2 and § 3 ust. 2–3: register entries are added through
`institutions.services.entry_add` by clerks holding `institutions.add_registerentry`; no admin page changes or
deletes an entry (there is no change or delete permission for them at all). The institution's register columns
are a read-only projection of its book.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    CaseAdminMixin,
    HistoryViewOnlyMixin,
    ReadOnlyInlineMixin,
    StatusHistoryInline,
    WorkflowAdminMixin,
    case_documents_html,
)
from core.uploads import PDF, ValidatedFileField
from institutions import services
from institutions.models import (
    CITY_ORGANISER,
    SECTION_COLUMNS,
    CulturalInstitution,
    DirectorTerm,
    ExtractRequest,
    FinancialStatement,
    Inspection,
    InstitutionSubsidy,
    LegalAct,
    PlannedInstitution,
    RegisterEntry,
    RegistrationDocument,
    ReorganisationPlan,
    Section,
)
from institutions.models.extracts import FEE_OPEN_STATUSES
from institutions.views import serve_private_file

REGISTER_PERMISSION = services.REGISTER_PERMISSION


def may_make_entries(request) -> bool:
    return request.user.has_perm(REGISTER_PERMISSION)


class PrivateFileAdminMixin:
    """Files in private storage have no URL: the change form links to a permission-checked download instead."""

    private_file_fields: tuple[str, ...] = ()

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/plik/<str:field>/",
                self.admin_site.admin_view(self.file_view),
                name=f"{opts.app_label}_{opts.model_name}_file",
            ),
            *super().get_urls(),
        ]

    def file_view(self, request, object_id, field):
        if field not in self.private_file_fields:
            raise Http404
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return serve_private_file(getattr(obj, field), public=False)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            readonly += [f"{name}_link" for name in self.private_file_fields if getattr(obj, name)]
        return readonly

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None:
            fields = [
                f"{name}_link" if name in self.private_file_fields and getattr(obj, name) else name for name in fields
            ]
        return list(dict.fromkeys(fields))

    def _file_link(self, obj, field):
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_file", args=[obj.pk, field])
        return format_html('<a href="{}">{}</a>', url, _("Download"))


def _pdf_field(label, required=False, help_text=""):
    return ValidatedFileField(label=label, allowed_kinds=[PDF], required=required, help_text=help_text)


# ------------------------------------------------------------------------------------------------------------------
# Legal acts and registration files
# ------------------------------------------------------------------------------------------------------------------


class LegalActForm(forms.ModelForm):
    file = _pdf_field(_("text of the act (PDF)"))

    class Meta:
        model = LegalAct
        fields = ["kind", "number", "adopted_on", "title", "file", "is_public"]


@admin.register(LegalAct)
class LegalActAdmin(HistoryViewOnlyMixin, PrivateFileAdminMixin, SimpleHistoryAdmin):
    form = LegalActForm
    private_file_fields = ("file",)
    list_display = ["__str__", "kind", "adopted_on", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["number", "title"]
    ordering = ["-adopted_on"]
    date_hierarchy = "adopted_on"
    fields = ["kind", "number", "adopted_on", "title", "file", "is_public"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and RegisterEntry.objects.filter(legal_basis=obj).exists():
            # The book prints the act: once it is the basis of an entry, what identifies it cannot change.
            readonly += ["kind", "number", "adopted_on", "title"]
        return readonly

    @admin.display(description=_("text of the act (PDF)"))
    def file_link(self, obj):
        return self._file_link(obj, "file")

    def has_delete_permission(self, request, obj=None):
        return False


class RegistrationDocumentForm(forms.ModelForm):
    file = _pdf_field(_("file"), required=True)

    class Meta:
        model = RegistrationDocument
        fields = ["institution", "title", "received_on", "file", "legal_act", "is_public"]


@admin.register(RegistrationDocument)
class RegistrationDocumentAdmin(HistoryViewOnlyMixin, PrivateFileAdminMixin, SimpleHistoryAdmin):
    form = RegistrationDocumentForm
    private_file_fields = ("file",)
    list_display = ["title", "institution", "received_on", "is_public"]
    list_filter = ["is_public"]
    list_select_related = ["institution"]
    search_fields = ["title", "institution__full_name"]
    autocomplete_fields = ["institution", "legal_act"]
    ordering = ["-received_on"]
    date_hierarchy = "received_on"
    fields = ["institution", "title", "received_on", "file", "legal_act", "is_public"]

    @admin.display(description=_("file"))
    def file_link(self, obj):
        return self._file_link(obj, "file")

    def has_delete_permission(self, request, obj=None):
        return False


# ------------------------------------------------------------------------------------------------------------------
# Register entries: add-only
# ------------------------------------------------------------------------------------------------------------------


def column_field_name(key: str) -> str:
    return f"col_{key}"


class RegisterEntryBaseForm(forms.ModelForm):
    """Make an entry: the section, its date and legal basis, and the values of the section's columns."""

    class Meta:
        model = RegisterEntry
        fields = [
            "institution",
            "section",
            "kind",
            "entry_date",
            "legal_basis",
            "requested_by",
            "remarks",
            "struck_entry",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "entry_date" in self.fields:
            self.fields["entry_date"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        section = cleaned.get("section")
        values = {}
        for code, columns in SECTION_COLUMNS.items():
            for column in columns:
                name = column_field_name(column.key)
                raw = cleaned.get(name)
                if not raw:
                    continue
                if code != section:
                    self.add_error(name, _("This column belongs to section %(section)s.") % {"section": code})
                    continue
                if column.act:
                    legal_basis = cleaned.get("legal_basis")
                    values[column.key] = str(legal_basis) if legal_basis else ""
                else:
                    values[column.key] = raw.strip()
        self.entry_values = values
        institution, legal_basis = cleaned.get("institution"), cleaned.get("legal_basis")
        if section and institution and legal_basis and not self.errors:
            entry = RegisterEntry(
                institution=institution,
                section=section,
                kind=cleaned.get("kind") or RegisterEntry.Kind.ENTRY,
                entry_date=cleaned.get("entry_date") or timezone.localdate(),
                values=values,
                legal_basis=legal_basis,
                struck_entry=cleaned.get("struck_entry"),
            )
            last = RegisterEntry.objects.filter(institution=institution).aggregate(last=Max("entry_date"))["last"]
            try:
                services.entry_validate(entry, last_entry_on=last)
            except services.RegisterError as error:
                raise forms.ValidationError(error.message, code=error.code) from error
        return cleaned


def _column_form_fields() -> dict:
    fields = {}
    for columns in SECTION_COLUMNS.values():
        for column in columns:
            if column.act:
                fields[column_field_name(column.key)] = forms.BooleanField(
                    label=column.label,
                    required=False,
                    help_text=_("Tick when the entry's legal basis is this act."),
                )
            else:
                fields[column_field_name(column.key)] = forms.CharField(
                    label=column.label,
                    required=False,
                    max_length=services.MAX_VALUE_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 2}) if column.multiline else forms.TextInput(),
                    help_text=column.statutory_label,
                )
    return fields


RegisterEntryForm = type("RegisterEntryForm", (RegisterEntryBaseForm,), _column_form_fields())

ENTRY_VIEW_FIELDS = [
    "institution",
    "section",
    "position",
    "kind",
    "entry_date",
    "values_display",
    "legal_basis",
    "requested_by",
    "remarks",
    "struck_entry",
    "struck_by_display",
    "entered_by_name",
    "created_at",
]


def format_values(entry: RegisterEntry):
    rows = [(str(column.label), value or "—") for column, value in entry.column_values()]
    return format_html_join("", "<p><strong>{}:</strong> {}</p>", rows) or "—"


@admin.register(RegisterEntry)
class RegisterEntryAdmin(admin.ModelAdmin):
    """Entries are made here (add form) and read; there is no change or delete for them (§ 3 ust. 2–3)."""

    form = RegisterEntryForm
    list_display = ["institution", "section", "position", "kind", "entry_date", "entered_by_name"]
    list_filter = ["section", "kind"]
    list_select_related = ["institution"]
    search_fields = ["institution__full_name", "entered_by_name"]
    ordering = ["institution__entry_no", "section", "position"]
    date_hierarchy = "entry_date"
    autocomplete_fields = ["institution", "legal_basis"]
    raw_id_fields = ["struck_entry"]

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return [(None, {"fields": ENTRY_VIEW_FIELDS})]
        fieldsets = [
            (
                None,
                {
                    "fields": ["institution", "section", "kind", "entry_date", "legal_basis", "requested_by"],
                    "description": _(
                        "An entry is final: it cannot be changed or deleted. A mistake is struck out by a "
                        "correction, which is a new entry."
                    ),
                },
            )
        ]
        for code, columns in SECTION_COLUMNS.items():
            fieldsets.append((Section(code).label, {"fields": [column_field_name(column.key) for column in columns]}))
        fieldsets.append((_("Remarks and corrections"), {"fields": ["remarks", "struck_entry"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return ENTRY_VIEW_FIELDS if obj is not None else []

    def has_add_permission(self, request):
        return may_make_entries(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        obj.values = form.entry_values
        services.entry_add(entry=obj, acting_user=request.user)

    @admin.display(description=_("values"))
    def values_display(self, obj):
        return format_values(obj)

    @admin.display(description=_("struck out by"))
    def struck_by_display(self, obj):
        struck_by = getattr(obj, "struck_by", None)
        return str(struck_by) if struck_by else "—"


class RegisterEntryInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = RegisterEntry
    fk_name = "institution"
    fields = ["section", "position", "kind", "entry_date", "values_display", "legal_basis", "entered_by_name"]
    readonly_fields = fields
    verbose_name_plural = _("register book")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("legal_basis").order_by("section", "position")

    @admin.display(description=_("values"))
    def values_display(self, obj):
        return format_values(obj)


# ------------------------------------------------------------------------------------------------------------------
# Institutions
# ------------------------------------------------------------------------------------------------------------------

PROJECTION_READONLY = [
    "full_name",
    "short_name",
    "activity",
    "seat",
    "address",
    "organiser",
    "co_organiser",
    "regon",
    "director",
    "founding_act",
    "statute_act",
    "registered_on",
    "last_entry_on",
    "struck_out_on",
]


class InstitutionRegisterForm(forms.ModelForm):
    """Enter a new institution: its number and the first entry of section I (u.o.p.d.k. art. 14 ust. 1)."""

    col_full_name = forms.CharField(label=_("Full name"), max_length=500)
    col_short_name = forms.CharField(label=_("Short name"), max_length=200, required=False)
    col_activity = forms.CharField(
        label=_("Scope of activity"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    col_seat = forms.CharField(label=_("Seat"), max_length=200, initial="Ruda Śląska")
    col_address = forms.CharField(label=_("Address"), max_length=300)
    col_organiser = forms.CharField(label=_("Organiser"), max_length=300, initial=CITY_ORGANISER)
    col_co_organiser = forms.CharField(label=_("Co-organiser"), max_length=300, required=False)
    col_regon = forms.CharField(label=_("REGON number"), max_length=14, required=False)
    col_founding_act = forms.ModelChoiceField(label=_("Founding act"), queryset=LegalAct.objects.all())
    entry_date = forms.DateField(label=_("date of entry"), initial=timezone.localdate)

    class Meta:
        model = CulturalInstitution
        fields = ["entry_no", "kind", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry_no"].initial = services.next_entry_no()

    def clean_entry_no(self):
        number = self.cleaned_data["entry_no"]
        if CulturalInstitution.objects.filter(entry_no__gte=number).exists():
            raise forms.ValidationError(
                _("Entry numbers are consecutive and never reused: use %(number)s.")
                % {"number": services.next_entry_no()}
            )
        return number

    def clean_entry_date(self):
        entry_date = self.cleaned_data["entry_date"]
        if entry_date > timezone.localdate():
            raise forms.ValidationError(_("An entry cannot be dated in the future."))
        return entry_date


class InstitutionChangeForm(forms.ModelForm):
    class Meta:
        model = CulturalInstitution
        fields = ["kind", "website"]


class RegistrationDocumentInline(admin.TabularInline):
    model = RegistrationDocument
    form = RegistrationDocumentForm
    fields = ["title", "received_on", "file", "legal_act", "is_public"]
    extra = 0
    can_delete = False
    show_change_link = True
    autocomplete_fields = ["legal_act"]

    def has_change_permission(self, request, obj=None):
        # Stored files are replaced on the document's own page; the inline only adds new ones.
        return False


@admin.register(CulturalInstitution)
class CulturalInstitutionAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["entry_no", "full_name", "kind", "seat", "registered_on", "last_entry_on", "struck_out_on"]
    list_filter = ["kind", ("struck_out_on", admin.EmptyFieldListFilter)]
    search_fields = ["full_name", "short_name", "seat"]
    ordering = ["entry_no"]
    date_hierarchy = "registered_on"
    readonly_fields = ["entry_no", *PROJECTION_READONLY, "make_entry_link"]
    inlines = [RegisterEntryInline, RegistrationDocumentInline]

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = InstitutionRegisterForm if obj is None else InstitutionChangeForm
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [
                (None, {"fields": ["entry_no", "kind", "website", "entry_date", "col_founding_act"]}),
                (
                    _("First entry, section I"),
                    {
                        "fields": [
                            "col_full_name",
                            "col_short_name",
                            "col_activity",
                            "col_seat",
                            "col_address",
                            "col_organiser",
                            "col_co_organiser",
                            "col_regon",
                        ]
                    },
                ),
            ]
        return [
            (None, {"fields": ["entry_no", "kind", "website", "make_entry_link"]}),
            (_("Current state of the register (from the book)"), {"fields": PROJECTION_READONLY}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def has_add_permission(self, request):
        return super().has_add_permission(request) and may_make_entries(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            obj._history_user = request.user
            obj.save(update_fields=["kind", "website", "updated_at"])
            return
        data = form.cleaned_data
        institution = services.institution_register(
            entry_no=data["entry_no"],
            kind=data["kind"],
            website=data.get("website", ""),
            founding_act=data["col_founding_act"],
            entry_date=data["entry_date"],
            values={
                key: data.get(f"col_{key}", "")
                for key in (
                    "full_name",
                    "short_name",
                    "activity",
                    "seat",
                    "address",
                    "organiser",
                    "co_organiser",
                    "regon",
                )
            },
            acting_user=request.user,
        )
        obj.pk = institution.pk
        obj._state.adding = False
        obj.full_name = institution.full_name

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            for document_form in formset.forms:
                if document_form.has_changed() and not document_form.instance.pk:
                    document_form.instance.institution_id = form.instance.pk
        super().save_related(request, form, formsets, change)

    @admin.display(description=_("register book"))
    def make_entry_link(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("admin:institutions_registerentry_add") + f"?institution={obj.pk}"
        public = reverse("institutions:institution_detail", args=[obj.entry_no])
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>', url, _("Make an entry"), public, _("Public page")
        )


# ------------------------------------------------------------------------------------------------------------------
# Supervision
# ------------------------------------------------------------------------------------------------------------------


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
class DirectorTermAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
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

    def has_add_permission(self, request):
        return super().has_add_permission(request) and may_make_entries(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            obj._history_user = request.user
            obj.save(update_fields=["opinions", "ended_early_on", "updated_at"])
            return
        term = services.director_term_record(
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
        obj.pk = term.pk
        obj._state.adding = False


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
                services.financial_statement_check(institution=institution, year=data["year"])
            except services.RegisterError as error:
                self.add_error("year", error.message)
        self.check_entry_date(institution, data.get("entry_date") or timezone.localdate())
        return data


@admin.register(FinancialStatement)
class FinancialStatementAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return super().has_add_permission(request) and may_make_entries(request)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        statement = services.financial_statement_file(
            institution=obj.institution,
            year=obj.year,
            approved_on=obj.approved_on,
            approval_act=obj.approval_act,
            entry_date=form.cleaned_data.get("entry_date"),
            acting_user=request.user,
        )
        obj.pk = statement.pk
        obj._state.adding = False


class InspectionForm(forms.ModelForm):
    protocol = _pdf_field(_("protocol"))

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


# ------------------------------------------------------------------------------------------------------------------
# Reorganisation plans
# ------------------------------------------------------------------------------------------------------------------


class PlannedInstitutionInline(admin.StackedInline):
    model = PlannedInstitution
    fields = ["kind", "full_name", "short_name", "activity", "seat", "address"]
    extra = 0

    def _editable(self, obj):
        return obj is None or obj.status in (ReorganisationPlan.Status.DRAFT, ReorganisationPlan.Status.ANNOUNCED)

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class ReorganisationPlanForm(forms.ModelForm):
    class Meta:
        model = ReorganisationPlan
        fields = [
            "kind",
            "title",
            "reasons",
            "institutions",
            "intent_resolution",
            "announced_on",
            "library_council_opinion_on",
            "voivodeship_library_opinion_on",
            "minister_consent_on",
            "museum_council_opinion_on",
            "act",
            "effective_on",
            "liquidator_name",
        ]

    def clean(self):
        cleaned = super().clean()
        act = cleaned.get("act")
        if act is not None and self.instance.pk and cleaned.get("announced_on"):
            # Warn at once, not only when the act is recorded: the date rule of u.o.p.d.k. art. 18 and 22.
            plan = self.instance
            for name in (
                "kind",
                "announced_on",
                "library_council_opinion_on",
                "voivodeship_library_opinion_on",
                "minister_consent_on",
                "museum_council_opinion_on",
            ):
                if name in cleaned:
                    setattr(plan, name, cleaned[name])
            try:
                services.plan_check_act(plan, act)
            except services.RegisterError as error:
                self.add_error("act", error.message)
        return cleaned


@admin.register(ReorganisationPlan)
class ReorganisationPlanAdmin(HistoryViewOnlyMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    form = ReorganisationPlanForm
    workflow_inlines = [StatusHistoryInline]
    inlines = [PlannedInstitutionInline]
    list_display = ["title", "kind", "status", "announced_on", "earliest_act_date", "act_adopted_on"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    filter_horizontal = ["institutions"]
    autocomplete_fields = ["intent_resolution", "act"]
    ordering = ["-created_at"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["kind", "title", "reasons", "institutions", "status"]}),
        (_("Announcement"), {"fields": ["intent_resolution", "announced_on", "earliest_act_date"]}),
        (
            _("Opinions and consents"),
            {
                "fields": [
                    "library_council_opinion_on",
                    "voivodeship_library_opinion_on",
                    "minister_consent_on",
                    "museum_council_opinion_on",
                ]
            },
        ),
        (_("Act"), {"fields": ["act", "act_adopted_on", "effective_on", "liquidator_name"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["status", "act_adopted_on", "earliest_act_date"]
        if obj is not None and obj.status != ReorganisationPlan.Status.DRAFT:
            readonly += ["kind", "institutions", "announced_on", "intent_resolution"]
        if obj is not None and obj.status not in (
            ReorganisationPlan.Status.DRAFT,
            ReorganisationPlan.Status.ANNOUNCED,
        ):
            readonly += [
                "act",
                "effective_on",
                "library_council_opinion_on",
                "voivodeship_library_opinion_on",
                "minister_consent_on",
                "museum_council_opinion_on",
                "liquidator_name",
                "title",
                "reasons",
            ]
        return readonly

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("institutions", "new_institutions")

    @admin.display(description=_("earliest date of the act"))
    def earliest_act_date(self, obj):
        if obj.pk is None:
            return "—"
        earliest = services.plan_earliest_act_date(obj)
        return earliest.strftime("%d.%m.%Y") if earliest else "—"

    def has_delete_permission(self, request, obj=None):
        # A plan is abandoned (with a reason in its history), never deleted.
        return False


# ------------------------------------------------------------------------------------------------------------------
# Extract requests
# ------------------------------------------------------------------------------------------------------------------


class ExtractRequestAdminForm(forms.ModelForm):
    """The clerk's form of a request: the pages and the payment follow `services.extract_request_fee_check`."""

    class Meta:
        model = ExtractRequest
        fields = ["handler", "copies", "received_on", "pages", "fee_paid", "incoming_reg_no"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or not {"pages", "fee_paid"} & set(self.fields):
            return cleaned
        pages = cleaned.get("pages", self.instance.pages) if "pages" in self.fields else self.instance.pages
        fee_paid = cleaned.get("fee_paid", False) if "fee_paid" in self.fields else self.instance.fee_paid
        try:
            services.extract_request_fee_check(self.instance, pages=pages, fee_paid=fee_paid)
        except services.RegisterError as error:
            # A payment without pages is the model's own rule (ExtractRequest.clean), shown at the field.
            if error.code != "pages_unknown":
                raise forms.ValidationError(error.message, code=error.code) from error
        return cleaned


@admin.register(ExtractRequest)
class ExtractRequestAdmin(HistoryViewOnlyMixin, CaseAdminMixin, SimpleHistoryAdmin):
    form = ExtractRequestAdminForm
    list_display = [
        "case_mark",
        "institution",
        "kind",
        "applicant_name",
        "received_on",
        "due_date",
        "fee_paid",
        "status",
    ]
    list_filter = ["status", "fee_paid", "kind", "delivery"]
    list_select_related = ["institution", "handler"]
    search_fields = ["case_mark", "applicant_name", "institution__full_name"]
    date_hierarchy = "received_on"
    ordering = ["-received_on"]
    fields = [
        "case_mark",
        "status",
        "handler",
        "institution",
        "kind",
        "copies",
        "applicant_name",
        "applicant_address",
        "contact_email",
        "delivery",
        "received_on",
        "due_date",
        "preview",
        "pages",
        "fee_due",
        "fee_paid",
        "issued_on",
        "documents",
        "channel",
        "incoming_reg_no",
        "created_at",
        "closed_at",
    ]
    readonly_fields = [
        "case_mark",
        "institution",
        "kind",
        "applicant_name",
        "applicant_address",
        "contact_email",
        "delivery",
        "due_date",
        "preview",
        "fee_due",
        "issued_on",
        "documents",
        "channel",
        "created_at",
        "closed_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.status not in FEE_OPEN_STATUSES:
            # Issued or left unprocessed: the pages and the payment are the case's record.
            readonly += ["pages", "fee_paid", "copies"]
        elif obj is not None and obj.fee_paid:
            # The payment was checked against these copies.
            readonly += ["copies"]
        return readonly

    def save_model(self, request, obj, form, change):
        """Pages and payment go through `services.extract_request_fee_record`; the other fields are saved as typed."""
        fee_fields = {"pages", "fee_paid"} & set(form.changed_data)
        if not change or not fee_fields:
            return super().save_model(request, obj, form, change)
        try:
            services.extract_request_fee_record(
                request=obj, pages=obj.pages, fee_paid=obj.fee_paid, acting_user=request.user
            )
        except (services.RegisterError, PermissionDenied) as error:
            self.message_user(request, getattr(error, "message", str(error)), messages.ERROR)
            return None
        others = [name for name in form.changed_data if name not in fee_fields]
        if others:
            obj.save(update_fields=[*others, "updated_at"])
        return None

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        url = reverse(f"{self.admin_site.name}:institutions_extractrequest_preview", args=[obj.pk])
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("The extract as a PDF, to count its pages")
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/odpis.pdf",
                self.admin_site.admin_view(self.preview_view),
                name="institutions_extractrequest_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        """The certified extract exactly as "issue" would render it now, so the clerk counts the pages paid for."""
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        pdf = services.extract_request_document(obj, acting_user=request.user)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="podglad-odpisu-{obj.pk}.pdf"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response

    @admin.display(description=_("due date"))
    def due_date(self, obj):
        from institutions.deadlines import register_extract_due

        return register_extract_due(obj.received_on).strftime("%d.%m.%Y") if obj.received_on else "—"

    @admin.display(description=_("fee due (PLN)"))
    def fee_due(self, obj):
        if not obj.pages:
            return "—"
        return formats.number_format(services.extract_fee(obj.pages, obj.copies), decimal_pos=2, use_l10n=True)

    @admin.display(description=_("documents"))
    def documents(self, obj):
        return case_documents_html(obj)

    def has_add_permission(self, request):
        # Requests come from the public form; a paper request is typed in there too (or by the service).
        return False

    def has_delete_permission(self, request, obj=None):
        return False
