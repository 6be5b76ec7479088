"""The read-only inlines of a workflow record: its status history, its messages, the applicant's changes."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericStackedInline, GenericTabularInline
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from core.admin_mixins.read_only import ReadOnlyInlineMixin
from core.models import ApplicantChange, CaseMessage, StatusChange


class StatusHistoryInline(ReadOnlyInlineMixin, GenericTabularInline):
    model = StatusChange
    fields = ["created_at", "action_label", "from_status_label", "to_status_label", "actor", "note"]
    readonly_fields = fields
    verbose_name = _("status change")
    verbose_name_plural = _("status history")

    @admin.display(description=_("action"))
    def action_label(self, obj):
        return obj.action_label()

    @admin.display(description=_("from status"))
    def from_status_label(self, obj):
        return obj.from_status_label()

    @admin.display(description=_("to status"))
    def to_status_label(self, obj):
        return obj.to_status_label()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class CaseMessageInline(ReadOnlyInlineMixin, GenericTabularInline):
    model = CaseMessage
    fields = ["created_at", "author_kind", "author", "body"]
    readonly_fields = fields
    verbose_name = _("message")
    verbose_name_plural = _("messages with the applicant")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class ApplicantChangeInline(ReadOnlyInlineMixin, GenericStackedInline):
    """Every set of changes the applicant sent from the tracking page: what changed, and both whole versions."""

    model = ApplicantChange
    fields = ["created_at", "comparison"]
    readonly_fields = fields
    verbose_name = _("changes sent by the applicant")
    verbose_name_plural = _("changes sent by the applicant")

    @admin.display(description=_("what changed"))
    def comparison(self, obj):
        return render_to_string(
            "admin/core/applicant_change.html",
            {"differences": obj.differences(), "before": obj.before, "after": obj.after},
        )


#: The id of the admin's inline group of applicant changes (the workflow panel links to it).
APPLICANT_CHANGES_GROUP = "core-applicantchange-content_type-object_id-group"
