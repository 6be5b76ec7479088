from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    name = "accessibility"
    verbose_name = _("Accessibility coordinator")

    def ready(self):
        from accessibility import registrations  # noqa: F401 — roles, footer, the Terminarz and the page cache
