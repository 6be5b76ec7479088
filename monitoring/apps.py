from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Media monitoring")

    def ready(self):
        from monitoring import registrations  # noqa: F401 — roles and the Terminarz
