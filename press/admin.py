"""The press office's side of the admin: releases, media contacts, conferences and accreditations.

Statuses change only through the workflow panel and bulk actions (core.admin_mixins), which call the
services; a change form never writes a field only services write (status, publication stamps).
"""

import calendar
from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import image_preview_html
from core.admin_mixins import CaseAdminMixin, StatusHistoryInline, WorkflowAdminMixin, save_editable_fields
from core.exports import CSV_CONTENT_TYPE, csv_text
from core.private_documents import stored_file_response
from core.search import text_search
from core.slugs import polish_slugify
from core.uploads import IMAGE_KINDS, PDF, ValidatedFileField
from press.contacts_csv import contacts_export, contacts_import
from press.documents import reception_list_pdf, reception_rows
from press.forms import ContactsImportForm
from press.models import (
    ATTACHMENT_MAX_BYTES,
    Accreditation,
    DistributionLogEntry,
    LetterTemplate,
    MediaContact,
    MediaList,
    MediaOutlet,
    OccasionalLetter,
    OccasionalLetterVersion,
    PressConference,
    PressRelease,
    PressReleaseCorrection,
    ReleaseAttachment,
    ReleasePhoto,
    SocialPost,
    Topic,
)
from press.services import letter_version_add, release_photo_image_store


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


class PrivateFileInput(AdminFileWidget):
    """The admin's file input without the "currently: <link>" of the stored file: a private file has no URL
    (the storage's would point under /media/, where it is not); the inline links the preview instead."""

    def is_initial(self, value):
        return False


class ReleaseAttachmentForm(forms.ModelForm):
    # Sniffed as PDF, checked for active content and stored under a random name (core.uploads).
    file = ValidatedFileField(
        label=_("file (PDF)"),
        allowed_kinds=[PDF],
        max_bytes=ATTACHMENT_MAX_BYTES,
        widget=PrivateFileInput,
        help_text=_("An accessible PDF (with text, not a scan), at most 10 MB."),
    )

    class Meta:
        model = ReleaseAttachment
        fields = ["title", "file", "position"]


class ReleaseAttachmentInline(admin.TabularInline):
    model = ReleaseAttachment
    form = ReleaseAttachmentForm
    extra = 0
    fields = ["title", "preview", "file", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("stored file"))
    def preview(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("admin:press_pressrelease_attachment_preview", args=[obj.release_id, obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Open the PDF"))


class CorrectionInline(admin.TabularInline):
    model = PressReleaseCorrection
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["created_at", "note", "created_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DistributionLogInline(admin.TabularInline):
    model = DistributionLogEntry
    fk_name = "release"
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["created_at", "contact", "media_list", "message_status"]
    readonly_fields = fields
    verbose_name_plural = _("distribution log")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("press.view_pressrelease")

    @admin.display(description=_("e-mail"))
    def message_status(self, obj):
        return obj.message.get_status_display() if obj.message else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("contact", "media_list", "message")


@admin.register(PressRelease)
class PressReleaseAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
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
            filename=f"{polish_slugify(attachment.title) or 'zalacznik'}.pdf",
            mime_type="application/pdf",
            as_attachment=False,
        )

    def save_model(self, request, obj, form, change):
        if change:
            save_editable_fields(request, obj)
        else:
            obj.created_by = request.user
            super().save_model(request, obj, form, change)


@admin.register(MediaOutlet)
class MediaOutletAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(MediaList)
class MediaListAdmin(admin.ModelAdmin):
    list_display = ["name", "description"]
    search_fields = ["name"]


@admin.register(MediaContact)
class MediaContactAdmin(SimpleHistoryAdmin):
    change_list_template = "admin/press/mediacontact/change_list.html"
    list_display = ["name", "outlet", "email", "beats", "legal_basis", "unsubscribed_at"]
    list_filter = ["lists", "legal_basis", ("unsubscribed_at", admin.EmptyFieldListFilter), "outlet__kind"]
    list_select_related = ["outlet"]
    search_fields = ["name", "email", "beats", "outlet__name"]
    autocomplete_fields = ["outlet"]
    filter_horizontal = ["lists"]
    readonly_fields = ["unsubscribed_at", "created_at", "updated_at"]
    actions = ["export_csv"]
    fieldsets = [
        (None, {"fields": ["name", "outlet", "email", "phone", "beats", "lists"]}),
        (_("Personal data"), {"fields": ["legal_basis", "legal_basis_note", "unsubscribed_at", "created_at"]}),
    ]

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="press_mediacontact_import"),
            *super().get_urls(),
        ]

    @admin.action(description=_("Export the selected contacts to CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(contacts_export(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="kontakty-media-{timezone.localdate():%Y%m%d}.csv"'
        response["Cache-Control"] = "private, no-store"
        return response

    def import_view(self, request):
        """Import contacts from a CSV file; bad lines are listed with their numbers, good ones are kept."""
        if not self.has_add_permission(request) or not self.has_change_permission(request):
            raise PermissionDenied
        report = None
        form = ContactsImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = contacts_import(content=upload.read(), acting_user=request.user)
            except ValidationError as error:
                form.add_error("file", error)
            else:
                self.message_user(
                    request,
                    gettext("Imported: %(created)d new, %(updated)d updated, %(errors)d lines refused.")
                    % {"created": report.created, "updated": report.updated, "errors": len(report.errors)},
                    messages.SUCCESS if not report.errors else messages.WARNING,
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Import media contacts from CSV"),
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/press/mediacontact/import.html", context)


@admin.register(DistributionLogEntry)
class DistributionLogEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "release", "conference", "contact", "media_list"]
    list_select_related = ["release", "conference", "contact", "media_list"]
    list_filter = ["media_list"]
    search_fields = ["release__title", "conference__title", "contact__name"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AccreditationInline(admin.TabularInline):
    model = Accreditation
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True
    fields = ["case_mark", "full_name", "outlet_name", "role", "status"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PressConference)
class PressConferenceAdmin(WorkflowAdminMixin, SimpleHistoryAdmin):
    workflow_inlines = [StatusHistoryInline]
    inlines = [AccreditationInline]
    list_display = ["title", "starts_at", "venue", "status", "invitation_sent_at"]
    list_filter = ["status"]
    search_fields = ["title", "topic"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["media_lists"]
    autocomplete_fields = ["release"]
    readonly_fields = ["invitation_sent_at", "reception_list_links", "created_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "topic", "starts_at", "venue", "speakers"]}),
        (
            _("Accreditation"),
            {"fields": ["accreditation_required", "accreditation_hours_before", "reception_list_links"]},
        ),
        (_("Invitation"), {"fields": ["media_lists", "invitation_sent_at"]}),
        (_("After the conference"), {"fields": ["materials", "release"]}),
        (_("Status"), {"fields": ["status", "created_at"]}),
    ]

    def get_urls(self):
        return [
            path(
                "<int:pk>/lista-obecnosci.<str:fmt>",
                self.admin_site.admin_view(self.reception_list_view),
                name="press_pressconference_reception_list",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("reception list"))
    def reception_list_links(self, obj):
        from django.utils.html import format_html

        if obj.pk is None:
            return "—"
        return format_html(
            '<a href="{}">PDF</a> · <a href="{}">CSV</a>',
            reverse("admin:press_pressconference_reception_list", args=[obj.pk, "pdf"]),
            reverse("admin:press_pressconference_reception_list", args=[obj.pk, "csv"]),
        )

    def reception_list_view(self, request, pk: int, fmt: str):
        """The list of accepted journalists for the reception desk, as PDF or CSV (private, not cached)."""
        conference = self.get_object(request, str(pk))
        if conference is None or not request.user.has_perm("press.view_accreditation"):
            raise PermissionDenied
        if fmt == "pdf":
            response = HttpResponse(reception_list_pdf(conference), content_type="application/pdf")
        elif fmt == "csv":
            header = ["lp", "imie_nazwisko", "redakcja", "funkcja", "legitymacja", "ekipa", "sprzet", "podpis"]
            rows = ([number, *row, ""] for number, row in enumerate(reception_rows(conference), start=1))
            response = HttpResponse(csv_text(header, rows), content_type=CSV_CONTENT_TYPE)
        else:
            return HttpResponseRedirect(reverse("admin:press_pressconference_change", args=[pk]))
        response["Content-Disposition"] = f'attachment; filename="lista-akredytowanych-{conference.slug[:60]}.{fmt}"'
        response["Cache-Control"] = "private, no-store"
        return response

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.status in PressConference.PUBLIC_STATUSES else None

    def save_model(self, request, obj, form, change):
        if change:
            save_editable_fields(request, obj)
        else:
            super().save_model(request, obj, form, change)


@admin.register(Accreditation)
class AccreditationAdmin(CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "conference", "full_name", "outlet_name", "role", "status", "created_at"]
    list_select_related = ["conference", "handler"]
    list_filter = ["status", "conference"]
    search_fields = ["case_mark", "full_name", "outlet_name", "conference__title"]
    date_hierarchy = "created_at"
    fields = [
        "case_mark",
        "status",
        "handler",
        "conference",
        "full_name",
        "outlet_name",
        "role",
        "press_card_number",
        "email",
        "phone",
        "crew",
        "equipment",
        "recording_consent",
        "channel",
        "info_clause",
        "created_at",
        "closed_at",
    ]
    readonly_fields = [
        "case_mark",
        "conference",
        "full_name",
        "outlet_name",
        "role",
        "press_card_number",
        "email",
        "phone",
        "crew",
        "equipment",
        "recording_consent",
        "channel",
        "info_clause",
        "created_at",
        "closed_at",
    ]

    def has_add_permission(self, request):
        # Requests come from the public form only.
        return False

    def save_model(self, request, obj, form, change):
        save_editable_fields(request, obj)


# Occasional letters and speeches
# ------------------------------------------------------------------------------


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "occasion_kind", "is_active", "updated_at"]
    list_filter = ["kind", "occasion_kind", "is_active"]
    search_fields = ["name", "text"]
    ordering = ["occasion_kind", "name"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "occasion_kind", "text"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["is_active"]}),
    ]


class LetterVersionInline(admin.TabularInline):
    """Every saved text, newest first, read-only; the approved one is marked."""

    model = OccasionalLetterVersion
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["number", "created_at", "author", "is_approved", "text_display"]
    readonly_fields = fields
    verbose_name_plural = _("versions of the text")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("press.view_occasionalletter")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "letter").order_by("-number")

    @admin.display(description=_("approved"), boolean=True)
    def is_approved(self, obj):
        return obj.letter.approved_version_id == obj.pk

    @admin.display(description=_("text"))
    def text_display(self, obj):
        from django.template.defaultfilters import linebreaksbr

        return linebreaksbr(obj.text, autoescape=True)


class OccasionalLetterForm(forms.ModelForm):
    text = forms.CharField(
        label=_("text"),
        widget=forms.Textarea(attrs={"rows": 20}),
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
        if change:
            save_editable_fields(request, obj)
        else:
            obj.created_by = request.user
            super().save_model(request, obj, form, change)
        text = form.cleaned_data.get("text", "").strip()
        if not change and not text and obj.template is not None:
            text = obj.template.text.strip()
        if text and (not change or "text" in form.changed_data):
            # A new version row; an unchanged text saves nothing (press.services.letter_version_add).
            letter_version_add(letter=obj, text=text, acting_user=request.user)


# Social-media plan
# ------------------------------------------------------------------------------

CALENDAR_FIRST_YEAR = 2000
CALENDAR_LAST_YEAR = 2100


@admin.register(SocialPost)
class SocialPostAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    """The plan of posts; the month calendar (calendar_view) is linked from the changelist.

    "Mark as published" needs the address of the post: the clerk publishes by hand on the platform,
    enters the address in the form, saves, then presses the button. Nothing is posted automatically.
    """

    change_list_template = "admin/press/socialpost/change_list.html"
    workflow_inlines = [StatusHistoryInline]
    list_display = ["planned_at", "channel", "short_text", "status", "release", "event", "post_url"]
    list_filter = ["channel", "status", ("planned_at", admin.DateFieldListFilter)]
    list_select_related = ["release", "event"]
    search_fields = ["text", "post_url"]
    ordering = ["-planned_at", "-pk"]
    date_hierarchy = "planned_at"
    autocomplete_fields = ["image", "release", "event"]
    readonly_fields = ["published_at", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["channel", "planned_at", "text", "image"]}),
        (_("Linked to"), {"fields": ["release", "event"]}),
        (_("Publication"), {"fields": ["status", "post_url", "published_at"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("text of the post"))
    def short_text(self, obj):
        return obj.text[:80]

    def get_urls(self):
        view = self.admin_site.admin_view(self.calendar_view)
        return [
            path("kalendarz/", view, name="press_socialpost_calendar"),
            path("kalendarz/<int:year>/<int:month>/", view, name="press_socialpost_calendar_month"),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if change:
            save_editable_fields(request, obj)
        else:
            obj.created_by = request.user
            super().save_model(request, obj, form, change)

    def calendar_view(self, request, year: int | None = None, month: int | None = None):
        """The plan of one month as a table of weeks, Monday first; the posts are read in one query."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        if year is None or month is None:
            first = today.replace(day=1)
        elif CALENDAR_FIRST_YEAR <= year <= CALENDAR_LAST_YEAR and 1 <= month <= 12:
            first = date(year, month, 1)
        else:
            return HttpResponseRedirect(reverse("admin:press_socialpost_calendar"))
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        zone = timezone.get_current_timezone()
        start = datetime.combine(first, time.min, tzinfo=zone)
        end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)
        posts_by_day: dict[date, list[SocialPost]] = {}
        for post in SocialPost.objects.filter(planned_at__gte=start, planned_at__lt=end).order_by("planned_at", "pk"):
            posts_by_day.setdefault(timezone.localtime(post.planned_at).date(), []).append(post)
        weeks = [
            [{"day": day, "outside": day.month != first.month, "posts": posts_by_day.get(day, [])} for day in week]
            for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(first.year, first.month)
        ]
        previous_month = (first - timedelta(days=1)).replace(day=1)
        next_month = last + timedelta(days=1)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Social-media plan: %(month)s") % {"month": _month_name(first)},
            "month": first,
            "month_label": _month_name(first),
            "today": today,
            "weeks": weeks,
            "weekdays": [cell["day"] for cell in weeks[0]],
            "has_posts": bool(posts_by_day),
            "previous_month": previous_month if previous_month.year >= CALENDAR_FIRST_YEAR else None,
            "next_month": next_month if next_month.year <= CALENDAR_LAST_YEAR else None,
        }
        return TemplateResponse(request, "admin/press/socialpost/calendar.html", context)


def _month_name(first: date) -> str:
    from django.utils.dateformat import format as date_format

    return date_format(first, "F Y")
