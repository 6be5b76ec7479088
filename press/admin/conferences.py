"""Press conferences and journalists' accreditations in the admin, with the reception desk's list."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import CaseAdminMixin, StatusHistoryInline, WorkflowAdminMixin
from core.exports import CSV_CONTENT_TYPE, csv_text
from core.fieldsets import admin_fieldsets, fieldset_fields
from core.rich_text import RichTextAdminMixin
from press.documents import reception_list_pdf, reception_rows
from press.models import Accreditation, PressConference


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
class PressConferenceAdmin(RichTextAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
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


@admin.register(Accreditation)
class AccreditationAdmin(CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "conference", "full_name", "outlet_name", "role", "status", "created_at"]
    list_select_related = ["conference", "handler"]
    list_filter = ["status", "conference"]
    search_fields = ["case_mark", "full_name", "outlet_name", "conference__title"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["case_mark", "status", "handler", "conference"]}),
        *admin_fieldsets(Accreditation.APPLICANT_FIELDSETS),
        (None, {"fields": ["channel", "info_clause", "created_at", "closed_at"]}),
    ]
    readonly_fields = [
        "case_mark",
        "conference",
        *fieldset_fields(Accreditation.APPLICANT_FIELDSETS),
        "channel",
        "info_clause",
        "created_at",
        "closed_at",
    ]

    def has_add_permission(self, request):
        # Requests come from the public form only.
        return False
