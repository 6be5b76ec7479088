"""What the register's admin pages share: who may make entries, private files, PDF upload fields."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_mixins import ServiceCreateAdminMixin
from core.uploads import PDF, ValidatedFileField
from institutions import services
from institutions.views import serve_private_file

REGISTER_PERMISSION = services.REGISTER_PERMISSION


def may_make_entries(request) -> bool:
    return request.user.has_perm(REGISTER_PERMISSION)


class RegisterBookAdminMixin(ServiceCreateAdminMixin):
    """A record whose adding writes the register book: added through its service, never deleted.

    Rozporządzenie MKiDN z 26.01.2012, § 2 (only the organiser's authorised persons make entries) and § 3 ust. 2–3
    (the book keeps every entry). Define `create_through_service` (core.admin_mixins.ServiceCreateAdminMixin).
    """

    def has_add_permission(self, request):
        return super().has_add_permission(request) and may_make_entries(request)

    def has_delete_permission(self, request, obj=None):
        return False


class PrivateFileAdminMixin:
    """Files in private storage have no URL: the change form links to a permission-checked download instead."""

    private_file_fields: tuple[str, ...] = ()

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/plik/<str:field>/",
                self.admin_site.admin_view(self.file_view),
                name=f"{opts.app_label}_{opts.model_name}_file",
            ),
            *super().get_urls(),
        ]

    def file_view(self, request, object_id, field):
        if field not in self.private_file_fields:
            raise Http404
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return serve_private_file(getattr(obj, field), public=False)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            readonly += [f"{name}_link" for name in self.private_file_fields if getattr(obj, name)]
        return readonly

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None:
            fields = [
                f"{name}_link" if name in self.private_file_fields and getattr(obj, name) else name for name in fields
            ]
        return list(dict.fromkeys(fields))

    def _file_link(self, obj, field):
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_file", args=[obj.pk, field])
        return format_html('<a href="{}">{}</a>', url, _("Download"))


def pdf_file_field(label, required=False, help_text=""):
    return ValidatedFileField(label=label, allowed_kinds=[PDF], required=required, help_text=help_text)
