from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromotionConfig(AppConfig):
    name = "promotion"
    verbose_name = _("City promotion and investment")

    def ready(self):
        from promotion import registrations  # noqa: F401 — roles, navigation, sitemap, page cache and the Terminarz
