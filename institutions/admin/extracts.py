"""Requests for extracts (odpisy) in the admin: the case, its pages and fee, the preview and the issue."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    CaseAdminMixin,
    ChangeListExportMixin,
    case_documents_html,
)
from core.money import format_pln
from institutions import services
from institutions.models import (
    ExtractRequest,
)
from institutions.models.extracts import FEE_OPEN_STATUSES


class ExtractRequestAdminForm(forms.ModelForm):
    """The clerk's form of a request: the pages and the payment follow `services.extract_request_check_fee_record`."""

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
            services.extract_request_check_fee_record(self.instance, pages=pages, fee_paid=fee_paid)
        except services.RegisterError as error:
            # A payment without pages is the model's own rule (ExtractRequest.clean), shown at the field.
            if error.code != "pages_unknown":
                raise forms.ValidationError(error.message, code=error.code) from error
        return cleaned


@admin.register(ExtractRequest)
class ExtractRequestAdmin(ChangeListExportMixin, CaseAdminMixin, SimpleHistoryAdmin):
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
    export_filename = "odpisy-z-rejestru"
    export_columns = [
        "case_mark",
        (_("Institution"), "institution__full_name"),
        (_("Entry number in the register"), "institution__entry_no"),
        "kind",
        "copies",
        "applicant_name",
        "delivery",
        "received_on",
        (_("Due date"), "export_due_date"),
        "pages",
        "fee_paid",
        "issued_on",
        "status",
    ]
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
    def export_due_date(self, obj):
        from institutions.deadlines import register_extract_due

        return register_extract_due(obj.received_on) if obj.received_on else None

    @admin.display(description=_("due date"))
    def due_date(self, obj):
        from institutions.deadlines import register_extract_due

        return register_extract_due(obj.received_on).strftime("%d.%m.%Y") if obj.received_on else "—"

    @admin.display(description=_("fee due (PLN)"))
    def fee_due(self, obj):
        if not obj.pages:
            return "—"
        return format_pln(services.extract_fee(obj.pages, obj.copies), unit=False)

    @admin.display(description=_("documents"))
    def documents(self, obj):
        return case_documents_html(obj)

    def has_add_permission(self, request):
        # Requests come from the public form; a paper request is typed in there too (or by the service).
        return False

    def has_delete_permission(self, request, obj=None):
        return False
