"""The clerks' admin site: Polish headers naming the department, the dashboard as its home page, the Terminarz."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Department of Culture, Social Communication and City Promotion")
    site_title = _("Culture Department — clerks' portal")
    index_title = _("Case work")

    # The second factor, as django_otp.admin.OTPAdminSite does it. That class cannot be the base: this
    # module is imported while the app registry loads (PortalAdminConfig), and django_otp.admin imports
    # the auth models. The login form is looked up per request, so tests may switch OTP_REQUIRED.
    login_template = "admin/login.html"  # templates/admin/login.html: Django's page plus the code field

    @property
    def login_form(self):
        from django.contrib.admin.forms import AdminAuthenticationForm

        from core.auth import ClerkLoginForm

        return ClerkLoginForm if settings.OTP_REQUIRED else AdminAuthenticationForm

    def has_permission(self, request):
        """Staff who also passed the second factor; without OTP_REQUIRED (debug mode only), staff alone."""
        if not super().has_permission(request):
            return False
        if not settings.OTP_REQUIRED:
            return True
        is_verified = getattr(request.user, "is_verified", None)  # set by OTPMiddleware; fail closed without it
        return bool(is_verified and is_verified())

    def register(self, model_or_iterable, admin_class=None, **options):
        """Register as Django does, with every model admin's titles in correct Polish (PolishAdminTitlesMixin)."""
        from core.admin_mixins import PolishAdminTitlesMixin

        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, PolishAdminTitlesMixin):
            admin_class = type(
                admin_class.__name__,
                (PolishAdminTitlesMixin, admin_class),
                {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__},
            )
        super().register(model_or_iterable, admin_class, **options)

    def i18n_javascript(self, request, extra_context=None):
        """Django's catalog for the admin's scripts plus the rich-text editor's own (its dialogs in Polish)."""
        from django.views.i18n import JavaScriptCatalog

        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "django_prose_editor"])(request)

    def get_urls(self):
        from core.admin_views import CaseAssignView, CaseTakeView, DeadlineFeedView, DeadlineListView, MyCasesView

        # Before the default patterns, so that no app label or catch-all can shadow them.
        return [
            path("terminarz/", self.admin_view(DeadlineListView.as_view(admin_site=self)), name="core_deadline_list"),
            path("moduly/", self.admin_view(self.module_index), name="module_index"),
            path(
                "terminarz/kalendarz/",
                self.admin_view(DeadlineFeedView.as_view(admin_site=self)),
                name="core_deadline_feed",
            ),
            path("moje-sprawy/", self.admin_view(MyCasesView.as_view(admin_site=self)), name="core_my_cases"),
            # A case by its content type and primary key; POST only (CSRF), the service checks who may.
            path(
                "sprawy/<int:content_type_id>/<int:object_id>/przyjmij/",
                self.admin_view(CaseTakeView.as_view(admin_site=self)),
                name="core_case_take",
            ),
            path(
                "sprawy/<int:content_type_id>/<int:object_id>/przydziel/",
                self.admin_view(CaseAssignView.as_view(admin_site=self)),
                name="core_case_assign",
            ),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        """The home page is the clerk's dashboard (core.admin_dashboard); the list of modules is `module_index`."""
        from core.admin_dashboard import DashboardView

        return DashboardView.as_view(admin_site=self)(request)

    def module_index(self, request):
        """Django's own home page of the admin: every module the clerk may open, one click from the dashboard."""
        return super().index(request, extra_context={"title": _("All modules")})

    def get_app_list(self, request, app_label=None):
        """The registered apps, led by a pseudo-app linking to "Moje sprawy" and the Terminarz on the index and in the
        sidebar.

        Every staff member may open both, so the entry needs no model permission. An app's own index
        page (`app_label` given) shows only that app.
        """
        app_list = super().get_app_list(request, app_label)
        if app_label is None:
            app_list.insert(0, self._deadlines_entry())
        return app_list

    def _deadlines_entry(self):
        url = reverse("admin:core_deadline_list", current_app=self.name)
        perms = {"add": False, "change": False, "delete": False, "view": True}
        page = {"add_url": None, "view_only": True, "perms": perms}
        return {
            "name": _("My work"),
            "app_label": "deadlines",
            "app_url": url,
            "has_module_perms": True,
            "models": [
                {
                    "name": _("My cases"),
                    "object_name": "MyCases",
                    "admin_url": reverse("admin:core_my_cases", current_app=self.name),
                    **page,
                },
                {"name": _("Deadline diary"), "object_name": "DeadlineDiary", "admin_url": url, **page},
            ],
        }


class PortalAdminConfig(AdminConfig):
    default_site = "culture_dept.admin.PortalAdminSite"
