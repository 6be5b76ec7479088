"""Press releases in the admin: the release with its photos, PDF attachments, corrections and distribution log."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import image_preview_html
from core.admin_mixins import ReadOnlyInlineMixin, StatusHistoryInline, WorkflowAdminMixin
from core.private_documents import stored_file_response
from core.public_attachments import PublicAttachmentInline
from core.rich_text import RichTextAdminMixin
from core.uploads import IMAGE_KINDS, ValidatedFileField
from press.models import (
    DistributionLogEntry,
    PressRelease,
    PressReleaseCorrection,
    ReleaseAttachment,
    ReleasePhoto,
    Topic,
)
from press.services import release_photo_image_store


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ReleasePhotoForm(forms.ModelForm):
    """A photo is uploaded here, for this release only: while the release is not public the file is withheld
    (private storage, no public address) and clerks see it through the preview (press.services)."""

    upload = ValidatedFileField(
        label=_("photo file"),
        allowed_kinds=IMAGE_KINDS,
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 10 MB. On a saved photo: a new file replaces it."),
    )
    alt_text = forms.CharField(
        label=_("alternative text"),
        max_length=250,
        required=False,
        help_text=_("What the photo shows, for people who cannot see it, e.g. “Orchestra on the stage of MCK”."),
    )
    acting_user = None

    class Meta:
        model = ReleasePhoto
        fields = ["upload", "alt_text", "caption", "author", "licence", "image_rights_confirmed", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["alt_text"].initial = self.instance.image.alt_text

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and not cleaned.get("upload"):
            self.add_error("upload", gettext("Choose the file of the photo."))
        if not " ".join((cleaned.get("alt_text") or "").split()):
            self.add_error("alt_text", gettext("Describe what the image shows (alternative text)."))
        return cleaned

    def save(self, commit=True):
        photo = super().save(commit=False)
        upload, alt_text = self.cleaned_data.get("upload"), " ".join(self.cleaned_data["alt_text"].split())
        if upload:
            # Checked by the field already (kind, size, pixels), so storing it does not fail on the file.
            photo.image = release_photo_image_store(
                release=photo.release, uploaded_file=upload, alt_text=alt_text, acting_user=self.acting_user
            )
        elif photo.image.alt_text != alt_text:
            photo.image.alt_text = alt_text
            photo.image.save(update_fields=["alt_text"])
        if commit:
            photo.save()
        return photo


class ReleasePhotoInline(admin.TabularInline):
    model = ReleasePhoto
    form = ReleasePhotoForm
    extra = 0
    fields = ["preview", "upload", "alt_text", "caption", "author", "licence", "image_rights_confirmed", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("photo"))
    def preview(self, obj):
        return image_preview_html(obj.image) if obj.pk else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = type("ReleasePhotoForm", (formset.form,), {"acting_user": request.user})
        return formset


class ReleaseAttachmentInline(PublicAttachmentInline):
    model = ReleaseAttachment
    fields = ["title", "preview", "file", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("stored file"))
    def preview(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("admin:press_pressrelease_attachment_preview", args=[obj.release_id, obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Open the PDF"))


class CorrectionInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = PressReleaseCorrection
    fields = ["created_at", "note", "created_by"]
    readonly_fields = fields


class DistributionLogInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = DistributionLogEntry
    fk_name = "release"
    fields = ["created_at", "contact", "media_list", "message_status"]
    readonly_fields = fields
    verbose_name_plural = _("distribution log")

    @admin.display(description=_("e-mail"))
    def message_status(self, obj):
        return obj.message.get_status_display() if obj.message else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("contact", "media_list", "message")


@admin.register(PressRelease)
class PressReleaseAdmin(RichTextAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow_inlines = [StatusHistoryInline]
    inlines = [ReleasePhotoInline, ReleaseAttachmentInline, CorrectionInline, DistributionLogInline]
    list_display = ["title", "status", "publish_at", "published_at", "distributed_at"]
    list_filter = ["status", "topics", "district", ("publish_at", admin.DateFieldListFilter)]
    search_fields = ["title", "lead", "body"]
    autocomplete_fields = ["related_events"]
    filter_horizontal = ["topics", "media_lists"]
    date_hierarchy = "publish_at"
    readonly_fields = ["published_at", "distributed_at", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Classification"), {"fields": ["topics", "district", "related_events"]}),
        (_("Contact for journalists"), {"fields": ["contact_name", "contact_email", "contact_phone"]}),
        (_("English version"), {"classes": ["collapse"], "fields": ["title_en", "lead_en", "body_en"]}),
        (
            _("Publication and distribution"),
            {
                "fields": [
                    "status",
                    "publish_at",
                    "media_lists",
                    "published_at",
                    "distributed_at",
                    "created_by",
                    "created_at",
                ]
            },
        ),
    ]

    def view_on_site(self, obj):
        return obj.get_absolute_url() if PressRelease.objects.published().filter(pk=obj.pk).exists() else None

    def get_urls(self):
        return [
            path(
                "<int:release_id>/zalaczniki/<int:pk>/",
                self.admin_site.admin_view(self.attachment_preview),
                name="press_pressrelease_attachment_preview",
            ),
            *super().get_urls(),
        ]

    def attachment_preview(self, request, release_id: int, pk: int):
        """A release's PDF for clerks who may view releases, also under embargo (never cached)."""
        release = PressRelease.objects.filter(pk=release_id).first()
        if release is None or not self.has_view_or_change_permission(request, release):
            raise PermissionDenied
        attachment = get_object_or_404(ReleaseAttachment, pk=pk, release=release)
        return stored_file_response(
            attachment.file,
            filename=attachment.download_filename,
            mime_type=attachment.mime_type,
            as_attachment=False,
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
