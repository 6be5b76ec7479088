"""The IT administrator's pages of accounts, role groups and second-factor devices, in Polish.

Django stores a permission's name in English when it migrates ("Can add offer"); the group and user forms
show it in words of the page's language instead (`permission_label`). django-otp's device pages are written
in English with no catalogue: the portal shows the devices with its own labels, and devices are still made
only by `clerk_totp` (core.auth), never typed in here.
"""

from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

PERMISSION_ACTIONS = {
    "add": _("may add"),
    "change": _("may change"),
    "delete": _("may delete"),
    "view": _("may view"),
}


def permission_label(permission) -> str:
    """ "Dotacje | oferta | może zmieniać": the section, the model and the action, all in the page's language."""
    content_type = permission.content_type
    model = content_type.model_class()
    section = apps.get_app_config(content_type.app_label).verbose_name
    if model is None:
        return f"{section} | {content_type.model} | {gettext(permission.name)}"
    history_of = getattr(model, "instance_type", None)  # a django-simple-history model: the history of another
    if history_of is not None:
        model_name = gettext("history: %(model)s") % {"model": history_of._meta.verbose_name}
    else:
        model_name = str(model._meta.verbose_name)
    action, _sep, rest = permission.codename.partition("_")
    if rest == model._meta.model_name and action in PERMISSION_ACTIONS:
        text = PERMISSION_ACTIONS[action]
    else:
        text = gettext(permission.name)
    return f"{section} | {model_name} | {text}"


class PermissionLabelsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)
admin.site.unregister(get_user_model())


@admin.register(Group)
class PortalGroupAdmin(PermissionLabelsMixin, GroupAdmin):
    pass


@admin.register(get_user_model())
class PortalUserAdmin(PermissionLabelsMixin, UserAdmin):
    pass


class DeviceForm(forms.ModelForm):
    class Meta:
        fields = ["name", "confirmed"]
        labels = {"name": _("device name"), "confirmed": _("confirmed")}
        help_texts = {
            "name": _("E.g. the clerk's phone."),
            "confirmed": _("Unticked, the device no longer signs the clerk in."),
        }


class DeviceAdmin(admin.ModelAdmin):
    """A clerk's second-factor device: renamed or switched off here, made by `clerk_totp`."""

    form = DeviceForm
    list_display = ["clerk", "device_name", "is_confirmed", "used_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "name"]
    fields = ["clerk", "name", "confirmed", "created", "used_at"]
    readonly_fields = ["clerk", "created", "used_at"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("clerk"), ordering="user__username")
    def clerk(self, obj):
        return obj.user.get_username()

    @admin.display(description=_("device name"), ordering="name")
    def device_name(self, obj):
        return obj.name

    @admin.display(description=_("confirmed"), boolean=True, ordering="confirmed")
    def is_confirmed(self, obj):
        return obj.confirmed

    @admin.display(description=_("added at"), ordering="created_at")
    def created(self, obj):
        return obj.created_at

    @admin.display(description=_("last used at"), ordering="last_used_at")
    def used_at(self, obj):
        return obj.last_used_at


for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
    admin.site.register(device_model, type(f"{device_model.__name__}Admin", (DeviceAdmin,), {}))
