from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MourningConfig(AppConfig):
    name = "mourning"
    verbose_name = _("Mourning on the portal")

    def ready(self):
        from mourning import registrations  # noqa: F401 — roles, the ribbon on every page and the page cache
