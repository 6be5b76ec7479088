"""What the grants admin pages share: saving editable fields only, read-only inlines, a service's refusal."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from core.services import CaseWorkError

ADVANCED = _("Advanced")


def save_editable_fields(request, obj):
    """Save an existing record's editable fields only: statuses and stamps belong to the services."""
    names = [f.name for f in obj._meta.concrete_fields if not f.primary_key and (f.editable or f.name == "updated_at")]
    obj._history_user = request.user
    obj.save(update_fields=names)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ServiceRefusalAdminMixin:
    """Show a service's refusal raised from `save_model`/`save_related` as an error message, not a 500.

    The admin runs the whole form in one transaction: the refusal rolls it back, and the clerk is sent back
    to the same form with the service's Polish message.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except CaseWorkError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


def adopt_created(obj, created) -> None:
    """Point the admin's unsaved form instance at the record a service created, for the log and the redirect."""
    obj.pk = created.pk
    obj._state.adding = False
    obj._state.db = created._state.db
