"""The register book in the admin: legal acts, registration files, the add-only entries and the institutions.

Rozporządzenie MKiDN z 26.01.2012 (Dz.U. 2012 poz. 189), § 2 and § 3 ust. 2–3: register entries are added through
`institutions.services.entry_add` by clerks holding `institutions.add_registerentry`; no admin page changes or
deletes an entry (there is no change or delete permission for them at all). The institution's register columns
are a read-only projection of its book.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    HistoryViewOnlyMixin,
    ReadOnlyInlineMixin,
    ServiceRefusalAdminMixin,
)
from core.validators import clean_regon
from institutions import services
from institutions.admin.common import (
    PrivateFileAdminMixin,
    RegisterBookAdminMixin,
    may_make_entries,
    pdf_file_field,
)
from institutions.models import (
    CITY_ORGANISER,
    SECTION_COLUMNS,
    SECTION_COLUMNS_SOURCES,
    CulturalInstitution,
    LegalAct,
    RegisterEntry,
    RegistrationDocument,
    Section,
)


class LegalActForm(forms.ModelForm):
    file = pdf_file_field(_("text of the act (PDF)"))

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
    file = pdf_file_field(_("file"), required=True)

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
                elif column.clean is not None:
                    try:
                        values[column.key] = column.clean(raw.strip())
                    except forms.ValidationError as error:
                        self.add_error(name, error)
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
class RegisterEntryAdmin(ServiceRefusalAdminMixin, admin.ModelAdmin):
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
            fieldsets.append(
                (
                    Section(code).label,
                    {
                        "fields": [column_field_name(column.key) for column in columns],
                        "description": SECTION_COLUMNS_SOURCES[code],
                    },
                )
            )
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

PROJECTION_READONLY = list(services.PROJECTION_FIELDS)


class InstitutionRegisterForm(forms.ModelForm):
    """Enter a new institution: its number and the first entry of section I (u.o.p.d.k. art. 14 ust. 1)."""

    # The section I columns of the first entry, as `col_<key>` fields (the founding act is chosen apart).
    COLUMNS = ("full_name", "short_name", "activity", "seat", "address", "organiser", "co_organiser", "regon")

    col_full_name = forms.CharField(label=_("Full name"), max_length=500)
    col_short_name = forms.CharField(label=_("Short name"), max_length=200, required=False)
    col_activity = forms.CharField(
        label=_("Scope of activity"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    col_seat = forms.CharField(label=_("Seat"), max_length=200, initial="Ruda Śląska")
    col_address = forms.CharField(label=_("Address"), max_length=300)
    col_organiser = forms.CharField(label=_("Organiser"), max_length=300, initial=CITY_ORGANISER)
    col_co_organiser = forms.CharField(label=_("Co-organiser"), max_length=300, required=False)
    col_regon = forms.CharField(label=_("REGON number"), max_length=20, required=False)
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

    def column_values(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"col_{key}", "") for key in self.COLUMNS}

    def clean_col_regon(self):
        return clean_regon(self.cleaned_data.get("col_regon", ""))

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
class CulturalInstitutionAdmin(RegisterBookAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
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
                (_("First entry, section I"), {"fields": [f"col_{key}" for key in InstitutionRegisterForm.COLUMNS]}),
            ]
        return [
            (None, {"fields": ["entry_no", "kind", "website", "make_entry_link"]}),
            (_("Current state of the register (from the book)"), {"fields": PROJECTION_READONLY}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change):
        # A new institution is entered in the register by create_through_service.
        if change:
            obj._history_user = request.user
            obj.save(update_fields=["kind", "website", "updated_at"])

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return services.institution_register(
            entry_no=data["entry_no"],
            kind=data["kind"],
            website=data.get("website", ""),
            founding_act=data["col_founding_act"],
            entry_date=data["entry_date"],
            values=form.column_values(),
            acting_user=request.user,
        )

    @admin.display(description=_("register book"))
    def make_entry_link(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("admin:institutions_registerentry_add") + f"?institution={obj.pk}"
        public = reverse("institutions:institution_detail", args=[obj.entry_no])
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>', url, _("Make an entry"), public, _("Public page")
        )
