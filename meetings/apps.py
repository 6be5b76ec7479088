from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings with residents")

    def ready(self):
        from meetings import registrations  # noqa: F401 — roles, navigation, sitemap and the page cache
