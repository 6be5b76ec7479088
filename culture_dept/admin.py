"""The clerks' admin site: Polish headers naming the department."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Department of Culture, Social Communication and City Promotion")
    site_title = _("Culture Department — clerks' portal")
    index_title = _("Case work")


class PortalAdminConfig(AdminConfig):
    default_site = "culture_dept.admin.PortalAdminSite"
