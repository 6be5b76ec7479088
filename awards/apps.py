from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Scholarships and awards")

    def ready(self):
        from awards import registrations  # noqa: F401 — plugs awards into the site shell, roles and the Terminarz
