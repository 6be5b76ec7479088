from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("City Hall library")

    def ready(self):
        from library import registrations  # noqa: F401 — the Terminarz's deadlines and the library's role
