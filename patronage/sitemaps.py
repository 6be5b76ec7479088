from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PatronagePagesSitemap(Sitemap):
    """The duty's public pages: the overview, the register of patronages, the symbols and the two forms."""

    changefreq = "weekly"
    i18n = True
    alternates = True

    def items(self):
        return [
            "patronage:overview",
            "patronage:register",
            "patronage:application_create",
            "patronage:symbols",
            "patronage:symbol_request_create",
        ]

    def location(self, item):
        return reverse(item)
