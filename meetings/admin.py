"""The meetings with residents in the admin: the schedule, publication, registrations and attendance (internal).

The section "Promocja i gospodarka" runs them (DOMAIN.md §I.3).
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import ChangeListExportMixin, HistoryViewOnlyMixin
from core.rich_text import RichTextAdminMixin
from core.services import CaseWorkError
from meetings import services
from meetings.models import MeetingPhoto, MeetingRegistration, ResidentMeeting

#: Changes that move the meeting in a subscribed calendar (a new SEQUENCE of its iCal entry).
CALENDAR_FIELDS = {"starts_at", "ends_at", "venue", "place", "title"}


class MeetingRegistrationInline(admin.TabularInline):
    """The attendance list: who registered, their needs, and (ticked by the clerk) who came. Never public."""

    model = MeetingRegistration
    extra = 0
    fields = ["full_name", "email", "phone", "needs", "attended"]
    readonly_fields = ["full_name", "email", "phone", "needs"]
    can_delete = False
    verbose_name_plural = _("attendance list (internal)")

    def has_add_permission(self, request, obj=None):
        # Registrations come from the public form, which counts the places.
        return False


class MeetingPhotoInline(admin.TabularInline):
    model = MeetingPhoto
    extra = 0
    fields = ["image", "position"]
    raw_id_fields = ["image"]


@admin.register(ResidentMeeting)
class ResidentMeetingAdmin(RichTextAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "starts_at", "district", "registered_count", "capacity", "is_published"]
    list_filter = ["kind", "is_published", "district"]
    search_fields = ["title", "place"]
    date_hierarchy = "starts_at"
    readonly_fields = ["registered_count", "is_published", "published_at", "calendar_event"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "starts_at", "ends_at"]}),
        (_("Place"), {"fields": ["venue", "place", "district", "accessibility"]}),
        (_("Topics"), {"fields": ["topics"]}),
        (_("Registration"), {"fields": ["registration_required", "capacity", "registered_count"]}),
        (
            _("After the meeting"),
            {
                "fields": ["minutes", "attendance_estimate"],
                "description": _("The minutes and the photos show on the meeting's page once it is over."),
            },
        ),
        (_("Publication"), {"fields": ["is_published", "published_at", "calendar_event"]}),
    ]
    inlines = [MeetingPhotoInline, MeetingRegistrationInline]
    actions = ["publish"]

    def save_model(self, request, obj, form, change):
        if change and obj.is_published and CALENDAR_FIELDS & set(form.changed_data):
            obj.ical_sequence += 1
        super().save_model(request, obj, form, change)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published else None

    @admin.action(description=_("Publish and announce in the events calendar"), permissions=["change"])
    def publish(self, request, queryset):
        done = 0
        for meeting in queryset.select_related("venue"):
            try:
                services.meeting_publish(meeting=meeting, acting_user=request.user)
            except CaseWorkError as error:
                self.message_user(request, f"{meeting}: {error.message}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d meeting published.", "%(count)d meetings published.", done) % {"count": done},
                messages.SUCCESS,
            )


@admin.register(MeetingRegistration)
class MeetingRegistrationAdmin(ChangeListExportMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """Every registration, to search and export the attendance lists (internal)."""

    list_display = ["full_name", "meeting", "email", "phone", "attended", "created_at"]
    list_select_related = ["meeting"]
    list_filter = ["attended", "meeting__kind"]
    search_fields = ["full_name", "email", "meeting__title"]
    fields = ["meeting", "full_name", "email", "phone", "needs", "attended", "info_clause", "created_at"]
    readonly_fields = ["meeting", "full_name", "email", "phone", "needs", "info_clause", "created_at"]
    export_filename = "lista-obecnosci"
    export_columns = [(_("Meeting"), "meeting__title"), "full_name", "email", "phone", "needs", "attended"]

    def has_add_permission(self, request):
        return False
