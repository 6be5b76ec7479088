"""The clerks' side of mass-event permits and notifications.

Statuses change only through the workflow panel (core.admin_mixins); the organiser's data is read-only, the
clerk edits the opinions checklist and the decision's contents. The security manager's PESEL is never a form
field nor a column: the change form shows it masked (`masked_pesel`), and the history excludes it.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import CaseAdminMixin, CaseDocumentsAdminMixin, ChangeListExportMixin, document_link_html
from core.fieldsets import admin_fieldsets, fieldset_fields
from core.rich_text import RichTextAdminMixin
from core.services import CaseWorkError
from mass_events.deadlines import artistic_event_ban_delivery_is_tight, mass_event_decision_latest
from mass_events.models import EventNotification, MassEventOpinion, MassEventPermitApplication
from mass_events.services.notifications import notification_ban_deadline, notification_dates_corrected
from mass_events.services.permits import permit_publish_to_calendar


def case_fieldset(*clocks: str) -> tuple:
    """The first group of a case's page: its mark, status and handler, the day of receipt and its `clocks`."""
    fields = ["case_mark", "status", "handler", "received_on", *clocks]
    return (None, {"fields": [*fields, "channel", "incoming_reg_no", "created_at", "closed_at"]})


CASE_READONLY_FIELDS = ["case_mark", "channel", "created_at", "closed_at", "received_on"]
# The organiser's statements as the public form groups them; the clerk sees the PESEL only masked.
PERMIT_SHOWN_AS = {"security_manager_pesel": "masked_pesel"}
PERMIT_APPLICANT_FIELDS = fieldset_fields(MassEventPermitApplication.APPLICANT_FIELDSETS, shown_as=PERMIT_SHOWN_AS)


# The decision's contents (u.b.i.m. art. 29 ust. 2) the clerk fills in; fixed once the decision is issued.
DECISION_FIELDS = [
    "decision_number",
    "permitted_participants",
    "permitted_stewards",
    "permitted_info_staff",
    "declared_high_risk",
    "decision_conditions",
    "decision_justification",
]


# The appeal to the SKO (k.p.a. art. 129, 133, 138): the clerk records the receipt day and the SKO's decision; the
# transitions stamp the forwarding and the outcome.
APPEAL_FIELDS = [
    "appeal_filed_on",
    "appeal_forwarded_on",
    "appeal_decision_number",
    "appeal_decided_on",
    "appeal_outcome",
]
APPEAL_READONLY_FIELDS = ["appeal_forwarded_on", "appeal_outcome"]


def decision_issued(application) -> bool:
    return application is not None and bool(application.decision_kind)


class OpinionInline(admin.TabularInline):
    """The opinions checklist: the four bodies, each with the opinion the organiser attached, the verdict, date and
    conditions the clerk records. The decision is issued on these opinions: afterwards they are read-only."""

    model = MassEventOpinion
    fields = ["body", "opinion_document", "verdict", "issued_on", "conditions"]
    readonly_fields = ["body", "opinion_document"]
    extra = 0
    max_num = 4
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return not decision_issued(obj) and super().has_change_permission(request, obj)

    @admin.display(description=_("opinion document"))
    def opinion_document(self, opinion):
        return document_link_html(opinion.document) if opinion.document_id else _("not attached")


@admin.register(MassEventPermitApplication)
class MassEventPermitApplicationAdmin(
    ChangeListExportMixin, RichTextAdminMixin, CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin
):
    list_display = ["case_mark", "event_name", "starts_at", "timeliness_label", "decision_due", "status"]
    export_filename = "imprezy-masowe-zezwolenia"
    export_columns = [
        "case_mark",
        "event_name",
        "event_type",
        "venue",
        "starts_at",
        "ends_at",
        "expected_participants",
        "received_on",
        "timeliness",
        "decision_due",
        "decision_kind",
        "decision_number",
        "decision_issued_on",
        "status",
    ]
    list_filter = ["status", "timeliness", "event_type"]
    search_fields = ["case_mark", "event_name", "organiser_name"]
    date_hierarchy = "starts_at"
    inlines = [OpinionInline]
    actions = ["publish_to_calendar"]
    readonly_fields = [
        *CASE_READONLY_FIELDS,
        "timeliness_label",
        *PERMIT_APPLICANT_FIELDS,
        "documents",
        "decision_kind",
        "decision_issued_on",
        "copies_sent_on",
        *APPEAL_READONLY_FIELDS,
        "calendar_event",
    ]
    fieldsets = [
        case_fieldset("timeliness_label"),
        *admin_fieldsets(MassEventPermitApplication.APPLICANT_FIELDSETS, shown_as=PERMIT_SHOWN_AS),
        (_("Documents"), {"fields": ["documents", "completion_requested_on"]}),
        (
            _("Decision (u.b.i.m. art. 29 ust. 2)"),
            {
                "fields": [
                    *DECISION_FIELDS,
                    "decision_kind",
                    "decision_issued_on",
                    "copies_sent_on",
                    "decision_delivered_on",
                ]
            },
        ),
        (_("Appeal to the SKO (u.b.i.m. art. 33, k.p.a. art. 129–138)"), {"fields": APPEAL_FIELDS}),
        (_("Public calendar"), {"fields": ["calendar_venue", "calendar_category", "calendar_event"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # The issued decision is what the organiser, the police and the voivode hold: it is never edited here.
        return [*readonly, *DECISION_FIELDS] if decision_issued(obj) else readonly

    @admin.display(description=_("timeliness"), ordering="timeliness")
    def timeliness_label(self, obj):
        label = obj.get_timeliness_display()
        if obj.is_late:
            return format_html('<strong class="late-flag">{}</strong>', label)
        return label

    @admin.display(description=_("decision due by"), ordering="starts_at")
    def decision_due(self, obj):
        return mass_event_decision_latest(obj.starts_at)

    @admin.display(description=_("security manager's PESEL"))
    def masked_pesel(self, obj):
        return obj.masked_pesel

    @admin.action(description=_("Publish in the public calendar (no personal data)"), permissions=["change"])
    def publish_to_calendar(self, request, queryset):
        done = 0
        for application in queryset.select_related("calendar_venue", "calendar_category"):
            if application.calendar_venue is None or application.calendar_category is None:
                self.message_user(
                    request,
                    _("%(case)s: choose the venue and the category for the calendar first.") % {"case": application},
                    messages.ERROR,
                )
                continue
            try:
                permit_publish_to_calendar(
                    application=application,
                    venue=application.calendar_venue,
                    category=application.calendar_category,
                    acting_user=request.user,
                )
                done += 1
            except CaseWorkError as error:
                # MassEventError, or the calendar's EventError (e.g. a permitted event longer than a year).
                self.message_user(
                    request,
                    _("%(case)s: the event could not be published in the calendar: %(reason)s")
                    % {"case": application, "reason": error.message},
                    messages.ERROR,
                )
            except ValidationError as error:
                self.message_user(
                    request,
                    _("%(case)s: the event could not be published in the calendar: %(reason)s")
                    % {"case": application, "reason": " ".join(error.messages)},
                    messages.ERROR,
                )
        if done:
            self.message_user(
                request,
                ngettext("%(count)d event published.", "%(count)d events published.", done) % {"count": done},
            )


@admin.register(EventNotification)
class EventNotificationAdmin(ChangeListExportMixin, CaseDocumentsAdminMixin, CaseAdminMixin, SimpleHistoryAdmin):
    list_display = ["case_mark", "event_name", "starts_at", "is_late", "ban_deadline", "status"]
    export_filename = "imprezy-artystyczne-zawiadomienia"
    export_columns = [
        "case_mark",
        "event_name",
        "event_type",
        "venue",
        "starts_at",
        "ends_at",
        "expected_participants",
        "received_on",
        "is_late",
        "ban_deadline",
        "ban_number",
        "ban_issued_on",
        "status",
    ]
    list_filter = ["status", "is_late", "is_cyclic", "is_city_institution"]
    search_fields = ["case_mark", "event_name", "organiser_name"]
    date_hierarchy = "starts_at"
    readonly_fields = [
        *CASE_READONLY_FIELDS,
        "is_late",
        "ban_deadline",
        *fieldset_fields(EventNotification.APPLICANT_FIELDSETS),
        "documents",
        "certificate_requested_on",
        "ban_issued_on",
        *APPEAL_READONLY_FIELDS,
    ]
    fieldsets = [
        case_fieldset("is_late", "ban_deadline"),
        *admin_fieldsets(EventNotification.APPLICANT_FIELDSETS),
        (_("Documents"), {"fields": ["documents"]}),
        (
            _("Certificate and ban (u.o.p.d.k. art. 34–36)"),
            {
                "fields": [
                    "certificate_requested_on",
                    "certificate_delivered_on",
                    "ban_number",
                    "ban_issued_on",
                    "ban_delivered_on",
                ]
            },
        ),
        (_("Appeal to the SKO (u.o.p.d.k. art. 36, k.p.a. art. 133–138)"), {"fields": APPEAL_FIELDS}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("ban deadline"))
    def ban_deadline(self, obj):
        return notification_ban_deadline(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        notification = self.get_object(request, object_id) if request.method == "GET" else None
        if notification is not None and notification.status in (
            EventNotification.Status.RECEIVED,
            EventNotification.Status.CERTIFICATE_REQUESTED,
        ):
            deadline = notification_ban_deadline(notification)
            if artistic_event_ban_delivery_is_tight(timezone.localdate(), deadline):
                # u.o.p.d.k. art. 36 ust. 1 counts the delivery, not the issue: a warning, not a refusal.
                self.message_user(
                    request,
                    _(
                        "A ban must be delivered to the organiser by %(date)s (u.o.p.d.k. art. 36 ust. 1), not only "
                        "issued. If you ban the event, deliver the decision by hand or electronically today."
                    )
                    % {"date": deadline.strftime("%d.%m.%Y")},
                    messages.WARNING,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "certificate_delivered_on" in form.changed_data:
            # Lateness is counted from the delivery day (u.o.p.d.k. art. 34); the clocks read the dates directly.
            notification_dates_corrected(notification=obj)
        if "ban_delivered_on" in form.changed_data and obj.ban_delivered_on:
            deadline = notification_ban_deadline(obj)
            if obj.ban_delivered_on > deadline:
                self.message_user(
                    request,
                    _(
                        "The ban was delivered after %(date)s, the last day the law allows (u.o.p.d.k. art. 36 "
                        "ust. 1): it came too late to stop the event."
                    )
                    % {"date": deadline.strftime("%d.%m.%Y")},
                    messages.WARNING,
                )
