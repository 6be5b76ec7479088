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


class StaticPageSitemap(Sitemap):
    changefreq = "monthly"
    i18n = True
    alternates = True

    def items(self):
        return StaticPage.objects.published().order_by("pk")

    def lastmod(self, page):
        return page.updated_at


# Apps add their sitemaps here from AppConfig.ready().
sitemaps = {"static": StaticViewSitemap, "pages": StaticPageSitemap}
