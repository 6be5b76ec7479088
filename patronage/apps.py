from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatronageConfig(AppConfig):
    name = "patronage"
    verbose_name = _("Honorary patronage and city symbols")

    def ready(self):
        from patronage import registrations  # noqa: F401 — roles, navigation, search, sitemap and the Terminarz
