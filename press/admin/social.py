"""The social-media plan in the admin: the posts and their month calendar."""

import calendar
from datetime import date, datetime, time, timedelta

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import StatusHistoryInline, WorkflowAdminMixin
from press.models import SocialPost

CALENDAR_FIRST_YEAR = 2000
CALENDAR_LAST_YEAR = 2100


@admin.register(SocialPost)
class SocialPostAdmin(WorkflowAdminMixin, admin.ModelAdmin):
    """The plan of posts; the month calendar (calendar_view) is linked from the changelist.

    "Mark as published" needs the address of the post: the clerk publishes by hand on the platform,
    enters the address in the form, saves, then presses the button. Nothing is posted automatically.
    """

    change_list_template = "admin/press/socialpost/change_list.html"
    workflow_inlines = [StatusHistoryInline]
    list_display = ["planned_at", "channel", "short_text", "status", "release", "event", "post_url"]
    list_filter = ["channel", "status", ("planned_at", admin.DateFieldListFilter)]
    list_select_related = ["release", "event"]
    search_fields = ["text", "post_url"]
    ordering = ["-planned_at", "-pk"]
    date_hierarchy = "planned_at"
    autocomplete_fields = ["image", "release", "event"]
    readonly_fields = ["published_at", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["channel", "planned_at", "text", "image"]}),
        (_("Linked to"), {"fields": ["release", "event"]}),
        (_("Publication"), {"fields": ["status", "post_url", "published_at"]}),
        (_("Advanced"), {"classes": ["collapse"], "fields": ["created_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("text of the post"))
    def short_text(self, obj):
        return obj.text[:80]

    def get_urls(self):
        view = self.admin_site.admin_view(self.calendar_view)
        return [
            path("kalendarz/", view, name="press_socialpost_calendar"),
            path("kalendarz/<int:year>/<int:month>/", view, name="press_socialpost_calendar_month"),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def calendar_view(self, request, year: int | None = None, month: int | None = None):
        """The plan of one month as a table of weeks, Monday first; the posts are read in one query."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        if year is None or month is None:
            first = today.replace(day=1)
        elif CALENDAR_FIRST_YEAR <= year <= CALENDAR_LAST_YEAR and 1 <= month <= 12:
            first = date(year, month, 1)
        else:
            return HttpResponseRedirect(reverse("admin:press_socialpost_calendar"))
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        zone = timezone.get_current_timezone()
        start = datetime.combine(first, time.min, tzinfo=zone)
        end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)
        posts_by_day: dict[date, list[SocialPost]] = {}
        for post in SocialPost.objects.filter(planned_at__gte=start, planned_at__lt=end).order_by("planned_at", "pk"):
            posts_by_day.setdefault(timezone.localtime(post.planned_at).date(), []).append(post)
        weeks = [
            [{"day": day, "outside": day.month != first.month, "posts": posts_by_day.get(day, [])} for day in week]
            for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(first.year, first.month)
        ]
        previous_month = (first - timedelta(days=1)).replace(day=1)
        next_month = last + timedelta(days=1)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Social-media plan: %(month)s") % {"month": _month_name(first)},
            "month": first,
            "month_label": _month_name(first),
            "today": today,
            "weeks": weeks,
            "weekdays": [cell["day"] for cell in weeks[0]],
            "has_posts": bool(posts_by_day),
            "previous_month": previous_month if previous_month.year >= CALENDAR_FIRST_YEAR else None,
            "next_month": next_month if next_month.year <= CALENDAR_LAST_YEAR else None,
        }
        return TemplateResponse(request, "admin/press/socialpost/calendar.html", context)


def _month_name(first: date) -> str:
    return date_format(first, "F Y")
