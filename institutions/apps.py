from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstitutionsConfig(AppConfig):
    name = "institutions"
    verbose_name = _("Register of cultural institutions")

    def ready(self):
        from institutions import registrations  # noqa: F401 — plugs the register into the site shell and roles
