from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.models import StaticPage


class StaticViewSitemap(Sitemap):
    changefreq = "weekly"
    i18n = True
    alternates = True

    def items(self):
        return ["core:home", "core:department", "core:feedback_create"]

    def location(self, item):
        return reverse(item)


class RecordSitemap(Sitemap):
    """The public pages of records, in every language, each with its last change (`updated_at`).

    A subclass sets `changefreq` and `items()` (only what residents may see, in a stable order).
    """

    i18n = True
    alternates = True

    def lastmod(self, record):
        return record.updated_at


class StaticPageSitemap(RecordSitemap):
    changefreq = "monthly"

    def items(self):
        return StaticPage.objects.published().order_by("pk")


# Apps add their sitemaps here from AppConfig.ready().
sitemaps = {"static": StaticViewSitemap, "pages": StaticPageSitemap}
