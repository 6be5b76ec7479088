from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("Economic Council")

    def ready(self):
        from council import registrations  # noqa: F401 — roles, navigation, sitemap and the page cache
