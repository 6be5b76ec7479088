"""Occasional letters and speeches in the admin: templates, requests and every version of the text."""

from django import forms
from django.contrib import admin
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import ReadOnlyInlineMixin, StatusHistoryInline, WorkflowAdminMixin
from core.rich_text import RichTextAdminMixin, RichTextWidget
from core.search import text_search
from press.models import LetterTemplate, OccasionalLetter, OccasionalLetterVersion
from press.services import letter_version_add


@admin.register(LetterTemplate)
class LetterTemplateAdmin(RichTextAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "occasion_kind", "is_active", "updated_at"]
    list_filter = ["kind", "occasion_kind", "is_active"]
    search_fields = ["name", "text"]
    ordering = ["occasion_kind", "name"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "occasion_kind", "text"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["is_active"]}),
    ]


class LetterVersionInline(ReadOnlyInlineMixin, admin.TabularInline):
    """Every saved text, newest first, read-only; the approved one is marked."""

    model = OccasionalLetterVersion
    fields = ["number", "created_at", "author", "is_approved", "text_display"]
    readonly_fields = fields
    verbose_name_plural = _("versions of the text")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "letter").order_by("-number")

    @admin.display(description=_("approved"), boolean=True)
    def is_approved(self, obj):
        return obj.letter.approved_version_id == obj.pk

    @admin.display(description=_("text"))
    def text_display(self, obj):
        # Sanitised with nh3 when the version was saved (core.html.SanitisedHTMLField).
        return mark_safe(obj.text)  # noqa: S308


class OccasionalLetterForm(forms.ModelForm):
    text = forms.CharField(
        label=_("text"),
        widget=RichTextWidget(),
        required=False,
        help_text=_(
            "Saving a changed text adds a new version; earlier versions are kept. "
            "Leave empty on a new request to start from the chosen template."
        ),
    )

    class Meta:
        model = OccasionalLetter
        fields = [
            "kind",
            "occasion_kind",
            "occasion",
            "addressee",
            "needed_on",
            "requested_by",
            "template",
            "signatory",
            "delivered_how",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        letter = self.instance
        if letter.pk is not None:
            latest = letter.versions.order_by("-number").first()
            self.fields["text"].initial = latest.text if latest else ""
            if letter.status not in OccasionalLetter.EDITABLE_STATUSES:
                self.fields["text"].disabled = True
                self.fields["text"].help_text = _("The approved text cannot be changed.")


class LetterYearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "rok"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("needed_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset.filter(needed_on__year=int(value)) if value and value.isdigit() else queryset


@admin.register(OccasionalLetter)
class OccasionalLetterAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    """The archive of letters and speeches: searchable over occasion, addressee and every version's text."""

    form = OccasionalLetterForm
    workflow_inlines = [StatusHistoryInline]
    inlines = [LetterVersionInline]
    list_display = ["occasion", "kind", "occasion_kind", "addressee", "needed_on", "status", "approved_number"]
    list_filter = ["kind", "occasion_kind", "status", LetterYearFilter]
    list_select_related = ["approved_version"]
    search_fields = ["occasion"]
    search_help_text = _("Searches the occasion, the addressee, the requester and the text of every version.")
    ordering = ["-needed_on", "-pk"]
    date_hierarchy = "needed_on"
    autocomplete_fields = ["template"]
    readonly_fields = ["approved_version", "sent_at", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["kind", "occasion_kind", "occasion", "addressee", "needed_on", "requested_by"]}),
        (_("Text"), {"fields": ["template", "text", "approved_version"]}),
        (_("Signature and dispatch"), {"fields": ["status", "signatory", "delivered_how", "sent_at"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["notes", "created_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("approved version"), ordering="approved_version__number")
    def approved_number(self, obj):
        return obj.approved_version.number if obj.approved_version else "—"

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        fields = ["occasion", "addressee", "requested_by", "versions__text"]
        matching = text_search(OccasionalLetter.objects.all(), fields, search_term).values("pk")
        return queryset.filter(pk__in=matching), False

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        text = form.cleaned_data.get("text", "").strip()
        if not strip_tags(text).strip():
            text = ""  # the editor's empty paragraph is no text
        if not change and not text and obj.template is not None:
            text = obj.template.text.strip()
        if text and (not change or "text" in form.changed_data):
            # A new version row; an unchanged text saves nothing (press.services.letter_version_add).
            letter_version_add(letter=obj, text=text, acting_user=request.user)
