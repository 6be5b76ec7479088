from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.models import DepartmentDuty, DepartmentProfile, Feedback, StaticPage


@admin.register(DepartmentProfile)
class DepartmentProfileAdmin(SimpleHistoryAdmin):
    list_display = ["name", "head_name", "phone", "email"]

    def has_add_permission(self, request):
        # One contact card for the department.
        return super().has_add_permission(request) and not DepartmentProfile.objects.exists()


@admin.register(DepartmentDuty)
class DepartmentDutyAdmin(SimpleHistoryAdmin):
    list_display = ["position", "title"]
    list_display_links = ["title"]
    search_fields = ["title"]
    ordering = ["position"]


@admin.register(StaticPage)
class StaticPageAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "is_published", "show_in_footer", "updated_at"]
    list_filter = ["is_published", "show_in_footer"]
    search_fields = ["title", "lead", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "short_message", "page_path", "has_contact", "status"]
    list_filter = ["status", "created_at"]
    search_fields = ["message", "page_path"]
    date_hierarchy = "created_at"
    readonly_fields = ["message", "page_path", "contact_email", "status", "created_at"]
    fields = readonly_fields

    @admin.display(description=_("opinion"))
    def short_message(self, obj):
        return obj.message[:80]

    @admin.display(description=_("answer wanted"), boolean=True)
    def has_contact(self, obj):
        return bool(obj.contact_email)

    def has_add_permission(self, request):
        return False
