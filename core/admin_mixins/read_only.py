"""Admin pieces that only show: a history looked at but never restored, inlines and registers of the rows
services write."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied


class HistoryViewOnlyMixin:
    """For a SimpleHistoryAdmin: older versions can be looked at, never restored.

    django-simple-history's version page accepts a POST that reverts the record even when its Revert button is
    hidden (`revert_disabled`); records whose state changes only through services and the workflow (register
    entries, statuses, retention) must not be rolled back that way. Put it before SimpleHistoryAdmin.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True


class ReadOnlyInlineMixin:
    """An inline that only shows rows a service wrote: no adding, changing or deleting.

    Whoever may see the parent record sees its rows (the case's history, messages, an offer's actions).
    Put it before the inline class: `class OfferActionInline(ReadOnlyInlineMixin, admin.TabularInline)`.
    """

    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # The history and messages belong to the case: whoever may see the case sees them.
        opts = self.parent_model._meta
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or request.user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """A register clerks may look at but never edit by hand (it is written by services)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
