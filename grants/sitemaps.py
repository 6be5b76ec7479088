from django.contrib.sitemaps import Sitemap

from grants.models import GrantCall


class GrantCallSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return GrantCall.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, call):
        return call.updated_at
