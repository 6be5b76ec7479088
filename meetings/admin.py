"""The meetings with residents in the admin: the schedule, publication, registrations and attendance (internal).

The section "Promocja i gospodarka" runs them (DOMAIN.md §I.3).
"""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    ChangeListExportMixin,
    HistoryViewOnlyMixin,
    ServiceCreateAdminMixin,
    save_editable_fields,
)
from core.models import OrganisationalUnit
from core.rich_text import RichTextAdminMixin
from core.services import CaseWorkError
from meetings import services
from meetings.models import MeetingPhoto, MeetingRegistration, MeetingRequest, ResidentMeeting

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
        if change and {"starts_at", "ends_at"} & set(form.changed_data):
            services.meeting_calendar_follow(meeting=obj, acting_user=request.user)

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


class MeetingRequestForm(forms.ModelForm):
    """The request's fields, and while it is unanswered the unit's answer, which the service records and sends."""

    answer_text = forms.CharField(
        label=_("answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Saving an answer ends the clock and e-mails it to the resident if they left an address."),
    )

    class Meta:
        model = MeetingRequest
        fields = ["meeting", "raised_by", "contact_email", "text", "unit"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(ServiceCreateAdminMixin, HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """Requests raised at the meetings, each with its unit and its month to answer (k.p.a. Dział VIII [K])."""

    form = MeetingRequestForm
    list_display = ["__str__", "meeting", "unit", "raised_on", "answer_due", "answered_on"]
    list_select_related = ["meeting", "unit"]
    list_filter = ["unit", ("answered_on", admin.EmptyFieldListFilter)]
    search_fields = ["text", "raised_by", "meeting__title"]
    date_hierarchy = "answer_due"
    readonly_fields = ["raised_on", "answer_due", "answer", "answered_on", "answered_by", "answer_sent_at"]

    def get_fieldsets(self, request, obj=None):
        request_fields = ["meeting", "raised_by", "contact_email", "text", "unit"]
        if obj is None:
            return [(None, {"fields": request_fields})]
        answer_fields = (
            ["answer", "answered_on", "answered_by", "answer_sent_at"] if obj.answered_on else ["answer_text"]
        )
        return [
            (None, {"fields": [*request_fields, "raised_on", "answer_due"]}),
            (_("Answer"), {"fields": answer_fields}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            # The meeting is fixed once recorded (it sets the due date); an answered request is kept as answered.
            fixed = ["meeting"] if not obj.answered_on else ["meeting", "raised_by", "contact_email", "text", "unit"]
            return [*fixed, *self.readonly_fields]
        return self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = OrganisationalUnit.objects.filter(is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def create_through_service(self, request, form, formsets):
        data = form.cleaned_data
        return services.request_record(
            meeting=data["meeting"],
            raised_by=data["raised_by"],
            contact_email=data["contact_email"],
            text=data["text"],
            unit=data["unit"],
            acting_user=request.user,
        )

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        save_editable_fields(request, obj)
        if form.cleaned_data.get("answer_text"):
            services.request_answer(request=obj, answer=form.cleaned_data["answer_text"], acting_user=request.user)
        return None
