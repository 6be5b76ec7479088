"""Clerks' side of the newsletter: mailings (digests and campaigns) and the subscribers.

Subscribers are only seen (and deleted on request), never typed in: a subscriber's consent and topics are their own,
and only the subscriber changes them, from the private link.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_mixins import ReadOnlyModelAdmin, WorkflowAdminMixin
from core.rich_text import RichTextAdminMixin
from newsletter import services
from newsletter.models import Mailing, Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(ReadOnlyModelAdmin):
    list_display = ["email", "status", "consent_version", "consent_given_at", "confirmed_at", "hard_bounces"]
    list_filter = ["status", "consent_version", "events", "press_releases", "grant_calls", "meetings"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["email", "status", "hard_bounces", "bouncing_since"]}),
        (_("Consent"), {"fields": ["consent_text", "consent_version", "consent_given_at", "confirmed_at"]}),
        (
            _("Topics"),
            {
                "fields": [
                    "events",
                    "event_categories",
                    "districts",
                    "press_releases",
                    "press_topics",
                    "grant_calls",
                    "meetings",
                ]
            },
        ),
    ]
    readonly_fields = [name for _legend, options in fieldsets for name in options["fields"]]

    def has_delete_permission(self, request, obj=None):
        # RODO art. 17: a clerk deletes an address when its owner asks by letter or phone.
        return admin.ModelAdmin.has_delete_permission(self, request, obj)


def mourning_warning(mailing: Mailing, period) -> str:
    """What the clerk reads on a mailing that falls in a mourning period (DOMAIN.md §F.6)."""
    values = {
        "period": period.get_kind_display(),
        "reason": period.reason,
        "start": date_format(timezone.localtime(period.starts_at), "j E Y"),
        "end": date_format(period.last_day, "j E Y"),
    }
    if mailing.status == Mailing.Status.APPROVED and mailing.approved_at >= period.starts_at:
        text = gettext(
            "This mailing falls in a period of mourning (%(period)s %(reason)s, %(start)s – %(end)s); it was approved "
            "during the mourning and goes out."
        )
    elif mailing.status == Mailing.Status.APPROVED:
        text = gettext(
            "This mailing falls in a period of mourning (%(period)s %(reason)s, %(start)s – %(end)s). Its remaining "
            "batches wait until the mourning ends; cancel the mailing if it should not go out at all."
        )
    else:
        text = gettext(
            "This mailing falls in a period of mourning (%(period)s %(reason)s, %(start)s – %(end)s). Review its "
            "text and the events it announces before approving it."
        )
    return text % values


class MailingForm(forms.ModelForm):
    class Meta:
        model = Mailing
        fields = ["kind", "subject", "week_start", "body"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Mailing.Kind.DIGEST and not cleaned.get("week_start"):
            self.add_error("week_start", _("A digest needs the first day of its week."))
        return cleaned


@admin.register(Mailing)
class MailingAdmin(RichTextAdminMixin, WorkflowAdminMixin, SimpleHistoryAdmin):
    """Digests and campaigns: written or prepared as drafts, looked at in the preview, approved, then sent."""

    form = MailingForm
    list_display = ["subject", "kind", "week_start", "status", "in_mourning", "approved_at", "finished_at"]
    list_filter = ["kind", "status"]
    search_fields = ["subject"]
    date_hierarchy = "created_at"
    readonly_fields = ["preview", "progress", "created_by", "approved_by", "approved_at", "finished_at"]
    fieldsets = [
        (None, {"fields": ["kind", "subject", "week_start", "body", "status"]}),
        (_("Preview and sending"), {"fields": ["preview", "progress", "approved_by", "approved_at", "finished_at"]}),
    ]

    def has_change_permission(self, request, obj=None):
        # An approved mailing is being sent as it was approved: its text is no longer edited.
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.status == Mailing.Status.DRAFT)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # One query for the page's flags (DOMAIN.md §F.6), however many rows it shows.
        found = services.mailings_in_mourning(changelist.result_list)
        for mailing in changelist.result_list:
            mailing.mourning_period = found.get(mailing.pk)
        return changelist

    @admin.display(description=_("mourning"))
    def in_mourning(self, obj):
        period = getattr(obj, "mourning_period", None)
        if period is None:
            return "—"
        return format_html("<strong>{}</strong>", gettext("in a mourning period: review"))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        mailing = self.get_object(request, object_id)
        period = services.mailing_mourning_period(mailing) if mailing is not None else None
        if period is not None and request.method == "GET":
            messages.warning(request, mourning_warning(mailing, period))
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if obj is None or obj.pk is None:
            return _("Save the draft to see its preview.")
        return format_html(
            '<a href="{}">{}</a> · <a href="{}?format=text">{}</a>',
            obj.get_preview_url(),
            _("The e-mail as a subscriber of every topic sees it"),
            obj.get_preview_url(),
            _("Its text part"),
        )

    @admin.display(description=_("progress"))
    def progress(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        progress = services.mailing_progress(obj)
        return _("sent: %(sent)s, pending: %(pending)s, failed: %(failed)s, nothing to send: %(skipped)s") % {
            "sent": progress.sent,
            "pending": progress.pending,
            "failed": progress.failed,
            "skipped": progress.skipped,
        }

    def get_urls(self):
        return [
            path(
                "<int:pk>/podglad/",
                self.admin_site.admin_view(self.preview_view),
                name="newsletter_mailing_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk):
        """The mailing's e-mail as it would go out (a digest: for a subscriber of every topic)."""
        mailing = Mailing.objects.filter(pk=pk).first()
        if mailing is None:
            raise Http404
        if not self.has_view_permission(request, mailing):
            raise PermissionDenied
        text_part = request.GET.get("format") == "text"
        body = services.mailing_preview(mailing, text=text_part)
        content_type = "text/plain; charset=utf-8" if text_part else "text/html; charset=utf-8"
        return HttpResponse(body, content_type=content_type)
