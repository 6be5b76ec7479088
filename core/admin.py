from django import forms
from django.contrib import admin
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.http import HttpResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core import (
    admin_accounts,  # noqa: F401 — accounts, role groups and second-factor devices in Polish
    case_register,
)
from core.admin_mixins import CaseAdminMixin, ChangeListExportMixin, ReadOnlyModelAdmin, ServiceCreateAdminMixin
from core.models import (
    CaseKind,
    CaseRegisterEntry,
    DepartmentDuty,
    DepartmentProfile,
    Feedback,
    InformationClause,
    JrwaClass,
    OrganisationalUnit,
    OutboxMessage,
    PublicImage,
    RetentionAction,
    SectionSettings,
    StaticPage,
)
from core.public_images import public_image_create
from core.retention import case_models
from core.rich_text import RichTextAdminMixin
from core.uploads import IMAGE_KINDS, validate_upload
from core.workflow import case_model_choices


@admin.register(DepartmentProfile)
class DepartmentProfileAdmin(RichTextAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "head_name", "phone", "email"]

    def has_add_permission(self, request):
        # One contact card for the department.
        return super().has_add_permission(request) and not DepartmentProfile.objects.exists()


@admin.register(DepartmentDuty)
class DepartmentDutyAdmin(SimpleHistoryAdmin):
    list_display = ["position", "title"]
    list_display_links = ["title"]
    search_fields = ["title"]
    ordering = ["position"]


@admin.register(StaticPage)
class StaticPageAdmin(RichTextAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "slug", "is_published", "show_in_footer", "updated_at"]
    list_filter = ["is_published", "show_in_footer"]
    search_fields = ["title", "lead", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Feedback)
class FeedbackAdmin(CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "created_at", "short_message", "page_path", "has_contact", "status", "handler"]
    list_filter = ["status", "created_at"]
    search_fields = ["case_mark", "message", "page_path"]
    date_hierarchy = "created_at"
    fields = ["case_mark", "status", "handler", "message", "page_path", "contact_email", "created_at", "closed_at"]
    readonly_fields = ["case_mark", "message", "page_path", "contact_email", "created_at", "closed_at"]

    @admin.display(description=_("opinion"))
    def short_message(self, obj):
        return obj.message[:80]

    @admin.display(description=_("answer wanted"), boolean=True)
    def has_contact(self, obj):
        return bool(obj.contact_email)

    def has_add_permission(self, request):
        return False


@admin.register(OrganisationalUnit)
class OrganisationalUnitAdmin(SimpleHistoryAdmin):
    list_display = ["symbol", "name", "is_active"]
    search_fields = ["symbol", "name"]


@admin.register(JrwaClass)
class JrwaClassAdmin(SimpleHistoryAdmin):
    list_display = ["symbol", "title", "archival_category", "is_active"]
    list_filter = ["archival_category", "is_active"]
    search_fields = ["symbol", "title"]
    autocomplete_fields = ["parent"]


@admin.register(CaseKind)
class CaseKindAdmin(SimpleHistoryAdmin):
    # The key is the code's name of the case type (a model label): clerks know the type by its name.
    list_display = ["name", "unit", "jrwa_class"]
    list_select_related = ["unit", "jrwa_class"]
    search_fields = ["name"]
    autocomplete_fields = ["unit", "jrwa_class"]
    fields = ["name", "unit", "jrwa_class"]

    def has_add_permission(self, request):
        # Case types come from the code; clerks only re-file them.
        return False


class CaseStatusFilter(admin.SimpleListFilter):
    """The status of the case, in the words of its own model; a code several case types share is offered once."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        # Only the statuses some case has now: the case types together know some fifty.
        present = set(model_admin.get_queryset(request).values_list("status", flat=True).distinct())
        labels: dict[str, list[str]] = {}
        for model in case_models():
            workflow = getattr(model, "workflow", None)
            if workflow is None:
                continue
            for code, label in model._meta.get_field(workflow.status_field).flatchoices:
                if code not in present:
                    continue
                names = labels.setdefault(code, [])
                if str(label) not in names:
                    names.append(str(label))
        return sorted(((code, " / ".join(names)) for code, names in labels.items()), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


@admin.register(CaseRegisterEntry)
class CaseRegisterEntryAdmin(ChangeListExportMixin, ReadOnlyModelAdmin):
    """The list of cases (spis spraw) of every case type: found by mark, applicant, e-mail or subject.

    Each line leads to its case's own admin page; the CSV takes the current search and filters, the PDF prints the
    yearly spis of the JRWA class and year chosen in the filters (core.case_register).
    """

    list_display = [
        "case_link",
        "applicant_name",
        "title",
        "case_status",
        "handler_name",
        "kind",
        "opened_at",
        "closed_at",
    ]
    list_display_links = None
    change_list_template = "admin/core/caseregisterentry/change_list.html"
    export_columns = case_register.EXPORT_COLUMNS
    export_filename = "spis-spraw"
    list_select_related = ["kind", "content_type", "handler"]
    list_filter = ["unit", "kind", "jrwa_class", "year", CaseStatusFilter]
    # Prefix and exact matches where clerks type a mark or an address; words anywhere in a name or a subject.
    search_fields = ["case_mark", "applicant_name", "applicant_email", "title"]
    search_help_text = _("Case mark, the applicant's name or e-mail, or words of the subject.")
    list_per_page = 50
    show_full_result_count = False
    # Which model holds the case is shown as the case's type in words, never as a content type.
    # The status is shown in words of the case's own model, never as its code.
    exclude = ["tracking_token", "content_type", "object_id", "status"]
    readonly_fields = ["case_type", "case_status"]

    @admin.display(description=_("case type"))
    def case_type(self, obj):
        model = obj.case_model()
        return capfirst(model._meta.verbose_name) if model is not None else "—"

    @admin.display(description=_("case mark"), ordering="case_mark")
    def case_link(self, obj):
        model = obj.case_model()
        if model is None:
            return obj.case_mark
        try:
            url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.object_id])
        except NoReverseMatch:
            return obj.case_mark
        return format_html('<a href="{}">{}</a>', url, obj.case_mark)

    @admin.display(description=_("status"), ordering="status")
    def case_status(self, obj):
        return obj.status_label() or "—"

    @admin.display(description=_("handled by"), ordering="handler__last_name")
    def handler_name(self, obj):
        return case_register.handler_name(obj) or "—"

    def get_urls(self):
        return [
            path(
                "spis-spraw.pdf",
                self.admin_site.admin_view(self.spis_spraw_view),
                name="core_caseregisterentry_spis_spraw",
            ),
            *super().get_urls(),
        ]

    def spis_spraw_view(self, request):
        """The yearly spis spraw of the JRWA class and year chosen in the filters, as a PDF."""
        entries = self.changelist_queryset(request)
        if entries is None:
            return self.changelist_back(request, gettext("The filters of the list are not valid; choose them again."))
        jrwa_id = request.GET.get("jrwa_class__id__exact", "")
        year = request.GET.get("year", "") or request.GET.get("year__exact", "")
        jrwa_class = JrwaClass.objects.filter(pk=jrwa_id).first() if jrwa_id.isdigit() else None
        if jrwa_class is None or not year.isdigit():
            message = gettext("Choose a JRWA class and a year in the filters to print their list.")
            return self.changelist_back(request, message)
        pdf = case_register.spis_spraw_pdf(entries=entries, jrwa_class=jrwa_class, year=int(year))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="spis-spraw-{jrwa_class.symbol}-{int(year)}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


class InformationClauseFormFilter(admin.SimpleListFilter):
    title = _("form")
    parameter_name = "form_key"

    def lookups(self, request, model_admin):
        return case_model_choices()

    def queryset(self, request, queryset):
        return queryset.filter(form_key=self.value()) if self.value() else queryset


@admin.register(InformationClause)
class InformationClauseAdmin(RichTextAdminMixin, admin.ModelAdmin):
    list_display = ["form_name", "version", "legal_basis", "valid_from"]
    list_filter = [InformationClauseFormFilter, "legal_basis"]
    search_fields = ["text"]

    @admin.display(description=_("form"), ordering="form_key")
    def form_name(self, obj):
        return obj.form_name()

    def get_fields(self, request, obj=None):
        # A clause already saved is only looked at: its form by name, not by key.
        return ["form_name" if obj else "form_key", "version", "legal_basis", "text", "valid_from"]

    def get_readonly_fields(self, request, obj=None):
        return ["form_name"] if obj else []

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "form_key":
            # The form is picked by the name of the case it opens, not typed as a code.
            return forms.ChoiceField(
                label=capfirst(db_field.verbose_name),
                choices=[("", BLANK_CHOICE_LABEL), *case_model_choices()],
                help_text=_("The public form whose applicants are shown this clause."),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        # A clause that applicants have seen is never edited: publish a new version instead.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyModelAdmin):
    list_display = ["created_at", "subject", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject"]
    exclude = ["to", "body_text", "body_html", "headers"]


@admin.register(RetentionAction)
class RetentionActionAdmin(ReadOnlyModelAdmin):
    list_display = ["performed_at", "case_mark", "archival_category", "documents_deleted"]
    list_filter = ["archival_category"]
    search_fields = ["case_mark"]


class PublicImageForm(forms.ModelForm):
    """Adding an image: the file is checked here, and stored re-encoded by public_image_create when the admin saves."""

    upload = forms.FileField(label=_("image file"), help_text=_("JPEG, PNG or WebP, at most 10 MB."))

    class Meta:
        model = PublicImage
        fields = ["alt_text"]

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        validate_upload(upload, allowed_kinds=IMAGE_KINDS)  # the same check public_image_create makes; stores nothing
        return upload


def image_preview_html(image) -> str:
    """A thumbnail of `image` for the admin, served by the permission-checked preview (also while withheld)."""
    if image is None or not image.pk:
        return "—"
    url = reverse("core:image_preview", kwargs={"pk": image.pk})
    return format_html(
        '<a href="{}"><img src="{}" alt="{}" class="admin-image-preview" width="160"></a>', url, url, image.alt_text
    )


@admin.register(PublicImage)
class PublicImageAdmin(ServiceCreateAdminMixin, admin.ModelAdmin):
    list_display = ["alt_text", "withheld", "width", "height", "created_at"]
    list_filter = ["withheld"]
    search_fields = ["alt_text"]
    readonly_fields = ["preview", "withheld", "width", "height", "created_at"]

    @admin.display(description=_("image"))
    def preview(self, obj):
        return image_preview_html(obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = PublicImageForm
        else:
            kwargs["fields"] = ["alt_text"]
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["upload", "alt_text"]
        return ["preview", "alt_text", "withheld", "width", "height", "created_at"]

    def create_through_service(self, request, form, formsets):
        return public_image_create(
            uploaded_file=form.cleaned_data["upload"], alt_text=form.cleaned_data["alt_text"], acting_user=request.user
        )

    def save_model(self, request, obj, form, change):
        if change:
            obj.save(update_fields=["alt_text"])


@admin.register(SectionSettings)
class SectionSettingsAdmin(SimpleHistoryAdmin):
    """Set by an administrator (no section's group is given these rows): inbox, default handler, escalation."""

    list_display = ["section", "inbox_email", "default_handler", "escalation_after_working_days"]
    list_select_related = ["default_handler"]
    autocomplete_fields = ["default_handler"]
