"""The clerks' side of the events calendar: events with their dates, venues, categories and organisers' submissions.

Statuses change only through the workflow panel and bulk actions, which call the services; a change form
never writes a field the clerk cannot edit (status, publication stamp, case data), so saving a form (or
reverting to an older version) cannot undo a status change made in the meantime.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import (
    CaseAdminMixin,
    ChangeListExportMixin,
    StatusHistoryInline,
    WorkflowAdminMixin,
    case_documents_html,
)
from core.public_attachments import PublicAttachmentInline
from core.rich_text import RichTextAdminMixin
from core.services import CaseWorkError
from events.models import (
    Category,
    Event,
    EventAttachment,
    EventOccurrence,
    EventSubmission,
    Venue,
)
from events.selectors import event_dates
from events.services import event_duplicate, occurrence_cancel, occurrence_move, occurrences_from_rule

VENUE_ACCESSIBILITY_FIELDS = [
    "step_free_entry",
    "accessible_toilet",
    "induction_loop",
    "quiet_space",
    "disabled_parking",
]


class OccurrenceInlineForm(forms.ModelForm):
    cancel_date = forms.BooleanField(
        label=_("cancel this date"),
        required=False,
        help_text=_("Calendars that subscribed are told the date is cancelled."),
    )

    class Meta:
        model = EventOccurrence
        fields = ["starts_at", "ends_at", "note", "cancel_date"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.status == EventOccurrence.Status.CANCELLED:
            self.fields["cancel_date"].initial = True
            self.fields["cancel_date"].disabled = True


class EventOccurrenceInline(admin.TabularInline):
    """The dates of an event. A changed date or a cancellation goes through the services (SEQUENCE grows)."""

    model = EventOccurrence
    form = OccurrenceInlineForm
    fields = ["starts_at", "ends_at", "status", "note", "cancel_date", "calendar_version"]
    readonly_fields = ["status", "calendar_version"]
    extra = 0
    min_num = 1
    validate_min = True

    @admin.display(description=_("version in calendars"))
    def calendar_version(self, obj):
        return obj.sequence if obj.pk else "—"

    def has_delete_permission(self, request, obj=None):
        # A date residents may have seen is cancelled, never deleted: subscribed calendars must learn of it.
        if obj is not None and obj.status not in (Event.Status.DRAFT, Event.Status.SUBMITTED):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["position", "name"]


@admin.register(Venue)
class VenueAdmin(SimpleHistoryAdmin):
    list_display = ["name", "district", "street_address", *VENUE_ACCESSIBILITY_FIELDS]
    list_filter = ["district", *VENUE_ACCESSIBILITY_FIELDS]
    search_fields = ["name", "street_address"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "street_address", "postal_code", "district", "description"]}),
        (_("Location on the map"), {"fields": ["latitude", "longitude"]}),
        (_("Accessibility"), {"fields": [*VENUE_ACCESSIBILITY_FIELDS, "accessibility_notes"]}),
    ]


class EventAdminForm(forms.ModelForm):
    """The event form plus "repeat the first date": weekly workshops become separate dates in one go."""

    repeat_frequency = forms.ChoiceField(
        label=_("Repeat the first date"),
        required=False,
        choices=[
            ("", _("do not repeat")),
            ("DAILY", _("every day")),
            ("WEEKLY", _("every week")),
            ("MONTHLY", _("every month")),
        ],
    )
    repeat_count = forms.IntegerField(
        label=_("Number of further dates"),
        required=False,
        min_value=1,
        max_value=365,
        help_text=_("E.g. 9 for ten Tuesday workshops. Each date can later be cancelled or moved on its own."),
    )

    class Meta:
        model = Event
        # The admin passes the fields of EventAdmin.fieldsets; these are only the form's own default.
        fields = ["title", "lead"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("repeat_frequency") and not cleaned.get("repeat_count"):
            self.add_error("repeat_count", _("Say how many further dates to add."))
        return cleaned


class EventAttachmentInline(PublicAttachmentInline):
    model = EventAttachment


@admin.register(Event)
class EventAdmin(ChangeListExportMixin, RichTextAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    form = EventAdminForm
    change_form_template = "admin/events/event/change_form.html"
    workflow_inlines = [StatusHistoryInline]
    inlines = [EventOccurrenceInline, EventAttachmentInline]
    list_display = ["title", "first_date", "venue", "category", "status", "co_organised_by_city", "is_highlighted"]
    list_filter = [
        "status",
        "category",
        "venue__district",
        "venue",
        ("organiser_name", admin.AllValuesFieldListFilter),
        "co_organised_by_city",
        "honorary_patronage",
        "is_highlighted",
        "price_kind",
        ("occurrences__starts_at", admin.DateFieldListFilter),
    ]
    search_fields = ["title", "lead", "organiser_name", "venue__name"]
    list_select_related = ["venue", "category"]
    export_filename = "wydarzenia"
    export_columns = [
        "title",
        "first_date",
        (_("Venue"), "venue__name"),
        (_("District"), "venue__district"),
        (_("Category"), "category__name"),
        "organiser_name",
        "co_organised_by_city",
        "price_kind",
        "status",
        "is_highlighted",
        "published_at",
    ]
    autocomplete_fields = ["venue", "category", "image"]
    date_hierarchy = "created_at"
    actions = ["duplicate"]
    readonly_fields = ["published_at", "created_by", "created_at", "updated_at", "honorary_patronage"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "description", "category", "venue"]}),
        (_("Audience"), {"fields": ["for_children", "for_youth", "for_seniors", "for_families"]}),
        (
            _("Organiser"),
            {"fields": ["organiser_name", "organiser_url", "co_organised_by_city", "honorary_patronage"]},
        ),
        (_("Image"), {"fields": ["image", "image_credit"]}),
        (
            _("Admission"),
            {"fields": ["price_kind", "price_from", "price_to", "ticket_url", "registration_url", "capacity"]},
        ),
        (_("Accessibility of the programme"), {"fields": ["sign_language_interpreter", "audio_description"]}),
        (
            _("Publication"),
            {"fields": ["status", "publish_at", "is_highlighted", "published_at", "created_by", "created_at"]},
        ),
        (_("Repetition"), {"fields": ["repeat_frequency", "repeat_count"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        frequency, count = form.cleaned_data.get("repeat_frequency"), form.cleaned_data.get("repeat_count")
        first = form.instance.occurrences.order_by("starts_at").first()
        if frequency and count and first is not None:
            try:
                created = occurrences_from_rule(
                    event=form.instance,
                    first_start=first.starts_at,
                    duration=(first.ends_at - first.starts_at) if first.ends_at else None,
                    # COUNT includes the first date, which exists already: it is dropped below.
                    rule=f"FREQ={frequency};COUNT={count + 1}",
                    acting_user=request.user,
                )
                EventOccurrence.objects.filter(pk=created[0].pk).delete()
            except CaseWorkError as error:
                self.message_user(request, error.message, messages.ERROR)

    def get_queryset(self, request):
        first_start = (
            EventOccurrence.objects.filter(event=OuterRef("pk")).order_by("starts_at").values("starts_at")[:1]
        )
        return super().get_queryset(request).annotate(first_starts_at=Subquery(first_start))

    @admin.display(description=_("first date"), ordering="first_starts_at")
    def first_date(self, obj):
        return obj.first_starts_at

    def view_on_site(self, obj):
        # Only a page residents can open; a draft is seen through the preview.
        return obj.get_absolute_url() if obj.status in Event.PUBLIC_STATUSES else None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not EventOccurrence:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)
        for occurrence in formset.deleted_objects:
            occurrence.delete()
        for occurrence in formset.new_objects:
            occurrence.save()
        for occurrence, changed in formset.changed_objects:
            # The form has put the new values on the instance; the services save them with a higher SEQUENCE.
            moved = "starts_at" in changed or "ends_at" in changed
            if moved:
                occurrence_move(
                    occurrence=occurrence,
                    starts_at=occurrence.starts_at,
                    ends_at=occurrence.ends_at,
                    acting_user=request.user,
                    note=occurrence.note,
                )
            if "cancel_date" in changed:
                occurrence_cancel(occurrence=occurrence, acting_user=request.user, note=occurrence.note)
            elif "note" in changed and not moved:
                EventOccurrence.objects.filter(pk=occurrence.pk).update(
                    note=occurrence.note, updated_at=timezone.now()
                )

    @admin.action(description=_("Duplicate as a new draft (with the dates still to come)"), permissions=["add"])
    def duplicate(self, request, queryset):
        copies = [event_duplicate(event=event, acting_user=request.user) for event in queryset]
        self.message_user(
            request,
            ngettext(
                "%(count)d event copied as a draft. Check its dates before publishing.",
                "%(count)d events copied as drafts. Check their dates before publishing.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )
        if len(copies) == 1:
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[copies[0].pk]))
        return None

    # Preview: the event as residents will see it, for the clerks only, whatever its status.

    def get_urls(self):
        return [
            path(
                "<path:object_id>/podglad/",
                self.admin_site.admin_view(self.preview_view),
                name="events_event_preview",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        extra_context["preview_url"] = reverse("admin:events_event_preview", args=[object_id])
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_view(self, request, object_id):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        event = self.get_object(request, object_id)
        if event is None:
            raise Http404
        event = Event.objects.select_related("venue", "category", "image").get(pk=event.pk)
        upcoming, past = event_dates(event)
        context = {
            "event": event,
            "upcoming": upcoming,
            "past": past,
            "next_date": next((o for o in upcoming if o.status != EventOccurrence.Status.CANCELLED), None),
            "is_public": Event.objects.published().filter(pk=event.pk).exists(),
            "change_url": reverse("admin:events_event_change", args=[event.pk]),
        }
        response = TemplateResponse(request, "admin/events/event/preview.html", context)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


@admin.register(EventSubmission)
class EventSubmissionAdmin(CaseAdminMixin, SimpleHistoryAdmin):
    # Reverting a case would bring back personal data removed by retention: older versions are only shown.
    list_display = ["case_mark", "event_title", "contact_name", "contact_email", "status", "created_at"]
    list_select_related = ["event", "handler"]
    list_filter = ["status"]
    search_fields = ["case_mark", "event__title", "contact_name"]
    date_hierarchy = "created_at"
    fields = [
        "case_mark",
        "status",
        "handler",
        "event_link",
        "contact_name",
        "contact_email",
        "contact_phone",
        "submitted_image",
        "image_alt_text",
        "documents",
        "channel",
        "incoming_reg_no",
        "info_clause",
        "created_at",
        "closed_at",
    ]
    readonly_fields = [
        "case_mark",
        "event_link",
        "contact_name",
        "contact_email",
        "contact_phone",
        "submitted_image",
        "documents",
        "channel",
        "info_clause",
        "created_at",
        "closed_at",
    ]

    @admin.display(description=_("event"), ordering="event__title")
    def event_title(self, obj):
        return obj.event.title

    @admin.display(description=_("submitted event"))
    def event_link(self, obj):
        url = reverse("admin:events_event_change", args=[obj.event_id])
        return format_html('<a href="{}">{}</a>', url, obj.event.title)

    @admin.display(description=_("submitted image"))
    def submitted_image(self, obj):
        document = obj.image_document
        if document is None:
            return "—"
        url = reverse("core:document_download", args=[document.pk])
        return format_html(
            '<a href="{}">{}</a> ({})',
            url,
            document.original_name or document,
            _("becomes the event's image when the submission is accepted"),
        )

    @admin.display(description=_("documents"))
    def documents(self, obj):
        return case_documents_html(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "image_document")

    def has_add_permission(self, request):
        # Submissions come from the public form only.
        return False
