"""Clerks' side of the newsletter: mailings (digests and campaigns) and the subscribers.

Subscribers are only seen (and deleted on request), never typed in: a subscriber's consent and topics are their own,
and only the subscriber changes them, from the private link.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path
from django.utils.html import format_html
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
    list_display = ["subject", "kind", "week_start", "status", "approved_at", "finished_at"]
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
