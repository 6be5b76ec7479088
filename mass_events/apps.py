from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MassEventsConfig(AppConfig):
    name = "mass_events"
    verbose_name = _("Mass events and event notifications")

    def ready(self):
        from mass_events import registrations  # noqa: F401 — roles, navigation and the Terminarz
