"""The media register in the admin: outlets, mailing lists, contacts (with CSV import and export) and the
distribution log."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import ReadOnlyModelAdmin
from press.contacts_csv import contacts_export, contacts_import
from press.forms import ContactsImportForm
from press.models import DistributionLogEntry, MediaContact, MediaList, MediaOutlet


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
class DistributionLogEntryAdmin(ReadOnlyModelAdmin):
    list_display = ["created_at", "release", "conference", "contact", "media_list"]
    list_select_related = ["release", "conference", "contact", "media_list"]
    list_filter = ["media_list"]
    search_fields = ["release__title", "conference__title", "contact__name"]
    date_hierarchy = "created_at"
