from django.contrib.sitemaps import Sitemap

from events.models import Event, Venue


class EventSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True
    limit = 5000

    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, event):
        return event.updated_at


class VenueSitemap(Sitemap):
    changefreq = "monthly"
    i18n = True
    alternates = True

    def items(self):
        return Venue.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, venue):
        return venue.updated_at
